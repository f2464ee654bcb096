package io.wavesync.engine.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Drives an operation through its life (spec §5.1, §5.4, §5.5 and decisions 4, 6, 7): retries with
 * backoff, the operation timeout, the inter-wave delay, and one engine step per call.
 */
public final class Operation {

  public static final String TIMEOUT_MESSAGE = "operation is terminating due to timeout";
  private static final String TIMEOUT_SUFFIX = ", triggered by controller sync timeout";
  private static final DateTimeFormatter RETRY_TIME =
      DateTimeFormatter.ofPattern("h:mma", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Per-operation policy: retries, an operation timeout (null = none) and the wave delay. */
  public record Policy(RetryStrategy retry, Duration timeout, Duration waveDelay) {
    public static final Policy DEFAULT = new Policy(RetryStrategy.NONE, null, Duration.ZERO);

    public Policy {
      retry = retry == null ? RetryStrategy.NONE : retry;
      waveDelay = waveDelay == null ? Duration.ZERO : waveDelay;
    }
  }

  /**
   * The result of advancing: the new state, and when to advance next at the latest because of time
   * alone (a retry becoming due, the operation timeout, a hook timeout, the end of a wave delay).
   *
   * @param notBefore no step may run before this instant (wave delay); null = any time
   * @param wakeAt the next instant at which time alone changes something; null = none
   */
  public record Progress(OperationState state, Instant notBefore, Instant wakeAt) {}

  private Operation() {}

  /** Requests termination: a running operation becomes Terminating (a completed one stays). */
  public static OperationState terminate(OperationState state) {
    if (state.phase() == OperationPhase.Running) {
      return state.withPhase(OperationPhase.Terminating, "operation is terminating");
    }
    return state;
  }

  public static Progress advance(SyncContext.Input in, SyncIo io, Policy policy) {
    OperationState state = in.state();
    Instant now = in.now();
    if (state.isCompleted()) {
      return new Progress(state, null, null);
    }

    // a failed attempt waits for its backoff; then all results are dropped and it starts over
    if (state.phase() == OperationPhase.Running && state.finishedAt() != null) {
      Instant due = policy.retry().nextRetryAt(state.finishedAt(), state.retryCount());
      if (now.isBefore(due)) {
        return new Progress(state, null, due);
      }
      state = new OperationState(OperationPhase.Running,
          "Retrying operation. Attempt #" + state.retryCount(), state.startedAt(), null,
          state.retryCount(), List.of());
    }

    if (state.phase() == OperationPhase.Running && policy.timeout() != null
        && !now.isBefore(state.startedAt().plus(policy.timeout()))) {
      state = state.withPhase(OperationPhase.Terminating, TIMEOUT_MESSAGE);
    }

    boolean terminating = state.phase() == OperationPhase.Terminating;
    boolean timedOut = terminating && TIMEOUT_MESSAGE.equals(state.message());
    SyncContext.StepResult step = SyncContext.run(
        new SyncContext.Input(in.targets(), in.live(), state, in.settings(), now, in.hookLogs()), io);
    OperationState next = step.state();

    if (terminating) {
      if (timedOut) {
        next = next.withPhase(next.phase(), next.message() + TIMEOUT_SUFFIX);
      }
      // a terminated operation is never retried
      return new Progress(next.withFinishedAt(now), null, null);
    }

    if (next.phase() == OperationPhase.Failed || next.phase() == OperationPhase.Error) {
      if (policy.retry().allows(next.retryCount())) {
        int attempt = next.retryCount() + 1;
        Instant at;
        try {
          // decision 4: the message tells the time the retry really starts
          at = policy.retry().nextRetryAt(now, attempt);
        } catch (IllegalArgumentException e) {
          return new Progress(next.withPhase(OperationPhase.Error,
              next.message() + " (failed to retry: " + e.getMessage() + ")").withFinishedAt(now),
              null, null);
        }
        OperationState retrying = new OperationState(OperationPhase.Running,
            next.message() + ". Retrying attempt #" + attempt + " at " + RETRY_TIME.format(at) + ".",
            next.startedAt(), now, attempt, next.results());
        return new Progress(retrying, null, at);
      }
      if (next.retryCount() > 0) {
        next = next.withPhase(next.phase(), next.message() + " (retried " + next.retryCount() + " times).");
      }
      return new Progress(next.withFinishedAt(now), null, null);
    }
    if (next.isCompleted()) {
      return new Progress(next.withFinishedAt(now), null, null);
    }

    Instant notBefore = step.waveApplied() && !step.finalWave() && !policy.waveDelay().isZero()
        ? now.plus(policy.waveDelay()) : null;
    Instant wakeAt = notBefore;
    if (policy.timeout() != null) {
      wakeAt = earliest(wakeAt, next.startedAt().plus(policy.timeout()));
    }
    wakeAt = earliest(wakeAt, HookTimeouts.nextExpiry(in, next));
    return new Progress(next, notBefore, wakeAt);
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }
}
