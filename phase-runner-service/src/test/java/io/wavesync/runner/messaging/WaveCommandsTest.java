package io.wavesync.runner.messaging;

import static io.restassured.RestAssured.given;
import static io.wavesync.runner.messaging.Commands.apply;
import static io.wavesync.runner.messaging.Commands.configMap;
import static io.wavesync.runner.messaging.Commands.hook;
import static io.wavesync.runner.messaging.Commands.job;
import static io.wavesync.runner.messaging.Commands.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
import io.wavesync.events.Observation;
import io.wavesync.events.ResourceApplied;
import io.wavesync.events.ResourceApplyFailed;
import io.wavesync.events.Topics;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.payload.ApplyMethod;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.LiveRef;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.StepResult;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.TaskOutcome;
import io.wavesync.testsupport.InjectSandbox;
import io.wavesync.testsupport.KafkaTestResource;
import io.wavesync.testsupport.SandboxClusterResource;
import io.wavesync.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "topics",
    value = "wavesync.waves.presync,wavesync.waves.sync,wavesync.waves.postsync,"
        + "wavesync.waves.syncfail,wavesync.observations"))
@WithTestResource(value = SandboxClusterResource.class, initArgs = @ResourceArg(
    name = "default-duration", value = "200ms"))
class WaveCommandsTest {

