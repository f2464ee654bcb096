package io.wavesync.cleanup.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wavesync.events.CleanupCompleted;
import io.wavesync.events.CleanupRequested;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
import io.wavesync.events.ObjectDeleted;
import io.wavesync.events.Observation;
import io.wavesync.events.Topics;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.payload.ApplyStrategy;
import io.wavesync.events.payload.CleanupAction;
import io.wavesync.events.payload.CleanupActionType;
import io.wavesync.events.payload.CleanupOutcome;
import io.wavesync.events.payload.CleanupResult;
import io.wavesync.events.payload.DeleteOutcome;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.TaskAction;
import io.wavesync.events.payload.WaveMode;
import io.wavesync.events.payload.WaveTask;
import io.wavesync.sandbox.SandboxCluster;
import io.wavesync.testsupport.InjectSandbox;
import io.wavesync.testsupport.KafkaTestResource;
import io.wavesync.testsupport.SandboxClusterResource;
import io.wavesync.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "topics",
    value = "wavesync.cleanup,wavesync.observations,wavesync.waves.syncfail"))
@WithTestResource(value = SandboxClusterResource.class, initArgs = @ResourceArg(
    name = "default-duration", value = "200ms"))
class CleanupCommandsTest {

  /** Generous for a busy machine; nothing asserts on elapsed time. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String HOOK_FINALIZER = "argocd.argoproj.io/hook-finalizer";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TopicProbe probe;

  @InjectSandbox
  KubernetesClient cluster;

  @InjectSandbox
  SandboxCluster sandbox;

  @BeforeEach
  void connect() {
    if (probe == null) {
      String bootstrap = ConfigProvider.getConfig()
          .getValue("kafka.bootstrap.servers", String.class);
      probe = new TopicProbe(bootstrap, List.of(Topics.OBSERVATIONS, Topics.WAVES_SYNCFAIL,
          Topics.dlq(Topics.CLEANUP)));
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

  private ConfigMap configMap(String namespace, String name, List<String> finalizers) {
    return cluster.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withFinalizers(finalizers)
        .endMetadata().addToData("key", "value").build()).create();
  }

  private static ObjectRef ref(ConfigMap cm) {
    return new ObjectRef("", "v1", "ConfigMap", cm.getMetadata().getNamespace(),
        cm.getMetadata().getName(), cm.getMetadata().getUid());
  }

  private static CleanupRequested command(String app, String commandId,
      List<CleanupAction> actions, WaveApplyRequested followUp) {
    return CleanupRequested.of(app, "op-" + app, commandId, "Foreground", actions, followUp);
  }

  private static CleanupAction action(CleanupActionType type, ObjectRef ref) {
    return new CleanupAction(type, ref, "HookFailed");
  }

  /** The SyncFail wave the planner hands over: one hook that alerts. */
  private static WaveApplyRequested syncFail(String app, String commandId) {
    ObjectNode alert;
    try {
      alert = (ObjectNode) JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
          + "\"metadata\":{\"name\":\"alert\",\"namespace\":\"" + app + "\"}}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    WaveTask task = new WaveTask("/ConfigMap/" + app + "/alert:SyncFail", SyncPhase.SyncFail, 0,
        true, List.of("SyncFail"), List.of(), alert, null, TaskAction.APPLY, null, false, false,
        ApplyStrategy.defaults(), true, false, null);
    return WaveApplyRequested.of(app, "op-" + app, commandId, 0, 4, WaveMode.SYNC_FAIL,
        SyncPhase.SyncFail, 0, false, "Foreground", null, Map.of(), Map.of(), List.of(task),
        false, false);
  }

  private static void send(CleanupRequested command) {
    probe.send(Topics.CLEANUP, command.application(), EventJson.serializeToString(command));
  }

  private static List<Observation> observationsOf(String commandId) {
    return probe.records(Topics.OBSERVATIONS).stream()
        .map(r -> EventJson.deserialize(r.value(), Observation.class))
        .filter(o -> (o instanceof CleanupCompleted c && c.commandId().equals(commandId))
            || (o instanceof ObjectDeleted d && d.commandId().equals(commandId)))
        .toList();
  }

