package io.wavesync.watcher.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.health.HealthAssessor;
import io.wavesync.engine.health.HealthResult;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.HookCompleted;
import io.wavesync.events.Observation;
import io.wavesync.events.payload.HookPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns informer events into observations: one {@code HealthObserved} per new resource version, one
 * per deletion, and a {@code HookCompleted} with the hook's log tail ahead of the observation in
 * which a Job or Pod hook is first seen finished (wavesync decision 8: the planner has the logs
 * before it sees the completion and can let a delete policy remove the hook).
 *
 * <p>Events of one object must be handed in one at a time and in informer order; different objects
 * may be processed concurrently.
 */
public final class ChangeProcessor {

  /** What processing needs from the outside world. */
  public interface Effects {

    /**
     * The log tail of a finished Job or Pod hook. Never fails: when the logs cannot be read the
     * tail says why ({@link HookLogs#unavailable}).
     */
    String hookLogs(KubeObject hook);

    /**
     * Publishes {@code event} and returns once the broker has acknowledged it.
     *
     * @throws Exception if it was not published; nothing is recorded then, so the next event or
     *     resync of the object tries again
     */
    void publish(Observation event) throws Exception;
  }

  private final ObservationDeduper deduper;
  private final HookLedger ledger;
  private final Effects effects;

  public ChangeProcessor(ObservationDeduper deduper, HookLedger ledger, Effects effects) {
    this.deduper = deduper;
    this.ledger = ledger;
    this.effects = effects;
  }

  /**
   * An object was added or changed (or resynced).
   *
   * @return the events published, in order; empty when the object is not wavesync's or this state
   *     was already published
   */
  public List<Observation> onChange(ObjectNode live) throws Exception {
    KubeObject obj = KubeObject.of(live);
    Optional<String> app = Observations.application(obj);
    String uid = obj.uid();
    if (app.isEmpty() || uid.isEmpty()) {
      return List.of();
    }
    String resourceVersion = obj.resourceVersion();
    if (!deduper.isNewChange(uid, resourceVersion)) {
      return List.of();
    }
    List<Observation> published = new ArrayList<>(2);
    Optional<HealthResult> health = HealthAssessor.assess(obj);
    Optional<HookPhase> completion = Observations.hookCompletion(obj, health);
    if (completion.isPresent() && !ledger.isCompleted(uid)) {
      String logTail = effects.hookLogs(obj);
      HookCompleted done =
          Observations.hookCompleted(app.get(), obj, health.get(), completion.get(), logTail);
      effects.publish(done);
      ledger.completed(uid);
      published.add(done);
    }
    HealthObserved observed = Observations.observed(app.get(), obj, health);
    effects.publish(observed);
    deduper.emitted(uid, resourceVersion);
    published.add(observed);
    return published;
  }

  /**
   * An object was deleted; {@code last} is its last known state.
   *
   * @return the published {@code HealthObserved} with {@code exists=false}, or nothing when the
   *     deletion was already published or the object is not wavesync's
   */
  public List<Observation> onDelete(ObjectNode last) throws Exception {
    KubeObject obj = KubeObject.of(last);
    Optional<String> app = Observations.application(obj);
    String uid = obj.uid();
    if (app.isEmpty() || uid.isEmpty() || !deduper.isNewDeletion(uid)) {
      return List.of();
    }
    HealthObserved gone = Observations.deleted(app.get(), obj);
    effects.publish(gone);
    deduper.deleted(uid);
    ledger.forget(uid);
    return List.of(gone);
  }
}
