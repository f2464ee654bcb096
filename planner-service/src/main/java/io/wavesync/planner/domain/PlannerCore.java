package io.wavesync.planner.domain;

import io.wavesync.engine.manifest.Manifest;
import io.wavesync.engine.manifest.ManifestException;
import io.wavesync.engine.manifest.ManifestLoader;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.JournalIo;
import io.wavesync.engine.sync.Operation;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.OperationState;
import io.wavesync.engine.sync.ProjectPolicy;
import io.wavesync.engine.sync.RunTasksRequest;
import io.wavesync.engine.sync.SyncContext;
import io.wavesync.engine.sync.SyncSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The planner's logic for one application, free of Kafka: (record, input, now) → (record, outputs).
 * It starts operations, runs engine steps through a {@link JournalIo} (a step that needs a side
 * effect suspends; its command is sent; the answer resumes it by replay), buffers observations
 * while a step is in progress so a replay sees what the step started with, and schedules timers.
 */
public final class PlannerCore {

  /** What can happen to an application. */
  public sealed interface Input
      permits StartSync, Terminate, Answer, Observed, HookLogs, Tick, Rejected {}

  public record StartSync(OperationRequest request) implements Input {}

  public record Terminate(String operationId) implements Input {}

  /** The answer to a command sent for call {@code commandId}. */
  public record Answer(String commandId, StoredAnswer answer) implements Input {}

  /** An object of the application as observed (null object = it is gone). */
  public record Observed(String key, KubeObject object) implements Input {}

  /** Logs of a completed hook: which copy (uid) and the tail. */
  public record HookLogs(String key, String uid, String logTail) implements Input {}

  public record Tick() implements Input {}

  /** A request that could not even be read: it becomes an operation in phase Error. */
  public record Rejected(String operationId, String message) implements Input {}

  /** What the planner emits. */
  public sealed interface Output permits SendRunTasks, SendCleanup, Publish, Refused {}

  /** A wave (or validation, namespace, SyncFail) command for the phase runners. */
  public record SendRunTasks(String commandId, String operationId, int attempt, long step,
      RunTasksRequest request, Instant triggeredAt) implements Output {}

  /**
   * A cleanup command; {@code followUp} is the SyncFail wave the cleanup service publishes itself
   * once the deletions succeeded.
   */
  public record SendCleanup(String commandId, String operationId, StoredAnswer.Kind kind,
      List<KubeObject> objects, String propagationPolicy, SendRunTasks followUp, String reason)
      implements Output {
    public SendCleanup(String commandId, String operationId, StoredAnswer.Kind kind,
        List<KubeObject> objects, String propagationPolicy, SendRunTasks followUp) {
      this(commandId, operationId, kind, objects, propagationPolicy, followUp, null);
    }
  }

  /** The operation's state changed. */
  public record Publish(AppRecord record) implements Output {}

  /** A sync request refused because another operation is running. */
  public record Refused(OperationRequest request, String message) implements Output {}

  public record Result(AppRecord record, List<Output> outputs) {}

  /** Tunables. */
  public record Config(String fieldManager, Duration resendAfter, Duration backstop,
      int maxCachedTargets, java.util.function.Function<String, ProjectPolicy> projects) {
    public static final Config DEFAULT = new Config("wavesync", Duration.ofSeconds(10),
        Duration.ofSeconds(2), 64, app -> ProjectPolicy.ANY);
  }

  private final Config config;
  /** The produce time of the input being handled; a core handles one input at a time. */
  private Instant inputTime;
  /** Parsed manifests by operation id: parsing is deterministic, so this is only a cache. */
  private final Map<String, List<KubeObject>> targetsCache;

