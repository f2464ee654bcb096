package io.wavesync.planner.messaging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.hook.Hooks;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.OperationState;
import io.wavesync.engine.sync.ResourceResult;
import io.wavesync.engine.sync.RetryStrategy;
import io.wavesync.engine.sync.RunState;
import io.wavesync.engine.sync.RunTask;
import io.wavesync.engine.sync.RunTasksRequest;
import io.wavesync.engine.sync.RunTasksResult;
import io.wavesync.engine.sync.TaskUpdate;
import io.wavesync.events.CleanupCompleted;
import io.wavesync.events.CleanupRequested;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.payload.ApplyMethod;
import io.wavesync.events.payload.CleanupAction;
import io.wavesync.events.payload.CleanupActionType;
import io.wavesync.events.payload.CleanupOutcome;
import io.wavesync.events.payload.CleanupResult;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.LiveRef;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.PruneMode;
import io.wavesync.events.payload.ResourceResultView;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.SyncStrategy;
import io.wavesync.events.payload.TaskAction;
import io.wavesync.events.payload.TaskOutcome;
import io.wavesync.events.payload.WaveMode;
import io.wavesync.events.payload.WaveTask;
import io.wavesync.planner.domain.AppRecord;
import io.wavesync.planner.domain.OperationRequest;
import io.wavesync.planner.domain.PlannerCore;
import io.wavesync.planner.domain.RequestSettings;
import io.wavesync.planner.domain.StoredAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Maps events to the planner's domain and back (the domain never sees an event type). */
public final class EventMapper {

  private EventMapper() {}

  // ---------------------------------------------------------------------------------------------
  // in

  public static OperationRequest request(SyncRequested e) {
    SyncOptions o = e.options() == null ? SyncOptions.defaults() : e.options();
    RetryStrategy retry = RetryStrategy.NONE;
    if (o.retry() != null) {
      retry = o.retry().backoff() == null
          ? RetryStrategy.limit(o.retry().limit())
          : new RetryStrategy(o.retry().limit(), o.retry().backoff().duration(),
              o.retry().backoff().factor(), o.retry().backoff().maxDuration());
    }
    List<OperationRequest.Selector> selectors = new ArrayList<>();
    if (o.resources() != null) {
      o.resources().forEach(r ->
          selectors.add(new OperationRequest.Selector(r.group(), r.kind(), r.namespace(), r.name())));
    }
    String opId = e.operationId() == null || e.operationId().isBlank()
        ? UUID.randomUUID().toString() : e.operationId();
    return new OperationRequest(e.application(), opId, e.requestedBy(), e.revision(),
        e.destinationNamespace(), e.manifests(), o.dryRun(), o.prune(), o.force(),
        o.strategy() == SyncStrategy.APPLY, selectors, o.syncOptions(), retry, o.timeout(),
        o.waveDelay(), o.hookTimeout());
  }

  public static PlannerCore.Answer answer(WaveApplied e) {
    List<TaskUpdate> updates = new ArrayList<>();
    for (TaskOutcome t : e.results()) {
      boolean record = t.hookPhase() != null || t.resultCode() != null;
      updates.add(new TaskUpdate(t.resultKey(),
          t.resultCode() == null ? null : io.wavesync.engine.sync.ResultCode.valueOf(t.resultCode().name()),
          t.hookPhase() == null ? null : OperationPhase.valueOf(t.hookPhase().name()),
          t.message() == null ? "" : t.message(), record, t.liveGone(),
          t.uid() == null ? "" : t.uid(), t.generation() == null ? 0 : t.generation()));
    }
    RunTasksResult result = new RunTasksResult(RunState.valueOf(e.stepResult().name()), updates,
        e.awaitingConfirmation());
    return new PlannerCore.Answer(e.commandId(),
        new StoredAnswer(StoredAnswer.Kind.RUN_TASKS, result, List.of()));
  }

