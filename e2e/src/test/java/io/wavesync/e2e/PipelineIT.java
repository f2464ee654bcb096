package io.wavesync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.Observation;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.ResourceApplied;
import io.wavesync.events.payload.Backoff;
import io.wavesync.events.payload.HealthStatus;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.ResourceResultView;
import io.wavesync.events.payload.RetryPolicy;
import io.wavesync.events.payload.SyncOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The four packaged services as processes against a real broker and the sandbox cluster: sync
 * requests go in through Kafka, and the final operation state and the cluster are checked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

  static final Duration SYNC = Duration.ofSeconds(90);
  static Pipeline pipeline;

  @BeforeAll
  static void start() throws Exception {
    pipeline = new Pipeline().start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  static SyncOptions options() {
    return SyncOptions.defaults();
  }

  static SyncOptions withSyncOptions(String... syncOptions) {
    SyncOptions d = SyncOptions.defaults();
    return new SyncOptions(d.dryRun(), d.prune(), List.of(syncOptions), d.strategy(), d.force(),
        d.resources(), d.retry(), d.timeout(), d.waveDelay(), d.hookTimeout());
  }

  private static boolean exists(String ns, String kind, String name) {
    return switch (kind) {
      case "Job" -> pipeline.k8s().batch().v1().jobs().inNamespace(ns).withName(name).get() != null;
      case "ConfigMap" -> pipeline.k8s().configMaps().inNamespace(ns).withName(name).get() != null;
      case "Deployment" -> pipeline.k8s().apps().deployments().inNamespace(ns).withName(name).get() != null;
      case "Service" -> pipeline.k8s().services().inNamespace(ns).withName(name).get() != null;
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static List<String> resultNames(OperationUpdated op) {
    return op.resources().stream().map(ResourceResultView::name).toList();
  }

  @Test
  @Order(1)
  void theExampleApplicationSucceedsWithHooksInSpecOrderAndHookSucceededHooksGone() throws Exception {
    String opId = pipeline.sync("demo", "demo", pipeline.manifests("examples/hooks-demo"), options());
    OperationUpdated done = pipeline.awaitCompleted(opId, SYNC);
    assertThat(done.phase()).as(done.message() + " / " + pipeline.logs())
        .isEqualTo(OperationPhase.Succeeded);
    assertThat(done.message()).isEqualTo("successfully synced (no more tasks)");
    assertThat(resultNames(done)).containsExactly(
        "backup-database", "db-migrate", "seed-database",
        "myapp-config", "myapp", "myapp",
        "notify-deployment", "smoke-test", "warm-cache");
    assertThat(done.resources()).allSatisfy(r -> assertThat(r.hookPhase().name()).isEqualTo("Succeeded"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (String gone : List.of("backup-database", "notify-deployment", "smoke-test", "warm-cache")) {
        assertThat(exists("demo", "Job", gone)).as(gone).isFalse();
      }
    });
    assertThat(exists("demo", "Job", "db-migrate")).isTrue();
    assertThat(exists("demo", "Job", "seed-database")).isTrue();
    assertThat(exists("demo", "Job", "notify-failure")).isFalse();
    assertThat(exists("demo", "Deployment", "myapp")).isTrue();
    // the hook's logs were kept in its result before any delete policy could remove it
    assertThat(done.resources().stream().filter(r -> r.name().equals("db-migrate")).findFirst()
        .orElseThrow().logTail()).contains("Running migrations");
  }

  @Test
  @Order(2)
  void aFailingPreSyncMigrationStopsTheSyncAndRunsTheSyncFailAlert() throws Exception {
    String opId = pipeline.sync("demo-failing", "demo-failing",
        pipeline.manifests("examples/hooks-demo-failing-migration"), options());
    OperationUpdated done = pipeline.awaitCompleted(opId, SYNC);
    assertThat(done.phase()).as(pipeline.logs()).isEqualTo(OperationPhase.Failed);
    assertThat(done.message()).isEqualTo("one or more synchronization tasks completed unsuccessfully");
    assertThat(resultNames(done)).containsExactly("backup-database", "db-migrate", "notify-failure");
    assertThat(exists("demo-failing", "Deployment", "myapp")).isFalse();
    assertThat(exists("demo-failing", "ConfigMap", "myapp-config")).isFalse();
    assertThat(exists("demo-failing", "Job", "seed-database")).isFalse();
  }

  private OperationUpdated deletePolicies(String app, boolean gateSucceeds) throws Exception {
    String manifests = Pipeline.resource("delete-policies.yaml")
        .replace("GATE", gateSucceeds ? "echo open" : "exit 1");
    String opId = pipeline.sync(app, app, manifests, options());
    return pipeline.awaitCompleted(opId, SYNC);
  }

  @Test
  @Order(3)
  void deletePoliciesFollowTheOperationOutcome() throws Exception {
    OperationUpdated ok = deletePolicies("policies-ok", true);
    assertThat(ok.phase()).isEqualTo(OperationPhase.Succeeded);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(exists("policies-ok", "Job", "deleted-on-success")).isFalse());
    assertThat(exists("policies-ok", "Job", "deleted-on-failure")).isTrue();

    OperationUpdated failed = deletePolicies("policies-failed", false);
    assertThat(failed.phase()).isEqualTo(OperationPhase.Failed);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(exists("policies-failed", "Job", "deleted-on-failure")).isFalse());
    // HookSucceeded follows the operation, which failed, although this hook itself succeeded
    assertThat(exists("policies-failed", "Job", "deleted-on-success")).isTrue();
    assertThat(exists("policies-failed", "Job", "gate")).isTrue();
  }

  @Test
  @Order(4)
  void aNamedBeforeHookCreationHookRunsAgainOnTheSecondSync() throws Exception {
    String manifests = Pipeline.resource("bhc.yaml");
    OperationUpdated first = pipeline.awaitCompleted(pipeline.sync("bhc", "bhc", manifests, options()), SYNC);
    assertThat(first.phase()).isEqualTo(OperationPhase.Succeeded);
    Job before = pipeline.k8s().batch().v1().jobs().inNamespace("bhc").withName("migrate").get();
    OperationUpdated second = pipeline.awaitCompleted(pipeline.sync("bhc", "bhc", manifests, options()), SYNC);
    assertThat(second.phase()).isEqualTo(OperationPhase.Succeeded);
    Job after = pipeline.k8s().batch().v1().jobs().inNamespace("bhc").withName("migrate").get();
    assertThat(after.getMetadata().getUid()).isNotEqualTo(before.getMetadata().getUid());
    assertThat(after.getMetadata().getCreationTimestamp())
        .isGreaterThanOrEqualTo(before.getMetadata().getCreationTimestamp());
    assertThat(pipeline.observedUids("bhc").get("migrate")).hasSize(2);
  }

  @Test
  @Order(5)
  void generateNameHooksGetTheSpecsNames() throws Exception {
    String opId = pipeline.sync("gen", "gen", "FooBarBaz", Pipeline.resource("generate-name.yaml"), options());
    OperationUpdated done = pipeline.awaitCompleted(opId, SYNC);
    assertThat(done.phase()).isEqualTo(OperationPhase.Succeeded);
    long ts = done.startedAt().getEpochSecond();
    assertThat(resultNames(done)).containsExactly(
        "smoke-foobarb-presync-" + ts, "settings", "smoke-foobarb-postsync-" + ts);
    assertThat(exists("gen", "Job", "smoke-foobarb-presync-" + ts)).isTrue();
    assertThat(exists("gen", "Job", "smoke-foobarb-postsync-" + ts)).isTrue();
  }

  @Test
  @Order(6)
  void aSkippedObjectIsNeverApplied() throws Exception {
    OperationUpdated done = pipeline.awaitCompleted(
        pipeline.sync("skip", "skip", Pipeline.resource("skip.yaml"), options()), SYNC);
    assertThat(done.phase()).isEqualTo(OperationPhase.Succeeded);
    assertThat(resultNames(done)).containsExactly("kept");
    assertThat(exists("skip", "ConfigMap", "kept")).isTrue();
    assertThat(exists("skip", "ConfigMap", "skipped")).isFalse();
  }

  @Test
  @Order(7)
  void aMultiWaveSyncWaitsForDeploymentHealthBeforeTheNextWave() throws Exception {
    OperationUpdated done = pipeline.awaitCompleted(
        pipeline.sync("waves", "waves", Pipeline.resource("waves.yaml"), options()), SYNC);
    assertThat(done.phase()).isEqualTo(OperationPhase.Succeeded);
    int healthy = -1;
    int applied = -1;
    List<Observation> seen = List.copyOf(pipeline.observations);
    for (int i = 0; i < seen.size(); i++) {
      Observation o = seen.get(i);
      if (healthy < 0 && o instanceof HealthObserved h && h.application().equals("waves")
          && h.ref().name().equals("backend") && h.health() != null
          && h.health().status() == HealthStatus.Healthy) {
        healthy = i;
      }
      if (applied < 0 && o instanceof ResourceApplied a && a.application().equals("waves")
          && a.ref().name().equals("after-backend") && !a.dryRun()) {
        applied = i;
      }
    }
    assertThat(healthy).isNotNegative();
    assertThat(applied).isGreaterThan(healthy);
    ConfigMap cm = pipeline.k8s().configMaps().inNamespace("waves").withName("after-backend").get();
    assertThat(cm.getMetadata().getLabels()).containsEntry("wavesync.io/application", "waves");
  }

  @Test
  @Order(8)
  void aRunningSyncCanBeTerminated() throws Exception {
    String opId = pipeline.sync("stop-me", "stop-me", Pipeline.resource("terminate.yaml"), options());
    pipeline.await(opId, u -> u.message().equals("waiting for completion of hook batch/Job/forever"), SYNC);
    pipeline.terminate("stop-me", opId);
    OperationUpdated done = pipeline.awaitCompleted(opId, SYNC);
    assertThat(done.phase()).isEqualTo(OperationPhase.Failed);
    assertThat(done.message()).isEqualTo("Operation terminated");
    assertThat(done.resources().get(0).message()).isEqualTo("Terminated");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(exists("stop-me", "Job", "forever")).isFalse());
    assertThat(exists("stop-me", "ConfigMap", "never")).isFalse();
  }

  @Test
  @Order(9)
  void aFailedSyncIsRetriedWithBackoff() throws Exception {
    SyncOptions d = SyncOptions.defaults();
    SyncOptions retry = new SyncOptions(d.dryRun(), d.prune(), d.syncOptions(), d.strategy(),
        d.force(), d.resources(), new RetryPolicy(2, new Backoff("1s", 2, "10s")), d.timeout(),
        d.waveDelay(), d.hookTimeout());
    String opId = pipeline.sync("retry", "retry", Pipeline.resource("retry.yaml"), retry);
    OperationUpdated done = pipeline.awaitCompleted(opId, SYNC);
    assertThat(done.phase()).isEqualTo(OperationPhase.Failed);
    assertThat(done.retryCount()).isEqualTo(2);
    assertThat(done.message()).endsWith("(retried 2 times).");
    assertThat(pipeline.updates(opId)).anySatisfy(u ->
        assertThat(u.message()).contains("Retrying attempt #1 at"));
    // BeforeHookCreation re-creates the hook for every attempt
    assertThat(pipeline.observedUids("retry").get("flaky-check")).hasSize(3);
  }

  @Test
  @Order(10)
  void aPlannerKilledDuringASyncFinishesItAfterRestartWithNoHookRunTwice() throws Exception {
    String opId = pipeline.sync("survivor", "survivor", Pipeline.resource("kill.yaml"), options());
    pipeline.await(opId, u -> u.message().equals("waiting for completion of hook batch/Job/slow-migrate"), SYNC);
    pipeline.service("planner-service").kill();
    pipeline.restart("planner-service");
    OperationUpdated done = pipeline.awaitCompleted(opId, SYNC);
    assertThat(done.phase()).as(pipeline.logs()).isEqualTo(OperationPhase.Succeeded);
    Map<String, List<String>> uids = pipeline.observedUids("survivor");
    assertThat(uids.get("slow-migrate")).hasSize(1);
    assertThat(uids.get("verify")).hasSize(1);
    assertThat(uids.get("web")).hasSize(1);
  }

  /**
   * The pipeline's own time for the example application: every simulated hook and rollout takes
   * zero seconds, so what remains is Kafka hops, planning, applying and observing.
   */
  @Test
  @Order(11)
  void measuresThePipelinesOwnTimeForTheExampleApplication() throws Exception {
    String manifests = zeroDurations(pipeline.manifests("examples/hooks-demo"));
    List<Long> millis = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String app = "timing-" + i;
      OperationUpdated done = pipeline.awaitCompleted(pipeline.sync(app, app, manifests, options()), SYNC);
      assertThat(done.phase()).isEqualTo(OperationPhase.Succeeded);
      millis.add(Duration.between(done.startedAt(), done.finishedAt()).toMillis());
    }
    List<Long> sorted = millis.stream().sorted().toList();
    String line = "example application (10 tasks, 5 waves), simulated durations 0: runs " + millis
        + " ms, median " + sorted.get(sorted.size() / 2) + " ms";
    java.nio.file.Files.writeString(pipeline.root.resolve("e2e/target/pipeline-timing.txt"), line + "\n");
    System.out.println(line);
  }

  /** Adds {@code sandbox.wavesync.io/duration: 0s} to every object. */
  static String zeroDurations(String manifests) throws Exception {
    StringBuilder out = new StringBuilder();
    for (io.wavesync.engine.manifest.Manifest m :
        io.wavesync.engine.manifest.ManifestLoader.parse(manifests, "examples")) {
      out.append(m.object().withAnnotation("sandbox.wavesync.io/duration", "0s").toJson()).append("\n---\n");
    }
    return out.toString();
  }
}
