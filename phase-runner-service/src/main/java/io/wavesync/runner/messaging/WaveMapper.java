package io.wavesync.runner.messaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.RunTask;
import io.wavesync.engine.sync.RunTasksRequest;
import io.wavesync.engine.sync.TaskUpdate;
import io.wavesync.events.ResourceApplied;
import io.wavesync.events.ResourceApplyFailed;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.WavesyncEvent;
import io.wavesync.events.payload.ApplyMethod;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.LiveRef;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.StepResult;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.TaskOutcome;
import io.wavesync.events.payload.WaveTask;
import io.wavesync.kubernetes.HookFinalizers;
import io.wavesync.kubernetes.Labels;
import io.wavesync.runner.domain.CallLog;
import io.wavesync.runner.domain.WaveRun;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a wave command to the engine's request and the run's report to the answer events. The
 * engine and the events have their own types on purpose; this is the one place that knows both.
 */
public final class WaveMapper {

  private WaveMapper() {}

  // ---------------------------------------------------------------------------------------------
  // in

  /** The engine's request for a wave command. */
  public static RunTasksRequest request(WaveApplyRequested command) {
    List<RunTask> tasks = new ArrayList<>();
    for (WaveTask t : command.tasks()) {
      tasks.add(task(command, t));
    }
    return new RunTasksRequest(
        RunTasksRequest.Purpose.valueOf(command.mode().name()),
        io.wavesync.engine.sync.SyncPhase.valueOf(command.phase().name()),
        command.wave(),
        tasks,
        command.dryRun(),
        command.operationDryRun(),
        command.pruneConfirmed(),
        command.propagationPolicy());
  }

  static RunTask task(WaveApplyRequested command, WaveTask t) {
    KubeObject target = t.target() == null ? null : target(command, KubeObject.of(t.target()));
    KubeObject live = t.live() == null ? null : live(t.live(), command.occurredAt());
    ApplyStrategy strategy = null;
    if (target != null) {
      String fieldManager = command.fieldManager() == null
          ? Labels.FIELD_MANAGER : command.fieldManager();
      strategy = new ApplyStrategy(t.strategy().method() != ApplyMethod.APPLY,
          t.strategy().force(), t.strategy().validate(), t.strategy().serverSide(), fieldManager);
    }
    return new RunTask(
        t.resultKey(),
        io.wavesync.engine.sync.SyncPhase.valueOf(t.phase().name()),
        t.wave(),
        target,
        live,
        t.hook(),
        t.pending(),
        t.deleteBeforeCreation(),
        t.skipDryRun(),
        t.pruneMode() == null ? null
            : io.wavesync.engine.sync.PruneMode.valueOf(t.pruneMode().name()),
        t.pruneNeedsConfirmation(),
        strategy,
        t.syncStatus() == null ? null
            : io.wavesync.engine.sync.ResultCode.valueOf(t.syncStatus().name()));
  }

  /**
   * The manifest with wavesync's tracking labels and annotations, then the command's own (which
   * win on the same key).
   */
  static KubeObject target(WaveApplyRequested command, KubeObject manifest) {
    Map<String, String> labels = new LinkedHashMap<>(Labels.tracking(command.application()));
    labels.putAll(command.trackingLabels());
    Map<String, String> annotations = new LinkedHashMap<>(
        Labels.annotations(command.application(), command.operationId(), manifest));
    annotations.putAll(command.trackingAnnotations());
    return Labels.stamp(manifest, labels, annotations);
  }