  public static PlannerCore.Answer answer(CleanupCompleted e) {
    StoredAnswer.Kind kind = StoredAnswer.Kind.GET;
    List<StoredAnswer.Outcome> outcomes = new ArrayList<>();
    for (CleanupResult r : e.results()) {
      kind = switch (r.action()) {
        case REMOVE_FINALIZER -> StoredAnswer.Kind.REMOVE_FINALIZERS;
        case DELETE -> StoredAnswer.Kind.DELETE;
        case LOOKUP -> StoredAnswer.Kind.GET;
      };
      ResourceKey key = key(r.ref());
      boolean notFound = r.outcome() == CleanupOutcome.NOT_FOUND;
      String error = r.outcome() == CleanupOutcome.FAILED
          ? (r.message() == null ? "failed" : r.message()) : (notFound ? r.message() : null);
      outcomes.add(new StoredAnswer.Outcome(key, notFound, r.httpStatus(), error,
          r.object() == null ? null : KubeObject.of(r.object())));
    }
    return new PlannerCore.Answer(e.commandId(), StoredAnswer.of(kind, outcomes));
  }

  public static PlannerCore.Observed observed(HealthObserved e) {
    ResourceKey key = key(e.ref());
    if (!e.exists()) {
      return new PlannerCore.Observed(key.toString(), null);
    }
    ObjectNode obj = e.object();
    if (obj == null) {
      // no copy of the object: rebuild what the engine reads from the reference and the fields
      obj = JsonNodeFactory.instance.objectNode();
      obj.put("apiVersion", apiVersion(e.ref().group(), e.ref().version()));
      obj.put("kind", e.ref().kind());
      ObjectNode meta = obj.putObject("metadata");
      meta.put("name", e.ref().name());
      if (e.ref().namespace() != null) {
        meta.put("namespace", e.ref().namespace());
      }
      if (e.ref().uid() != null) {
        meta.put("uid", e.ref().uid());
      }
      meta.put("generation", e.generation());
      if (e.deletionTimestamp() != null) {
        meta.put("deletionTimestamp", e.deletionTimestamp());
      }
      e.finalizers().forEach(f -> meta.withArray("finalizers").add(f));
      if (e.observedGeneration() != null) {
        obj.putObject("status").put("observedGeneration", e.observedGeneration());
      }
    }
    return new PlannerCore.Observed(key.toString(), KubeObject.of(obj));
  }

  public static ResourceKey key(ObjectRef ref) {
    return new ResourceKey(ref.group(), ref.kind(), ref.namespace(), ref.name());
  }

  // ---------------------------------------------------------------------------------------------
  // out

  /** The labels and annotations the runner stamps on everything it applies. */
  public static Map<String, String> trackingLabels(String app) {
    return Map.of("app.kubernetes.io/managed-by", "wavesync", "app.kubernetes.io/instance", app,
        "wavesync.io/application", app);
  }

  public static WaveApplyRequested wave(String app, PlannerCore.SendRunTasks c, String fieldManager) {
    RunTasksRequest r = c.request();
    List<WaveTask> tasks = new ArrayList<>();
    for (RunTask t : r.tasks()) {
      tasks.add(waveTask(t));
    }
    WaveMode mode = WaveMode.valueOf(r.purpose().name());
    SyncPhase phase = mode == WaveMode.SYNC_FAIL ? SyncPhase.SyncFail : SyncPhase.valueOf(r.phase().name());
    return WaveApplyRequested.of(app, c.operationId(), c.commandId(), c.attempt(), c.step(), mode,
        phase, r.wave(), r.dryRun(), kubernetesPolicy(r.propagationPolicy()), fieldManager,
        trackingLabels(app), Map.of("wavesync.io/operation", c.operationId()), tasks,
        r.operationDryRun(), r.pruneConfirmed());
  }

