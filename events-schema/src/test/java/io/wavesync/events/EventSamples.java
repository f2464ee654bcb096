package io.wavesync.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.events.payload.ApplyMethod;
import io.wavesync.events.payload.ApplyStrategy;
import io.wavesync.events.payload.Backoff;
import io.wavesync.events.payload.CleanupAction;
import io.wavesync.events.payload.CleanupActionType;
import io.wavesync.events.payload.CleanupOutcome;
import io.wavesync.events.payload.CleanupResult;
import io.wavesync.events.payload.DeleteOutcome;
import io.wavesync.events.payload.Health;
import io.wavesync.events.payload.HealthStatus;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.LiveRef;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.PruneMode;
import io.wavesync.events.payload.ResourceRef;
import io.wavesync.events.payload.ResourceResultView;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.RetryPolicy;
import io.wavesync.events.payload.StepResult;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.SyncStrategy;
import io.wavesync.events.payload.TaskAction;
import io.wavesync.events.payload.TaskOutcome;
import io.wavesync.events.payload.WaveMode;
import io.wavesync.events.payload.WaveTask;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A realistic event of every type: the guestbook application, synced with a PreSync database
 * migration hook, a Deployment in wave 1 and a pruned ConfigMap.
 */
final class EventSamples {

  static final String APP = "guestbook";
  static final String OPERATION = "op-20250301-101530-guestbook";
  static final String MIGRATE_UID = "5b1c3f0e-8a62-4f1e-9d7a-1c2b3a4d5e6f";
  static final String CONFIG_UID = "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<Class<? extends WavesyncEvent>, Supplier<WavesyncEvent>> SAMPLES =
      new LinkedHashMap<>();

  static {
    SAMPLES.put(SyncRequested.class, EventSamples::syncRequested);
    SAMPLES.put(TerminateRequested.class, EventSamples::terminateRequested);
    SAMPLES.put(WaveApplyRequested.class, EventSamples::waveApplyRequested);
    SAMPLES.put(CleanupRequested.class, EventSamples::cleanupRequested);
    SAMPLES.put(ResourceApplied.class, EventSamples::resourceApplied);
    SAMPLES.put(ResourceApplyFailed.class, EventSamples::resourceApplyFailed);
    SAMPLES.put(WaveApplied.class, EventSamples::waveApplied);
    SAMPLES.put(HealthObserved.class, EventSamples::healthObserved);
    SAMPLES.put(HookCompleted.class, EventSamples::hookCompleted);
    SAMPLES.put(ObjectDeleted.class, EventSamples::objectDeleted);
    SAMPLES.put(CleanupCompleted.class, EventSamples::cleanupCompleted);
    SAMPLES.put(OperationUpdated.class, EventSamples::operationUpdated);
  }

  private EventSamples() {}

  /** The record classes that have a sample. */
  static List<Class<? extends WavesyncEvent>> sampledTypes() {
    return List.copyOf(SAMPLES.keySet());
  }

  /** A fresh sample of {@code type}, or null if there is none. */
  static WavesyncEvent of(Class<? extends WavesyncEvent> type) {
    Supplier<WavesyncEvent> sample = SAMPLES.get(type);
    return sample == null ? null : sample.get();
  }

  /** A fresh sample of every type. */
  static List<WavesyncEvent> all() {
    return SAMPLES.values().stream().map(Supplier::get).toList();
  }

  static final String MANIFESTS =
      """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        annotations:
          argocd.argoproj.io/hook: PreSync
          argocd.argoproj.io/hook-delete-policy: BeforeHookCreation,HookSucceeded
      spec:
        backoffLimit: 0
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: migrate
                image: ghcr.io/example/guestbook-migrations:1.4.2
                command: ["./migrate", "up"]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: guestbook-ui
        annotations:
          argocd.argoproj.io/sync-wave: "1"
      spec:
        replicas: 2
        selector:
          matchLabels: {app: guestbook-ui}
        template:
          metadata:
            labels: {app: guestbook-ui}
          spec:
            containers:
              - name: ui
                image: ghcr.io/example/guestbook-ui:1.4.2
      """;

  static SyncRequested syncRequested() {
    SyncOptions options =
        new SyncOptions(
            false,
            true,
            List.of("CreateNamespace=true", "PruneLast=true", "PrunePropagationPolicy=foreground"),
            SyncStrategy.HOOK,
            false,
            List.of(new ResourceRef("apps", "Deployment", "guestbook", "guestbook-ui")),
            new RetryPolicy(3, new Backoff("5s", 2, "3m")),
            "10m",
            "2s",
            "5m");
    return SyncRequested.of(
        APP, null, "ci/pipeline-1432", "9f2c1e7", "guestbook", MANIFESTS, options);
  }