  private static <T> List<T> observationsOf(String commandId, Class<T> type) {
    return observationsOf(commandId).stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static CleanupCompleted run(CleanupRequested command) {
    send(command);
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(
        () -> observationsOf(command.commandId(), CleanupCompleted.class).stream().findFirst()
            .orElse(null), Objects::nonNull);
  }

  private static List<ConsumerRecord<String, String>> followUps(String commandId) {
    return probe.records(Topics.WAVES_SYNCFAIL).stream()
        .filter(r -> EventJson.deserialize(r.value(), WaveApplyRequested.class).commandId()
            .equals(commandId))
        .toList();
  }

  // ---- behaviour ----------------------------------------------------------------------------

  @Test
  void removesOnlyTheHookFinalizer() {
    ConfigMap hook = configMap("finalizers", "hook", List.of("example.com/keep", HOOK_FINALIZER));

    CleanupCompleted done = run(command("finalizers", "fin-1",
        List.of(action(CleanupActionType.REMOVE_FINALIZER, ref(hook))), null));

    CleanupResult result = done.results().get(0);
    assertThat(result.outcome()).isEqualTo(CleanupOutcome.DONE);
    assertThat(result.message()).isEqualTo(HOOK_FINALIZER + " removed from configmap/hook");
    assertThat(cluster.configMaps().inNamespace("finalizers").withName("hook").get()
        .getMetadata().getFinalizers()).containsExactly("example.com/keep");
    assertThat(observationsOf("fin-1", ObjectDeleted.class)).isEmpty();
  }

  @Test
  void deletesWithThePropagationPolicyAndAMissingObjectCountsAsDone() {
    ConfigMap old = configMap("deletes", "old-hook", List.of());
    ObjectRef missing = new ObjectRef("batch", "v1", "Job", "deletes", "never-there", null);

    CleanupCompleted done = run(command("deletes", "del-1", List.of(
        action(CleanupActionType.DELETE, ref(old)),
        action(CleanupActionType.DELETE, missing)), null));

    assertThat(done.results()).extracting(CleanupResult::outcome)
        .containsExactly(CleanupOutcome.DONE, CleanupOutcome.NOT_FOUND);
    List<ObjectDeleted> deleted = observationsOf("del-1", ObjectDeleted.class);
    assertThat(deleted).extracting(ObjectDeleted::outcome)
        .containsExactly(DeleteOutcome.DELETED, DeleteOutcome.NOT_FOUND);
    assertThat(deleted.get(0).message()).isEqualTo("configmap/old-hook deleted");
    assertThat(deleted.get(0).ref().uid()).isEqualTo(old.getMetadata().getUid());
    await().atMost(PATIENCE).until(() ->
        cluster.configMaps().inNamespace("deletes").withName("old-hook").get() == null);
  }

  @Test
  void aDeleteLeavesANewerObjectOfTheSameNameAlone() {
    ConfigMap current = configMap("newer", "hook", List.of());
    ObjectRef stale = new ObjectRef("", "v1", "ConfigMap", "newer", "hook", "uid-of-an-older-run");

    CleanupCompleted done = run(command("newer", "newer-1",
        List.of(action(CleanupActionType.DELETE, stale)), null));

    assertThat(done.results().get(0).outcome()).isEqualTo(CleanupOutcome.NOT_FOUND);
    assertThat(cluster.configMaps().inNamespace("newer").withName("hook").get().getMetadata()
        .getUid()).isEqualTo(current.getMetadata().getUid());
  }

  @Test
  void lookupsReturnTheObjectTheyFoundOrSayWhyNot() {
    ConfigMap present = configMap("lookups", "present", List.of());
    ConfigMap guarded = configMap("lookups", "guarded", List.of());
    sandbox.server().expect().get().withPath("/api/v1/namespaces/lookups/configmaps/guarded")
        .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"reason\":\"Forbidden\",\"code\":403,\"message\":\"configmaps \\\"guarded\\\" is "
            + "forbidden: User cannot get resource\"}")
        .once();

    CleanupCompleted done = run(command("lookups", "look-1", List.of(
        action(CleanupActionType.LOOKUP, ref(present)),
        action(CleanupActionType.LOOKUP, new ObjectRef("", "v1", "ConfigMap", "lookups", "absent",
            null)),
        action(CleanupActionType.LOOKUP, ref(guarded))), null));

    CleanupResult found = done.results().get(0);
    assertThat(found.outcome()).isEqualTo(CleanupOutcome.DONE);
    assertThat(found.object().path("metadata").path("uid").asText())
        .isEqualTo(present.getMetadata().getUid());
    assertThat(found.object().path("data").path("key").asText()).isEqualTo("value");
    assertThat(done.results().get(1).outcome()).isEqualTo(CleanupOutcome.NOT_FOUND);
    assertThat(done.results().get(1).object()).isNull();
    CleanupResult refused = done.results().get(2);
    assertThat(refused.outcome()).isEqualTo(CleanupOutcome.FAILED);
    assertThat(refused.httpStatus()).isEqualTo(403);
    assertThat(refused.message()).contains("User cannot get resource");
  }

