package io.wavesync.cli;

import io.wavesync.events.OperationUpdated;
import java.time.Duration;

/** Waits for an operation to complete, feeding every update of it to a {@link LiveView}. */
final class OperationFollower {

  /** Short enough for a view that ticks smoothly, long enough not to spin. */
  private static final Duration POLL = Duration.ofMillis(250);

  /** After this long without any update the user is told what may be wrong. */
  private static final Duration SILENCE = Duration.ofSeconds(15);

  private OperationFollower() {}

  /**
   * Returns the first completed update of {@code operationId}; updates of other operations of the
   * application (the one that was running when this request was refused, say) are ignored.
   */
  static OperationUpdated awaitCompletion(
      Broker broker, String application, String operationId, LiveView view) {
    long since = System.nanoTime();
    boolean seen = false;
    boolean hinted = false;
    while (true) {
      for (OperationUpdated u : broker.poll(application, POLL)) {
        if (!u.operationId().equals(operationId)) {
          continue;
        }
        seen = true;
        if (u.phase().isCompleted()) {
          return u;
        }
        view.update(u);
      }
      view.tick();
      if (!seen && !hinted && System.nanoTime() - since > SILENCE.toNanos()) {
        view.hint("no update of operation " + operationId + " after " + SILENCE.toSeconds()
            + " s: is planner-service running and connected to the same Kafka?");
        hinted = true;
      }
    }
  }
}