  static TerminateRequested terminateRequested() {
    return TerminateRequested.of(APP, OPERATION, "alice", "migration is stuck on a lock");
  }

  static ObjectNode migrateJob() {
    ObjectNode job = JSON.createObjectNode();
    job.put("apiVersion", "batch/v1");
    job.put("kind", "Job");
    ObjectNode metadata = job.putObject("metadata");
    metadata.put("name", "migrate");
    metadata.put("namespace", "guestbook");
    metadata
        .putObject("annotations")
        .put("argocd.argoproj.io/hook", "PreSync")
        .put("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation,HookSucceeded");
    ObjectNode podSpec =
        job.putObject("spec").put("backoffLimit", 0).putObject("template").putObject("spec");
    podSpec.put("restartPolicy", "Never");
    ObjectNode container = podSpec.putArray("containers").addObject();
    container.put("name", "migrate");
    container.put("image", "ghcr.io/example/guestbook-migrations:1.4.2");
    container.putArray("command").add("./migrate").add("up");
    return job;
  }

  static WaveApplyRequested waveApplyRequested() {
    WaveTask migrate =
        new WaveTask(
            "batch/Job/guestbook/migrate",
            SyncPhase.PreSync,
            0,
            true,
            List.of("PreSync"),
            List.of("BeforeHookCreation", "HookSucceeded"),
            migrateJob(),
            null,
            TaskAction.APPLY,
            null,
            true,
            false,
            new ApplyStrategy(ApplyMethod.CREATE, false, false, true),
            true,
            false,
            null);
    WaveTask pruneConfig =
        new WaveTask(
            "/ConfigMap/guestbook/guestbook-legacy",
            SyncPhase.PreSync,
            0,
            false,
            List.of(),
            List.of(),
            null,
            new LiveRef(
                "",
                "v1",
                "ConfigMap",
                "guestbook",
                "guestbook-legacy",
                CONFIG_UID,
                "48211",
                false,
                false),
            TaskAction.PRUNE,
            PruneMode.PRUNE,
            false,
            false,
            null,
            true,
            true,
            null);
    return WaveApplyRequested.of(
        APP,
        OPERATION,
        OPERATION + "/0/3",
        0,
        3,
        WaveMode.STEP,
        SyncPhase.PreSync,
        0,
        false,
        "Foreground",
        "wavesync",
        Map.of("app.kubernetes.io/instance", APP, "app.kubernetes.io/managed-by", "wavesync"),
        Map.of("wavesync.io/operation", OPERATION),
        List.of(migrate, pruneConfig), false, false);
  }

  static ObjectRef migrateRef() {
    return ObjectRef.of("batch", "v1", "Job", "guestbook", "migrate").withUid(MIGRATE_UID);
  }

  static CleanupRequested cleanupRequested() {
    ObjectNode notifyJob = migrateJob();
    ((ObjectNode) notifyJob.get("metadata")).put("name", "notify-failure");
    WaveTask notify =
        new WaveTask(
            "batch/Job/guestbook/notify-failure",
            SyncPhase.SyncFail,
            0,
            true,
            List.of("SyncFail"),
            List.of("HookSucceeded"),
            notifyJob,
            null,
            TaskAction.APPLY,
            null,
            false,
            false,
            ApplyStrategy.defaults(),
            true,
            false,
            null);
    WaveApplyRequested followUp =
        WaveApplyRequested.of(
            APP,
            OPERATION,
            OPERATION + "/0/syncfail",
            0,
            9,
            WaveMode.SYNC_FAIL,
            SyncPhase.SyncFail,
            0,
            false,
            null,
            null,
            Map.of("app.kubernetes.io/instance", APP),
            Map.of(),
            List.of(notify), false, false);
    return CleanupRequested.of(
        APP,
        OPERATION,
        OPERATION + "/0/cleanup-8",
        "Background",
        List.of(
            new CleanupAction(CleanupActionType.REMOVE_FINALIZER, migrateRef(), "HookFailed"),
            new CleanupAction(CleanupActionType.DELETE, migrateRef(), "HookFailed")),
        followUp);
  }

  static ResourceApplied resourceApplied() {
    return ResourceApplied.of(
        APP,
        OPERATION,
        OPERATION + "/0/3",
        SyncPhase.PreSync,
        0,
        migrateRef(),
        1,
        "48230",
        ResultCode.Synced,
        "job.batch/migrate created",
        true,
        false);
  }