  public PlannerCore(Config config) {
    this.config = config;
    this.targetsCache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, List<KubeObject>> eldest) {
        return size() > config.maxCachedTargets();
      }
    });
  }

  public Result handle(AppRecord rec, String application, Input in, Instant now) {
    return handle(rec, application, in, now, now);
  }

  /**
   * Handles one input; {@code inputTime} is when the input was produced (the Kafka record's
   * timestamp), kept with a step it starts so the next wave command can report the transition time.
   */
  public Result handle(AppRecord rec, String application, Input in, Instant now, Instant inputTime) {
    this.inputTime = inputTime == null ? now : inputTime;
    AppRecord r = rec != null ? rec : newRecord(application);
    List<Output> out = new ArrayList<>();
    if (in instanceof StartSync s) {
      start(r, s.request(), now, out);
    } else if (in instanceof Rejected rej) {
      reject(r, rej, now, out);
    } else if (in instanceof Terminate t) {
      if (r.active() && (t.operationId() == null || t.operationId().isBlank()
          || t.operationId().equals(r.request.operationId()))) {
        if (r.stepInProgress()) {
          // a step's result must not overwrite Terminating: apply once the step is done
          r.terminateRequested = true;
        } else {
          r.state = Operation.terminate(r.state);
          r.notBefore = null;
          advance(r, now, out);
        }
      }
    } else if (in instanceof Answer a) {
      if (r.stepInProgress() && a.commandId().equals(r.outstandingCommandId)) {
        r.answers.add(a.answer());
        r.outstandingCommandId = null;
        r.outstandingSentAt = null;
        if (a.answer().kind() == StoredAnswer.Kind.RUN_TASKS) {
          // a wave that follows an applied wave in the same step (the first wave after the
          // validation dry run) is let go by this answer, not by what started the step
          r.stepTriggeredAt = inputTime;
        }
        advance(r, now, out);
      }
    } else if (in instanceof Observed o) {
      AppRecord.Observation obs = new AppRecord.Observation(o.key(), o.object());
      if (r.stepInProgress()) {
        r.buffered.add(obs);
      } else {
        applyObservation(r, obs);
        if (r.active()) {
          advance(r, now, out);
        }
      }
    } else if (in instanceof HookLogs h) {
      // a repeated report of the same copy (a restarted watcher) may no longer have the logs
      AppRecord.HookLog known = r.hookLogs.get(h.key());
      boolean sameCopy = known != null && java.util.Objects.equals(known.uid(), h.uid());
      if (h.logTail() != null && !h.logTail().isBlank() && !sameCopy) {
        r.hookLogs.put(h.key(), new AppRecord.HookLog(h.uid(), h.logTail()));
      }
    } else if (in instanceof Tick) {
      tick(r, now, out);
    }
    return new Result(r, out);
  }

  private static AppRecord newRecord(String application) {
    AppRecord r = new AppRecord();
    r.application = application;
    return r;
  }

  private void start(AppRecord r, OperationRequest req, Instant now, List<Output> out) {
    if (r.request != null && Objects.equals(r.request.operationId(), req.operationId())) {
      return; // the same request delivered again
    }
    if (r.active()) {
      out.add(new Refused(req, "another operation is already in progress"));
      return;
    }
    r.request = req;
    r.rejectedReason = null;
    r.state = OperationState.started(now);
    clearStep(r);
    r.completedSteps = 0;
    r.terminateRequested = false;
    r.notBefore = null;
    r.wakeAt = null;
    r.currentPhase = null;
    r.currentWave = null;
    r.hookLogs.clear();
    String invalid = RequestSettings.validate(req);
    if (invalid == null) {
      try {
        targets(req);
      } catch (ManifestException e) {
        invalid = "invalid manifests: " + e.getMessage();
      }
    }
    if (invalid != null) {
      r.rejectedReason = invalid;
      r.state = new OperationState(OperationPhase.Error, invalid, now, now, 0, List.of());
      out.add(new Publish(r));
      return;
    }
    out.add(new Publish(r));
    advance(r, now, out);
  }

  private void reject(AppRecord r, Rejected rej, Instant now, List<Output> out) {
    if (r.active()) {
      OperationRequest ghost = new OperationRequest(r.application, rej.operationId(), null, null,
          null, "", false, false, false, false, null, null, null, null, null, null);
      out.add(new Refused(ghost, rej.message()));
      return;
    }
    r.request = new OperationRequest(r.application, rej.operationId(), null, null, null, "", false,
        false, false, false, null, null, null, null, null, null);
    r.rejectedReason = rej.message();
    r.state = new OperationState(OperationPhase.Error, rej.message(), now, now, 0, List.of());
    clearStep(r);
    out.add(new Publish(r));
  }

  private void tick(AppRecord r, Instant now, List<Output> out) {
    if (!r.active()) {
      return;
    }
    if (r.stepInProgress()) {
      // a command may have been lost (the planner died between saving and sending): send again
      if (r.outstandingSentAt != null
          && !now.isBefore(r.outstandingSentAt.plus(config.resendAfter()))) {
        advance(r, now, out);
      }
      return;
    }
    boolean due = r.wakeAt != null && !now.isBefore(r.wakeAt);
    boolean backstop = r.lastStepAt == null || !now.isBefore(r.lastStepAt.plus(config.backstop()));
    if (due || backstop) {
      advance(r, now, out);
    }
  }

  /**
   * The earliest time at which a {@link Tick} can change anything for {@code r} (exactly the
   * conditions {@code tick} checks), or null when only an input can: the punctuator skips an
   * application until then instead of loading, stepping and saving it on every tick.
   */
  public Instant nextTick(AppRecord r) {
    if (!r.active()) {
      return null;
    }
    if (r.stepInProgress()) {
      return r.outstandingSentAt == null ? null : r.outstandingSentAt.plus(config.resendAfter());
    }
    Instant backstop = r.lastStepAt == null ? Instant.EPOCH : r.lastStepAt.plus(config.backstop());
    return r.wakeAt != null && r.wakeAt.isBefore(backstop) ? r.wakeAt : backstop;
  }

  /** Runs steps until one waits for a side effect, for observations, or for time. */
  private void advance(AppRecord r, Instant now, List<Output> out) {
    for (int guard = 0; guard < 8; guard++) {
      if (!r.active()) {
        return;
      }
      if (!r.stepInProgress() && r.notBefore != null && now.isBefore(r.notBefore)) {
        r.wakeAt = r.notBefore;
        return;
      }
      if (!r.stepInProgress()) {
        r.stepNumber = r.completedSteps;
        r.stepNow = now;
        r.answers = new ArrayList<>();
        r.stepTriggeredAt = inputTime;
      }
      List<KubeObject> targets;
      try {
        targets = targets(r.request);
      } catch (ManifestException e) {
        // validated at start; only reachable if the stored request was changed
        r.state = r.state.withPhase(OperationPhase.Error, "invalid manifests: " + e.getMessage());
        clearStep(r);
        out.add(new Publish(r));
        return;
      }
      SyncSettings settings = RequestSettings.settings(r.request, config.fieldManager())
          .toBuilder().permissionValidator(config.projects().apply(r.application).validator()).build();
      JournalIo.Journal journal = journal(r);
      SyncContext.Input input = new SyncContext.Input(targets, new ArrayList<>(r.observed.values()),
          r.state, settings, journal.now(), k -> {
            AppRecord.HookLog log = r.hookLogs.get(k.toString());
            return log == null ? null : log.tail();
          });
      try {
        Operation.Progress p =
            Operation.advance(input, new JournalIo(journal), RequestSettings.policy(r.request));
        OperationState before = r.state;
        r.state = p.state();
        r.notBefore = p.notBefore();
        r.wakeAt = p.wakeAt();
        r.lastStepAt = now;
        r.completedSteps++;
        clearStep(r);
        boolean observedMeanwhile = !r.buffered.isEmpty();
        for (AppRecord.Observation o : r.buffered) {
          applyObservation(r, o);
        }
        r.buffered.clear();
        if (!p.state().equals(before)) {
          out.add(new Publish(r));
        }
        if (r.terminateRequested) {
          r.terminateRequested = false;
          r.state = Operation.terminate(r.state);
          r.notBefore = null;
          continue;
        }
        if (observedMeanwhile) {
          // observations that arrived while the step waited for its answer (the watcher often
          // sees a resource healthy before the runner's answer arrives) are inputs like any other:
          // step again now instead of waiting for the next input or the back-stop
          continue;
        }
        return;
      } catch (JournalIo.Suspended s) {
        JournalIo.Entry e = s.entry();
        String commandId = commandId(r, e.seq());
        boolean resend = !s.newCall() && r.outstandingSentAt != null
            && !now.isBefore(r.outstandingSentAt.plus(config.resendAfter()));
        if (s.newCall() && commandId.equals(r.followUpCommandId)) {
          // the cleanup service already published this SyncFail wave after the deletions
          r.outstandingCommandId = commandId;
          r.outstandingSentAt = now;
          r.followUpCommandId = null;
        } else if (s.newCall() || resend || r.outstandingCommandId == null) {
          r.outstandingCommandId = commandId;
          r.outstandingSentAt = now;
          Output command = command(r, e.call(), commandId, input, journal, s);
          if (command instanceof SendCleanup c && c.followUp() != null) {
            r.followUpCommandId = c.followUp().commandId();
          }
          out.add(command);
          if (e.call() instanceof JournalIo.RunTasksCall rc
              && (rc.request().purpose() == RunTasksRequest.Purpose.STEP
                  || rc.request().purpose() == RunTasksRequest.Purpose.SYNC_FAIL)) {
            r.currentPhase = rc.request().phase();
            r.currentWave = rc.request().wave();
          }
        }
        return;
      }
    }
  }

  private Output command(AppRecord r, JournalIo.Call call, String commandId,
      SyncContext.Input input, JournalIo.Journal journal, JournalIo.Suspended s) {
    String opId = r.request.operationId();
    int attempt = r.state.retryCount();
    if (call instanceof JournalIo.RunTasksCall rc) {
      return new SendRunTasks(commandId, opId, attempt, r.stepNumber, rc.request(), r.stepTriggeredAt);
    }
    StoredAnswer.Kind kind = StoredAnswer.kindOf(call);
    List<KubeObject> objects;
    String policy = null;
    String reason = null;
    if (call instanceof JournalIo.RemoveFinalizersCall c) {
      objects = c.objects();
    } else if (call instanceof JournalIo.DeleteCall c) {
      objects = c.objects();
      policy = c.propagationPolicy();
      reason = c.reason();
    } else {
      objects = ((JournalIo.GetCall) call).objects();
    }
    SendRunTasks followUp = kind == StoredAnswer.Kind.DELETE
        ? syncFailFollowUp(r, s, input, commandId) : null;
    return new SendCleanup(commandId, opId, kind, objects, policy, followUp, reason);
  }

  /**
   * If the step, once these deletions succeed, goes on to start SyncFail hooks, that command is
   * handed to the cleanup service so it starts them right after the deletions. Found by replaying
   * the step with the deletions answered as done.
   */
  private SendRunTasks syncFailFollowUp(
      AppRecord r, JournalIo.Suspended s, SyncContext.Input input, String deleteCommandId) {
    JournalIo.Journal assumed = s.journal().answer(s.entry().seq(), Map.of());
    try {
      Operation.advance(input, new JournalIo(assumed), RequestSettings.policy(r.request));
    } catch (JournalIo.Suspended next) {
      if (next.entry().call() instanceof JournalIo.RunTasksCall rc
          && rc.request().purpose() == RunTasksRequest.Purpose.SYNC_FAIL) {
        return new SendRunTasks(commandId(r, next.entry().seq()), r.request.operationId(),
            r.state.retryCount(), r.stepNumber, rc.request(), r.stepTriggeredAt);
      }
    }
    return null;
  }

  /** Deterministic per operation, attempt, step and call, so every consumer can deduplicate. */
  static String commandId(AppRecord r, int seq) {
    return r.request.operationId() + "/" + r.state.retryCount() + "/" + r.stepNumber + "/" + seq;
  }

  private static JournalIo.Journal journal(AppRecord r) {
    List<JournalIo.Entry> entries = new ArrayList<>();
    for (int i = 0; i < r.answers.size(); i++) {
      StoredAnswer a = r.answers.get(i);
      entries.add(new JournalIo.Entry(i, callOfKind(a.kind()), a.toEngine()));
    }
    return new JournalIo.Journal(r.stepNow, entries);
  }

  /** Answered calls only need their kind: the step makes the call again on replay. */
  private static JournalIo.Call callOfKind(StoredAnswer.Kind kind) {
    return switch (kind) {
      case RUN_TASKS -> new JournalIo.RunTasksCall(null);
      case REMOVE_FINALIZERS -> new JournalIo.RemoveFinalizersCall(List.of());
      case DELETE -> new JournalIo.DeleteCall(List.of(), null);
      case GET -> new JournalIo.GetCall(List.of());
    };
  }

  private static void clearStep(AppRecord r) {
    r.stepNumber = null;
    r.stepNow = null;
    r.answers = new ArrayList<>();
    r.outstandingCommandId = null;
    r.outstandingSentAt = null;
  }

  private static void applyObservation(AppRecord r, AppRecord.Observation o) {
    if (o.object() == null) {
      r.observed.remove(o.key());
    } else {
      r.observed.put(o.key(), o.object());
    }
  }

  /**
   * The timeout of a running hook of {@code req}'s operation (its {@code wavesync.io/hook-timeout}
   * annotation, else the request's hook timeout); null when it has none. For the metrics.
   */
  public Duration hookTimeout(OperationRequest req, io.wavesync.engine.sync.ResourceResult hook) {
    Duration fallback;
    try {
      fallback = RequestSettings.duration(req.hookTimeout());
    } catch (IllegalArgumentException e) {
      fallback = null;
    }
    try {
      return io.wavesync.engine.sync.HookTimeouts.timeoutOf(targets(req), fallback, hook);
    } catch (ManifestException e) {
      return fallback;
    }
  }

  private List<KubeObject> targets(OperationRequest req) throws ManifestException {
    List<KubeObject> cached = targetsCache.get(req.operationId());
    if (cached != null) {
      return cached;
    }
    List<KubeObject> objs = new ArrayList<>();
    for (Manifest m : ManifestLoader.parse(req.manifests(), "request " + req.operationId())) {
      objs.add(m.object());
    }
    List<KubeObject> out = List.copyOf(objs);
    targetsCache.put(req.operationId(), out);
    return out;
  }
}