  private static WaveTask waveTask(RunTask t) {
    KubeObject obj = t.obj();
    LiveRef live = t.live() == null ? null : new LiveRef(t.live().group(), t.live().version(),
        t.live().kind(), emptyToNull(t.live().namespace()), t.live().name(),
        emptyToNull(t.live().uid()), emptyToNull(t.live().resourceVersion()),
        t.live().hasFinalizer(Annotations.HOOK_FINALIZER), t.live().isBeingDeleted());
    ApplyStrategy s = t.strategy();
    io.wavesync.events.payload.ApplyStrategy strategy = s == null ? null
        : new io.wavesync.events.payload.ApplyStrategy(
            s.replace() ? ApplyMethod.REPLACE : ApplyMethod.APPLY, s.serverSide(), s.force(),
            s.validate());
    return new WaveTask(t.resultKey(), SyncPhase.valueOf(t.phase().name()), t.wave(), t.hook(),
        t.hook() ? Hooks.types(obj).stream().map(Enum::name).distinct().toList() : List.of(),
        t.hook() ? Hooks.deletePolicies(obj).stream().map(Enum::name).toList() : List.of(),
        t.target() == null ? null : t.target().json(), live,
        t.isPrune() ? TaskAction.PRUNE : TaskAction.APPLY,
        t.pruneMode() == null ? null : PruneMode.valueOf(t.pruneMode().name()),
        t.deleteBeforeCreation(), t.skipDryRun(), strategy, t.pending(),
        t.pruneNeedsConfirmation(),
        t.syncStatus() == null ? null : ResultCode.valueOf(t.syncStatus().name()));
  }

  public static CleanupRequested cleanup(
      String app, PlannerCore.SendCleanup c, String fieldManager) {
    CleanupActionType type = switch (c.kind()) {
      case REMOVE_FINALIZERS -> CleanupActionType.REMOVE_FINALIZER;
      case DELETE -> CleanupActionType.DELETE;
      default -> CleanupActionType.LOOKUP;
    };
    List<CleanupAction> actions = new ArrayList<>();
    for (KubeObject o : c.objects()) {
      // why an object is deleted (its delete policy, a terminate, a hook timeout), for the record
      actions.add(new CleanupAction(type, ref(o), type == CleanupActionType.DELETE ? c.reason() : null));
    }
    WaveApplyRequested followUp = c.followUp() == null ? null : wave(app, c.followUp(), fieldManager);
    return CleanupRequested.of(app, c.operationId(), c.commandId(),
        c.propagationPolicy() == null ? null : kubernetesPolicy(c.propagationPolicy()), actions,
        followUp);
  }

  public static ObjectRef ref(KubeObject o) {
    return new ObjectRef(o.group(), o.version().isEmpty() ? "v1" : o.version(), o.kind(),
        emptyToNull(o.namespace()), o.name(), emptyToNull(o.uid()));
  }

  public static OperationUpdated operation(AppRecord r) {
    OperationState s = r.state;
    List<ResourceResultView> resources = new ArrayList<>();
    for (ResourceResult x : s.results()) {
      resources.add(new ResourceResultView(x.group(), x.version().isEmpty() ? null : x.version(),
          x.kind(), emptyToNull(x.namespace()), x.name(),
          x.status() == null ? null : ResultCode.valueOf(x.status().name()), x.message(),
          x.hookType() == null ? null : x.hookType().name(),
          x.hookPhase() == null || x.hookPhase() == OperationPhase.Terminating
              ? null : HookPhase.valueOf(x.hookPhase().name()),
          SyncPhase.valueOf(x.syncPhase().name()), x.wave(), x.logTail(), x.images()));
    }
    OperationRequest req = r.request;
    return OperationUpdated.of(r.application, req.operationId(),
        io.wavesync.events.payload.OperationPhase.valueOf(s.phase().name()), s.message(),
        emptyToNull(req.revision()), req.dryRun(), s.startedAt(), s.finishedAt(), s.retryCount(),
        r.currentPhase == null ? null : SyncPhase.valueOf(r.currentPhase.name()), r.currentWave,
        r.rejectedReason == null ? RequestSettings.hooksSkippedReason(req) : null, resources);
  }

  /** A refused request: its own operation id, phase Error, and why. */
  public static OperationUpdated refused(String app, OperationRequest req, String message,
      java.time.Instant now) {
    return OperationUpdated.of(app, req.operationId(), io.wavesync.events.payload.OperationPhase.Error,
        message, emptyToNull(req.revision()), req.dryRun(), now, now, 0, null, null, null, List.of());
  }

  /** Argo CD writes {@code foreground}; Kubernetes {@code Foreground}. */
  static String kubernetesPolicy(String policy) {
    if (policy == null || policy.isEmpty()) {
      return "Foreground";
    }
    return policy.substring(0, 1).toUpperCase(Locale.ROOT) + policy.substring(1).toLowerCase(Locale.ROOT);
  }

  static String apiVersion(String group, String version) {
    return group == null || group.isEmpty() ? version : group + "/" + version;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
