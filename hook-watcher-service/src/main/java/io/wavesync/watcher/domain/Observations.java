package io.wavesync.watcher.domain;

import io.wavesync.engine.health.HealthResult;
import io.wavesync.engine.hook.Hooks;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.SyncPhase;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.HookCompleted;
import io.wavesync.events.payload.Health;
import io.wavesync.events.payload.HealthStatus;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.ObjectRef;
import java.util.List;
import java.util.Optional;

/** Maps a live object and its health to the observation events. */
public final class Observations {

  /** The label every object wavesync applies carries: the application it belongs to. */
  public static final String APPLICATION_LABEL = "wavesync.io/application";

  /** The annotation naming the operation that applied the object. */
  public static final String OPERATION_ANNOTATION = "wavesync.io/operation";

  private Observations() {}

  /** The application {@code obj} belongs to, if it carries the label. */
  public static Optional<String> application(KubeObject obj) {
    String app = obj.labels().get(APPLICATION_LABEL);
    return app == null || app.isBlank() ? Optional.empty() : Optional.of(app);
  }

  /** The reference of a live object, with its UID. */
  public static ObjectRef ref(KubeObject obj) {
    String namespace = obj.namespace().isEmpty() ? null : obj.namespace();
    String uid = obj.uid().isEmpty() ? null : obj.uid();
    return new ObjectRef(obj.group(), obj.version(), obj.kind(), namespace, obj.name(), uid);
  }

  /**
   * How a hook ended, if {@code obj} is a Job or Pod hook whose health says it has: Healthy means
   * Succeeded and Degraded means Failed (spec §3.2). Other kinds of hooks complete through their
   * health alone, which the planner reads from the {@code HealthObserved}.
   */
  public static Optional<HookPhase> hookCompletion(KubeObject obj, Optional<HealthResult> health) {
    if (health.isEmpty() || !isJobOrPod(obj) || !Hooks.isHook(obj)) {
      return Optional.empty();
    }
    return switch (health.get().status()) {
      case Healthy -> Optional.of(HookPhase.Succeeded);
      case Degraded -> Optional.of(HookPhase.Failed);
      default -> Optional.empty();
    };
  }

  /** Whether the watcher reads logs of this kind: a batch Job or a core Pod. */
  public static boolean isJobOrPod(KubeObject obj) {
    return ("batch".equals(obj.group()) && "Job".equals(obj.kind()))
        || (obj.group().isEmpty() && "Pod".equals(obj.kind()));
  }

  /** The observation of an existing object; the object travels trimmed. */
  public static HealthObserved observed(
      String application, KubeObject obj, Optional<HealthResult> health) {
    return HealthObserved.of(
        application,
        operationId(obj),
        ref(obj),
        true,
        obj.generation(),
        obj.observedGeneration().orElse(null),
        emptyToNull(obj.deletionTimestamp()),
        obj.finalizers(),
        health.map(Observations::health).orElse(null),
        ObjectTrimmer.trim(obj.json()),
        emptyToNull(obj.resourceVersion()));
  }

  /** The observation that {@code last}, the object's last known state, is gone. */
  public static HealthObserved deleted(String application, KubeObject last) {
    return HealthObserved.of(
        application,
        operationId(last),
        ref(last),
        false,
        last.generation(),
        last.observedGeneration().orElse(null),
        emptyToNull(last.deletionTimestamp()),
        List.of(),
        null,
        null,
        emptyToNull(last.resourceVersion()));
  }

  /** The completion of a Job or Pod hook, with the tail of its logs. */
  public static HookCompleted hookCompleted(
      String application, KubeObject hook, HealthResult health, HookPhase phase, String logTail) {
    String message = health.message().isEmpty() ? null : health.message();
    return HookCompleted.of(
        application,
        operationId(hook),
        ref(hook),
        syncPhase(hook).orElse(null),
        phase,
        message,
        logTail,
        health(health));
  }

  /** The engine's health as the event payload names it (the constants are the same). */
  public static Health health(HealthResult result) {
    String message = result.message().isEmpty() ? null : result.message();
    return new Health(HealthStatus.valueOf(result.status().name()), message);
  }

  // A hook of several phases is one object per phase only with generateName; a named multi-phase
  // hook is the same object in each, so its phase cannot be told from the object.
  private static Optional<io.wavesync.events.payload.SyncPhase> syncPhase(KubeObject hook) {
    List<SyncPhase> phases = Hooks.phases(hook);
    if (phases.size() != 1) {
      return Optional.empty();
    }
    return Optional.of(io.wavesync.events.payload.SyncPhase.valueOf(phases.get(0).name()));
  }

  private static String operationId(KubeObject obj) {
    String id = obj.annotation(OPERATION_ANNOTATION);
    return id == null || id.isBlank() ? null : id;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