  /**
   * The live object as far as the engine needs it: identity, UID and resourceVersion, a deletion
   * timestamp when it is being deleted (the planner does not send the time; the command's is used),
   * and the hook finalizer when it still has it.
   */
  static KubeObject live(LiveRef ref, Instant commandTime) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("apiVersion", ref.group().isEmpty() ? ref.version()
        : ref.group() + "/" + ref.version());
    node.put("kind", ref.kind());
    ObjectNode metadata = node.putObject("metadata");
    metadata.put("name", ref.name());
    if (ref.namespace() != null) {
      metadata.put("namespace", ref.namespace());
    }
    metadata.put("uid", ref.uid());
    if (ref.resourceVersion() != null) {
      metadata.put("resourceVersion", ref.resourceVersion());
    }
    if (ref.beingDeleted()) {
      metadata.put("deletionTimestamp", commandTime.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    if (ref.hasHookFinalizer()) {
      ArrayNode finalizers = metadata.putArray("finalizers");
      finalizers.add(HookFinalizers.HOOK_FINALIZER);
    }
    return KubeObject.of(node);
  }

  // ---------------------------------------------------------------------------------------------
  // out

  /**
   * The answer to a command: one {@link ResourceApplied} (or {@link ResourceApplyFailed}) per
   * recorded result, in the order they happened, then the {@link WaveApplied}.
   */
  public static List<WavesyncEvent> answer(WaveApplyRequested command, WaveRun.Report report) {
    List<WavesyncEvent> events = new ArrayList<>();
    for (WaveRun.TaskReport r : report.recorded()) {
      events.add(observation(command, r));
    }
    events.add(waveApplied(command, report));
    return events;
  }

  static WavesyncEvent observation(WaveApplyRequested command, WaveRun.TaskReport r) {
    TaskUpdate u = r.update().orElseThrow();
    RunTask t = r.task();
    ObjectRef ref = ref(r);
    SyncPhase phase = SyncPhase.valueOf(t.phase().name());
    if (r.failed()) {
      Integer status = r.refusalStatus().isPresent() && r.refusalStatus().getAsInt() >= 100
          && r.refusalStatus().getAsInt() <= 599 ? r.refusalStatus().getAsInt() : null;
      String message = u.message() == null || u.message().isBlank()
          ? "the Kubernetes API refused " + ref.kind() + " " + ref.name() : u.message();
      return ResourceApplyFailed.of(command.application(), command.operationId(),
          command.commandId(), phase, t.wave(), ref, message, status);
    }
    return ResourceApplied.of(command.application(), command.operationId(), command.commandId(),
        phase, t.wave(), ref, u.generation(),
        r.written().map(CallLog.Written::resourceVersion).orElse(null),
        ResultCode.valueOf(u.status().name()), u.message(), t.hook(),
        command.dryRun() || command.operationDryRun());
  }

  static WaveApplied waveApplied(WaveApplyRequested command, WaveRun.Report report) {
    List<TaskOutcome> outcomes = new ArrayList<>();
    for (WaveRun.TaskReport r : report.tasks()) {
      outcomes.add(outcome(r));
    }
    return WaveApplied.of(command.application(), command.operationId(), command.commandId(),
        StepResult.valueOf(report.state().name()), outcomes, report.awaitingConfirmation());
  }

  static TaskOutcome outcome(WaveRun.TaskReport r) {
    ObjectRef ref = ref(r);
    if (r.update().isEmpty()) {
      return new TaskOutcome(r.task().resultKey(), ref, null, null, null, null, null,
          r.liveGone(), r.deletionRequested());
    }
    TaskUpdate u = r.update().get();
    // every task has a state after its result (a resource too: Synced starts Running), so the
    // state is sent for resources as well as hooks
    HookPhase state = u.phase() == null || u.phase() == OperationPhase.Terminating ? null
        : HookPhase.valueOf(u.phase().name());
    return new TaskOutcome(r.task().resultKey(), ref,
        u.status() == null ? null : ResultCode.valueOf(u.status().name()),
        state, u.message(), ref.uid(), u.generation(), r.liveGone(), r.deletionRequested());
  }

  /**
   * The task's object: the target's identity (the live object's for a prune), the name the API
   * server gave a {@code generateName} object, and the UID the write returned, else the live one.
   */
  static ObjectRef ref(WaveRun.TaskReport r) {
    RunTask t = r.task();
    KubeObject obj = t.obj();
    String name = obj.name();
    if (name.isEmpty()) {
      name = r.written().map(CallLog.Written::name).filter(n -> !n.isEmpty())
          .orElse(obj.generateName());
    }
    String namespace = !obj.namespace().isEmpty() ? obj.namespace()
        : t.live() == null ? "" : t.live().namespace();
    String uid = r.update().map(TaskUpdate::uid).filter(u -> !u.isEmpty())
        .or(() -> r.written().map(CallLog.Written::uid).filter(u -> !u.isEmpty()))
        .orElse(t.live() == null || t.live().uid().isEmpty() ? null : t.live().uid());
    // a BeforeHookCreation deletion that found the object gone leaves no live object to name
    if (r.liveGone() && r.written().isEmpty() && r.update().isEmpty()) {
      uid = null;
    }
    return new ObjectRef(obj.group(), obj.version(), obj.kind(),
        namespace.isEmpty() ? null : namespace, name, uid);
  }
}