  static ResourceApplyFailed resourceApplyFailed() {
    return ResourceApplyFailed.of(
        APP,
        OPERATION,
        OPERATION + "/0/4",
        SyncPhase.Sync,
        1,
        ObjectRef.of("apps", "v1", "Deployment", "guestbook", "guestbook-ui"),
        "Deployment.apps \"guestbook-ui\" is invalid: spec.template.spec.containers[0].image:"
            + " Required value",
        422);
  }

  static WaveApplied waveApplied() {
    return WaveApplied.of(
        APP,
        OPERATION,
        OPERATION + "/0/3",
        StepResult.SUCCESSFUL,
        List.of(
            new TaskOutcome(
                "batch/Job/guestbook/migrate",
                migrateRef(),
                ResultCode.Synced,
                HookPhase.Running,
                "job.batch/migrate created",
                MIGRATE_UID,
                1L,
                false,
                false),
            new TaskOutcome(
                "/ConfigMap/guestbook/guestbook-legacy",
                ObjectRef.of("", "v1", "ConfigMap", "guestbook", "guestbook-legacy")
                    .withUid(CONFIG_UID),
                ResultCode.Pruned,
                null,
                "configmap/guestbook-legacy pruned",
                null,
                null,
                false,
                true)),
        List.of());
  }

  static HealthObserved healthObserved() {
    ObjectNode trimmed = JSON.createObjectNode();
    ObjectNode metadata = trimmed.putObject("metadata");
    metadata.put("name", "migrate");
    metadata.put("namespace", "guestbook");
    metadata.put("uid", MIGRATE_UID);
    metadata.put("generation", 1);
    ObjectNode status = trimmed.putObject("status");
    status.put("active", 1);
    status.put("startTime", "2025-03-01T10:15:31Z");
    return HealthObserved.of(
        APP,
        OPERATION,
        migrateRef(),
        true,
        1,
        1L,
        null,
        List.of("wavesync.io/hook-finalizer"),
        new Health(HealthStatus.Progressing, "Job is running"),
        trimmed,
        "48236");
  }

  static HookCompleted hookCompleted() {
    return HookCompleted.of(
        APP,
        OPERATION,
        migrateRef(),
        SyncPhase.PreSync,
        HookPhase.Failed,
        "Job has reached the specified backoff limit",
        "applying 0007_add_index.sql\nERROR: relation \"entries\" does not exist\n",
        new Health(HealthStatus.Degraded, "Job has reached the specified backoff limit"));
  }

  static ObjectDeleted objectDeleted() {
    return ObjectDeleted.of(
        APP,
        OPERATION,
        OPERATION + "/0/cleanup-8",
        migrateRef(),
        DeleteOutcome.DELETED,
        "job.batch/migrate deleted");
  }

  static CleanupCompleted cleanupCompleted() {
    ObjectNode found = JSON.createObjectNode();
    found.putObject("metadata").put("name", "migrate").put("namespace", "guestbook");
    found.putObject("status").put("failed", 1);
    return CleanupCompleted.of(
        APP,
        OPERATION,
        OPERATION + "/0/cleanup-8",
        List.of(
            new CleanupResult(
                CleanupActionType.REMOVE_FINALIZER,
                migrateRef(),
                CleanupOutcome.DONE,
                "finalizer wavesync.io/hook-finalizer removed",
                null,
                null),
            new CleanupResult(
                CleanupActionType.DELETE,
                migrateRef(),
                CleanupOutcome.NOT_FOUND,
                "already gone",
                null,
                404),
            new CleanupResult(
                CleanupActionType.LOOKUP, migrateRef(), CleanupOutcome.DONE, null, found, null)));
  }

  static OperationUpdated operationUpdated() {
    Instant started = Instant.parse("2025-03-01T10:15:30.120Z");
    return OperationUpdated.of(
        APP,
        OPERATION,
        OperationPhase.Failed,
        "one or more synchronization tasks completed unsuccessfully",
        "9f2c1e7",
        false,
        started,
        started.plusSeconds(94),
        1,
        null,
        null,
        null,
        List.of(
            new ResourceResultView(
                "batch",
                "v1",
                "Job",
                "guestbook",
                "migrate",
                ResultCode.SyncFailed,
                "Job has reached the specified backoff limit",
                "PreSync",
                HookPhase.Failed,
                SyncPhase.PreSync,
                0,
                "ERROR: relation \"entries\" does not exist\n",
                List.of("ghcr.io/example/guestbook-migrations:1.4.2")),
            new ResourceResultView(
                "apps",
                "v1",
                "Deployment",
                "guestbook",
                "guestbook-ui",
                null,
                null,
                null,
                null,
                SyncPhase.Sync,
                1,
                null,
                List.of("ghcr.io/example/guestbook-ui:1.4.2"))));
  }
}