  /** Generous for a busy machine; nothing asserts on elapsed time. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static TopicProbe probe;

  @InjectSandbox
  KubernetesClient cluster;

  @BeforeEach
  void connect() {
    if (probe == null) {
      String bootstrap = ConfigProvider.getConfig()
          .getValue("kafka.bootstrap.servers", String.class);
      probe = new TopicProbe(bootstrap, List.of(Topics.OBSERVATIONS,
          Topics.dlq(Topics.WAVES_SYNC), Topics.dlq(Topics.WAVES_PRESYNC)));
    }
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    if (probe != null) {
      probe.close();
      probe = null;
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static void send(WaveApplyRequested command) {
    probe.send(Topics.topicOf(command), command.application(),
        EventJson.serializeToString(command));
  }

  private static List<Observation> answersTo(String commandId) {
    return probe.records(Topics.OBSERVATIONS).stream()
        .map(r -> EventJson.deserialize(r.value(), Observation.class))
        .filter(o -> commandId.equals(commandIdOf(o)))
        .toList();
  }

  private static String commandIdOf(Observation o) {
    if (o instanceof WaveApplied w) {
      return w.commandId();
    }
    if (o instanceof ResourceApplied r) {
      return r.commandId();
    }
    if (o instanceof ResourceApplyFailed f) {
      return f.commandId();
    }
    return null;
  }

  private static WaveApplied awaitAnswer(String commandId) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(
        () -> answersTo(commandId).stream().filter(WaveApplied.class::isInstance)
            .map(WaveApplied.class::cast).findFirst().orElse(null), Objects::nonNull);
  }

  private static WaveApplied run(WaveApplyRequested command) {
    send(command);
    return awaitAnswer(command.commandId());
  }

  private static <T> List<T> answersOfType(String commandId, Class<T> type) {
    return answersTo(commandId).stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static TaskOutcome outcome(WaveApplied answer, String name) {
    return answer.results().stream().filter(t -> t.ref().name().equals(name)).findFirst()
        .orElseThrow();
  }

  private static LiveRef live(Job job) {
    return new LiveRef("batch", "v1", "Job", job.getMetadata().getNamespace(),
        job.getMetadata().getName(), job.getMetadata().getUid(),
        job.getMetadata().getResourceVersion(),
        job.getMetadata().getFinalizers().contains("argocd.argoproj.io/hook-finalizer"),
        job.getMetadata().getDeletionTimestamp() != null);
  }

  // ---- behaviour ----------------------------------------------------------------------------

  @Test
  void aWaveCommandCreatesTheObjectsAndAnswersWithKubectlMessagesUidsAndGenerations() {
    WaveApplyRequested command = step("shop", "create-1", SyncPhase.Sync, List.of(
        apply(configMap("shop", "app-config", "v1"), SyncPhase.Sync),
        hook(job("shop", "smoke", "true"), SyncPhase.Sync, null, false)));

    WaveApplied answer = run(command);

    assertThat(answer.stepResult()).isEqualTo(StepResult.SUCCESSFUL);
    ConfigMap cm = cluster.configMaps().inNamespace("shop").withName("app-config").get();
    Job job = cluster.batch().v1().jobs().inNamespace("shop").withName("smoke").get();
    TaskOutcome cmOutcome = outcome(answer, "app-config");
    assertThat(cmOutcome.resultCode()).isEqualTo(ResultCode.Synced);
    assertThat(cmOutcome.hookPhase()).isEqualTo(HookPhase.Running);
    assertThat(cmOutcome.message()).isEqualTo("configmap/app-config created");
    assertThat(cmOutcome.uid()).isEqualTo(cm.getMetadata().getUid());
    TaskOutcome jobOutcome = outcome(answer, "smoke");
    assertThat(jobOutcome.message()).isEqualTo("job.batch/smoke created");
    assertThat(jobOutcome.uid()).isEqualTo(job.getMetadata().getUid());
    assertThat(jobOutcome.generation()).isEqualTo(job.getMetadata().getGeneration());

    List<ResourceApplied> applied = answersOfType("create-1", ResourceApplied.class);
    assertThat(applied).extracting(ResourceApplied::message)
        .containsExactlyInAnyOrder("configmap/app-config created", "job.batch/smoke created");
    ResourceApplied jobApplied = applied.stream().filter(ResourceApplied::hook).findFirst()
        .orElseThrow();
    assertThat(jobApplied.ref().uid()).isEqualTo(job.getMetadata().getUid());
    assertThat(jobApplied.ref().group()).isEqualTo("batch");
    assertThat(jobApplied.resultCode()).isEqualTo(ResultCode.Synced);
    assertThat(jobApplied.dryRun()).isFalse();

    assertThat(cm.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "wavesync")
        .containsEntry("app.kubernetes.io/instance", "shop")
        .containsEntry("wavesync.io/application", "shop");
    assertThat(cm.getMetadata().getAnnotations())
        .containsEntry("wavesync.io/operation", "op-shop")
        .containsEntry("wavesync.io/tracking-id", "shop:/ConfigMap:shop/app-config")
        .containsKey("kubectl.kubernetes.io/last-applied-configuration");
    assertThat(job.getMetadata().getFinalizers()).contains("argocd.argoproj.io/hook-finalizer");

    // the per-task observations come before the wave's answer, all keyed by application
    List<ConsumerRecord<String, String>> records = probe.records(Topics.OBSERVATIONS).stream()
        .filter(r -> r.value().contains("\"create-1\"")).toList();
    assertThat(records).hasSize(3);
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo("shop"));
    ConsumerRecord<String, String> last = records.get(records.size() - 1);
    assertThat(TopicProbe.header(last, CloudEventHeaders.TYPE))
        .isEqualTo("io.wavesync.WaveApplied.v1");
    assertThat(TopicProbe.header(last, CloudEventHeaders.SOURCE))
        .isEqualTo("/wavesync/phase-runner-service");
    assertThat(TopicProbe.header(last, CloudEventHeaders.ID)).isEqualTo(answer.eventId());
  }

  @Test
  void applyingAgainSaysUnchangedAndAChangedManifestSaysConfigured() {
    String first = outcome(run(step("again", "again-1", SyncPhase.Sync,
        List.of(apply(configMap("again", "settings", "a"), SyncPhase.Sync)))), "settings").uid();

    TaskOutcome same = outcome(run(step("again", "again-2", SyncPhase.Sync,
        List.of(apply(configMap("again", "settings", "a"), SyncPhase.Sync)))), "settings");
    assertThat(same.message()).isEqualTo("configmap/settings unchanged");
    assertThat(same.uid()).isEqualTo(first);

    TaskOutcome changed = outcome(run(step("again", "again-3", SyncPhase.Sync,
        List.of(apply(configMap("again", "settings", "b"), SyncPhase.Sync)))), "settings");
    assertThat(changed.message()).isEqualTo("configmap/settings configured");
    assertThat(changed.uid()).isEqualTo(first);
    assertThat(cluster.configMaps().inNamespace("again").withName("settings").get().getData())
        .containsEntry("key", "b");
  }

  @Test
  void beforeHookCreationDeletesTheOldHookAndCreatesItAgainWithANewUid() {
    ObjectNode migrate = job("bhc", "migrate", "true");
    WaveApplied created = run(step("bhc", "bhc-1", SyncPhase.PreSync,
        List.of(hook(migrate, SyncPhase.PreSync, null, true))));
    assertThat(outcome(created, "migrate").message()).isEqualTo("job.batch/migrate created");
    Job old = cluster.batch().v1().jobs().inNamespace("bhc").withName("migrate").get();
    LiveRef oldLive = live(old);

    // the next sync: the old copy goes first, and the runner waits for it to be gone
    WaveApplied deleting = run(step("bhc", "bhc-2", SyncPhase.PreSync,
        List.of(hook(migrate, SyncPhase.PreSync, oldLive, true))));
    assertThat(deleting.stepResult()).isEqualTo(StepResult.PENDING);
    assertThat(outcome(deleting, "migrate").deletionRequested()).isTrue();
    assertThat(outcome(deleting, "migrate").resultCode()).isNull();
    await().atMost(PATIENCE).until(() ->
        cluster.batch().v1().jobs().inNamespace("bhc").withName("migrate").get() == null);

    // the planner still names the old object: it is gone, so the hook is created again
    WaveApplied recreated = run(step("bhc", "bhc-3", SyncPhase.PreSync,
        List.of(hook(migrate, SyncPhase.PreSync, oldLive, true))));
    assertThat(recreated.stepResult()).isEqualTo(StepResult.SUCCESSFUL);
    TaskOutcome outcome = outcome(recreated, "migrate");
    assertThat(outcome.liveGone()).isTrue();
    assertThat(outcome.message()).isEqualTo("job.batch/migrate created");
    Job fresh = cluster.batch().v1().jobs().inNamespace("bhc").withName("migrate").get();
    assertThat(fresh.getMetadata().getUid()).isNotEqualTo(old.getMetadata().getUid())
        .isEqualTo(outcome.uid());
    // the deletion is counted by kind, the policy that asked for it and its result
    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("wavesync_deletes_total{kind=\"Job\",policy=\"BeforeHookCreation\","
            + "result=\"Deleted\",service=\"phase-runner-service\"}"));
  }

  @Test
  void aPruneTaskDeletesTheLiveObject() {
    ConfigMap leftover = cluster.configMaps().inNamespace("prune").resource(
        new ConfigMapBuilder().withNewMetadata().withName("leftover").withNamespace("prune")
            .endMetadata().addToData("k", "v").build()).create();
    LiveRef live = new LiveRef("", "v1", "ConfigMap", "prune", "leftover",
        leftover.getMetadata().getUid(), null, false, false);

    WaveApplied answer = run(step("prune", "prune-1", SyncPhase.Sync,
        List.of(Commands.prune(live, SyncPhase.Sync))));

    assertThat(answer.stepResult()).isEqualTo(StepResult.SUCCESSFUL);
    TaskOutcome outcome = outcome(answer, "leftover");
    assertThat(outcome.resultCode()).isEqualTo(ResultCode.Pruned);
    assertThat(outcome.message()).isEqualTo("pruned");
    assertThat(outcome.deletionRequested()).isTrue();
    ResourceApplied pruned = answersOfType("prune-1", ResourceApplied.class).get(0);
    assertThat(pruned.resultCode()).isEqualTo(ResultCode.Pruned);
    assertThat(pruned.ref().uid()).isEqualTo(leftover.getMetadata().getUid());
    await().atMost(PATIENCE).until(() ->
        cluster.configMaps().inNamespace("prune").withName("leftover").get() == null);
    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("wavesync_deletes_total{kind=\"ConfigMap\",policy=\"Prune\","
            + "result=\"Deleted\",service=\"phase-runner-service\"}"))
        .body(containsString("wavesync_tasks_applied_total{kind=\"ConfigMap\",phase=\"Sync\","
            + "result=\"Pruned\"}"));
  }

  @Test
  void theValidationDryRunWritesNothingAndReportsOnlyFailures() {
    ObjectNode widget = Commands.manifest("{'apiVersion':'example.com/v1','kind':'Widget',"
        + "'metadata':{'name':'w','namespace':'dry'}}");
    WaveApplied answer = run(Commands.validate("dry", "dry-1", List.of(
        apply(configMap("dry", "never-written", "v"), SyncPhase.Sync),
        apply(widget, SyncPhase.Sync))));

    assertThat(answer.stepResult()).isEqualTo(StepResult.FAILED);
    assertThat(outcome(answer, "never-written").resultCode()).isNull();
    TaskOutcome widgetOutcome = outcome(answer, "w");
    assertThat(widgetOutcome.resultCode()).isEqualTo(ResultCode.SyncFailed);
    assertThat(widgetOutcome.message())
        .isEqualTo("no matches for kind \"Widget\" in version \"example.com/v1\"");
    List<ResourceApplyFailed> failures = answersOfType("dry-1", ResourceApplyFailed.class);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).httpStatus()).isEqualTo(404);
    assertThat(answersOfType("dry-1", ResourceApplied.class)).isEmpty();
    assertThat(cluster.configMaps().inNamespace("dry").withName("never-written").get()).isNull();
  }

  @Test
  void aDryRunOperationDescribesEveryWriteAndMakesNone() {
    WaveApplied answer = run(Commands.dryRunOperation("dryop", "dryop-1", List.of(
        apply(configMap("dryop", "would-be", "v"), SyncPhase.Sync))));

    TaskOutcome outcome = outcome(answer, "would-be");
    assertThat(outcome.message()).isEqualTo("configmap/would-be created (dry run)");
    assertThat(outcome.hookPhase()).isEqualTo(HookPhase.Succeeded);
    ResourceApplied applied = answersOfType("dryop-1", ResourceApplied.class).get(0);
    assertThat(applied.dryRun()).isTrue();
    assertThat(cluster.configMaps().inNamespace("dryop").withName("would-be").get()).isNull();
  }

  @Test
  void serverSideApplyCreatesAndUpdatesThroughTheSandbox() {
    WaveApplied created = run(step("ssa", "ssa-1", SyncPhase.Sync, List.of(
        apply(configMap("ssa", "owned", "one"), SyncPhase.Sync, Commands.serverSide()))));
    assertThat(outcome(created, "owned").message()).isEqualTo("configmap/owned serverside-applied");
    ConfigMap first = cluster.configMaps().inNamespace("ssa").withName("owned").get();
    assertThat(first.getData()).containsEntry("key", "one");
    assertThat(first.getMetadata().getLabels()).containsEntry("wavesync.io/application", "ssa");
    assertThat(outcome(created, "owned").uid()).isEqualTo(first.getMetadata().getUid());

    WaveApplied updated = run(step("ssa", "ssa-2", SyncPhase.Sync, List.of(
        apply(configMap("ssa", "owned", "two"), SyncPhase.Sync, Commands.serverSide()))));
    assertThat(outcome(updated, "owned").message()).isEqualTo("configmap/owned serverside-applied");
    ConfigMap second = cluster.configMaps().inNamespace("ssa").withName("owned").get();
    assertThat(second.getData()).containsEntry("key", "two");
    assertThat(second.getMetadata().getUid()).isEqualTo(first.getMetadata().getUid());
  }

  @Test
  void theSameCommandDeliveredTwiceHasOneEffect() {
    WaveApplyRequested command = step("twice", "twice-1", SyncPhase.Sync,
        List.of(apply(configMap("twice", "once", "v"), SyncPhase.Sync)));
    WaveApplied first = run(command);
    ConfigMap after = cluster.configMaps().inNamespace("twice").withName("once").get();

    send(command);

    List<WaveApplied> answers = await().atMost(PATIENCE).until(
        () -> answersOfType("twice-1", WaveApplied.class), list -> list.size() == 2);
    assertThat(answers).extracting(WaveApplied::eventId).containsOnly(first.eventId());
    assertThat(answersOfType("twice-1", ResourceApplied.class)).hasSize(1);
    ConfigMap now = cluster.configMaps().inNamespace("twice").withName("once").get();
    assertThat(now.getMetadata().getResourceVersion())
        .isEqualTo(after.getMetadata().getResourceVersion());
  }

  @Test
  void aMalformedRecordGoesToTheDeadLetterTopicWithItsReasonAndConsumingGoesOn() {
    probe.send(Topics.WAVES_SYNC, "broken", "{not json");
    probe.send(Topics.WAVES_SYNC, "broken", EventJson.serializeToString(
        io.wavesync.events.TerminateRequested.of("broken", "op", "someone", "wrong topic")));
    WaveApplied after = run(step("broken", "after-broken", SyncPhase.Sync,
        List.of(apply(configMap("broken", "still-works", "v"), SyncPhase.Sync))));

    assertThat(after.stepResult()).isEqualTo(StepResult.SUCCESSFUL);
    List<ConsumerRecord<String, String>> dead = await().atMost(PATIENCE).until(
        () -> probe.records(Topics.dlq(Topics.WAVES_SYNC)), list -> list.size() >= 2);
    assertThat(dead).extracting(ConsumerRecord::value)
        .contains("{not json");
    assertThat(dead).extracting(r -> TopicProbe.header(r, CloudEventHeaders.DLQ_REASON))
        .anySatisfy(reason -> assertThat(reason).startsWith("payload is not JSON"))
        .anySatisfy(reason -> assertThat(reason)
            .contains("'TerminateRequested' does not belong to WaveApplyRequested"));
    assertThat(dead).allSatisfy(r -> assertThat(r.key()).isEqualTo("broken"));

    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("wavesync_events_dlq_total{service=\"phase-runner-service\"}"))
        .body(containsString("wavesync_events_failed_total{service=\"phase-runner-service\"}"));
  }

  @Test
  void anInvalidUpdateFailsTheTaskWithTheApisMessage() {
    run(step("invalid", "invalid-1", SyncPhase.Sync,
        List.of(apply(job("invalid", "fixed", "true"), SyncPhase.Sync))));

    // a Job's template cannot change, and nothing deletes the old one first
    WaveApplied answer = run(step("invalid", "invalid-2", SyncPhase.Sync,
        List.of(apply(job("invalid", "fixed", "exit 1"), SyncPhase.Sync))));

    assertThat(answer.stepResult()).isEqualTo(StepResult.FAILED);
    TaskOutcome outcome = outcome(answer, "fixed");
    assertThat(outcome.resultCode()).isEqualTo(ResultCode.SyncFailed);
    assertThat(outcome.hookPhase()).isEqualTo(HookPhase.Failed);
    assertThat(outcome.message()).contains("Job.batch \"fixed\" is invalid")
        .contains("field is immutable");
    ResourceApplyFailed failed = answersOfType("invalid-2", ResourceApplyFailed.class).get(0);
    assertThat(failed.httpStatus()).isEqualTo(422);
    assertThat(failed.message()).isEqualTo(outcome.message());
  }

  @Test
  void creatingAnObjectThatExistsFailsWithTheApisConflict() {
    cluster.configMaps().inNamespace("conflict").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("taken").withNamespace("conflict").endMetadata().build())
        .create();

    // Replace=true without a live object: the engine creates
    WaveApplied answer = run(step("conflict", "conflict-1", SyncPhase.Sync, List.of(
        apply(configMap("conflict", "taken", "v"), SyncPhase.Sync,
            Commands.method(ApplyMethod.REPLACE)))));

    TaskOutcome outcome = outcome(answer, "taken");
    assertThat(outcome.resultCode()).isEqualTo(ResultCode.SyncFailed);
    assertThat(outcome.message()).contains("\"taken\" already exists");
    assertThat(answersOfType("conflict-1", ResourceApplyFailed.class).get(0).httpStatus())
        .isEqualTo(409);
  }

  @Test
  void healthIsReadyWithKafkaAndTheKubernetesApiAndMetricsAreExposed() {
    run(step("metrics", "metrics-1", SyncPhase.Sync,
        List.of(apply(configMap("metrics", "counted", "v"), SyncPhase.Sync))));

    given().when().get("/q/health/ready").then().statusCode(200)
        .body(containsString("Kubernetes API"));
    given().when().get("/q/health/live").then().statusCode(200);
    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("wavesync_events_consumed_total{service=\"phase-runner-service\"}"))
        .body(containsString(
            "wavesync_tasks_applied_total{kind=\"ConfigMap\",phase=\"Sync\",result=\"Synced\"}"))
        .body(containsString("wavesync_wave_apply_seconds_count{phase=\"Sync\"}"))
        // per task write durations, with buckets for histogram_quantile
        .body(containsString("wavesync_task_apply_duration_seconds_bucket{dry_run=\"false\","
            + "kind=\"ConfigMap\",phase=\"Sync\",le=\""))
        .body(containsString("wavesync_task_apply_duration_seconds_count{dry_run=\"false\","
            + "kind=\"ConfigMap\",phase=\"Sync\"}"));
  }
}