  @Test
  void theFollowUpIsPublishedUnchangedOnceEveryDeletionSucceeded() {
    ConfigMap failed = configMap("followup", "failed-hook", List.of());
    WaveApplyRequested followUp = syncFail("followup", "op-followup/0/4/1");

    CleanupCompleted done = run(command("followup", "follow-1", List.of(
        action(CleanupActionType.DELETE, ref(failed)),
        action(CleanupActionType.DELETE, new ObjectRef("", "v1", "ConfigMap", "followup",
            "already-gone", null))), followUp));

    assertThat(done.results()).extracting(CleanupResult::outcome)
        .containsExactly(CleanupOutcome.DONE, CleanupOutcome.NOT_FOUND);
    List<ConsumerRecord<String, String>> published = followUps(followUp.commandId());
    // published before the answer, so it is there once the answer is
    assertThat(published).hasSize(1);
    ConsumerRecord<String, String> record = published.get(0);
    assertThat(record.key()).isEqualTo("followup");
    assertThat(EventJson.deserialize(record.value(), WaveApplyRequested.class))
        .isEqualTo(followUp);
    assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isEqualTo(followUp.eventId());
  }

  @Test
  void aFailedDeletionHoldsTheFollowUpBack() {
    // the API refuses to delete the default namespace
    ObjectRef protectedNamespace = new ObjectRef("", "v1", "Namespace", null, "default", null);
    WaveApplyRequested followUp = syncFail("held", "op-held/0/4/1");

    CleanupCompleted done = run(command("held", "held-1",
        List.of(action(CleanupActionType.DELETE, protectedNamespace)), followUp));

    CleanupResult result = done.results().get(0);
    assertThat(result.outcome()).isEqualTo(CleanupOutcome.FAILED);
    assertThat(result.httpStatus()).isEqualTo(403);
    assertThat(result.message()).contains("may not be deleted");
    assertThat(observationsOf("held-1", ObjectDeleted.class).get(0).outcome())
        .isEqualTo(DeleteOutcome.FAILED);
    assertThat(followUps(followUp.commandId())).isEmpty();
  }

  @Test
  void theSameCommandTwiceHasOneEffect() {
    ConfigMap hook = configMap("twice", "hook", List.of());
    WaveApplyRequested followUp = syncFail("twice", "op-twice/0/4/1");
    CleanupRequested command = command("twice", "twice-1",
        List.of(action(CleanupActionType.DELETE, ref(hook))), followUp);
    CleanupCompleted first = run(command);

    send(command);

    List<CleanupCompleted> answers = await().atMost(PATIENCE).until(
        () -> observationsOf("twice-1", CleanupCompleted.class), list -> list.size() == 2);
    assertThat(answers).extracting(CleanupCompleted::eventId).containsOnly(first.eventId());
    assertThat(observationsOf("twice-1", ObjectDeleted.class)).hasSize(1);
    assertThat(followUps(followUp.commandId())).hasSize(1);
  }

  @Test
  void aMalformedRecordGoesToTheDeadLetterTopicWithItsReasonAndConsumingGoesOn() {
    probe.send(Topics.CLEANUP, "broken", "[]");
    CleanupCompleted after = run(command("broken", "after-broken", List.of(), null));

    assertThat(after.results()).isEmpty();
    List<ConsumerRecord<String, String>> dead = await().atMost(PATIENCE).until(
        () -> probe.records(Topics.dlq(Topics.CLEANUP)), list -> !list.isEmpty());
    assertThat(dead.get(0).value()).isEqualTo("[]");
    assertThat(dead.get(0).key()).isEqualTo("broken");
    assertThat(TopicProbe.header(dead.get(0), CloudEventHeaders.DLQ_REASON))
        .isEqualTo("payload is JSON but not an object (it is array)");
    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("wavesync_events_dlq_total{service=\"cleanup-service\"}"));
  }

  @Test
  void healthIsReadyAndMetricsCountTheActions() {
    ConfigMap hook = configMap("metrics", "counted", List.of());
    run(command("metrics", "metrics-1", List.of(action(CleanupActionType.DELETE, ref(hook))),
        null));

    given().when().get("/q/health/ready").then().statusCode(200)
        .body(containsString("Kubernetes API"));
    given().when().get("/q/health/live").then().statusCode(200);
    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("wavesync_events_consumed_total{service=\"cleanup-service\"}"))
        .body(containsString("wavesync_cleanup_actions_total{action=\"DELETE\",outcome=\"DONE\"}"))
        // the deletion by kind, the delete policy the command names, and its result
        .body(containsString("wavesync_deletes_total{kind=\"ConfigMap\",policy=\"HookFailed\","
            + "result=\"Deleted\",service=\"cleanup-service\"}"));
  }

  @Test
  void aDeletionOfAnObjectAlreadyGoneCountsAsNotFoundUnderItsPolicy() {
    ObjectRef gone = new ObjectRef("", "v1", "ConfigMap", "metrics", "never-there", null);
    run(command("metrics", "metrics-2", List.of(
        new CleanupAction(CleanupActionType.DELETE, gone, "HookSucceeded")), null));

    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("wavesync_deletes_total{kind=\"ConfigMap\",policy=\"HookSucceeded\","
            + "result=\"NotFound\",service=\"cleanup-service\"}"));
  }
}
