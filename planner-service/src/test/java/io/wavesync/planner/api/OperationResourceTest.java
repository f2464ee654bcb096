package io.wavesync.planner.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wavesync.events.CleanupCompleted;
import io.wavesync.events.CleanupRequested;
import io.wavesync.events.EventJson;
import io.wavesync.events.Topics;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.payload.CleanupOutcome;
import io.wavesync.events.payload.CleanupResult;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.StepResult;
import io.wavesync.events.payload.TaskOutcome;
import io.wavesync.events.payload.WaveMode;
import io.wavesync.events.payload.WaveTask;
import io.wavesync.testsupport.KafkaTestResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planner service on a real (in-JVM) broker, through its HTTP API. A small stand-in answers its
 * commands the way the phase runner and the cleanup service would: every apply succeeds, every
 * lookup finds the object still running, every deletion succeeds.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(
    name = KafkaTestResource.TOPICS_ARG,
    value = "wavesync.sync-requests,wavesync.observations,wavesync.waves.presync,wavesync.waves.sync,"
        + "wavesync.waves.postsync,wavesync.waves.syncfail,wavesync.cleanup,wavesync.operations"))
class OperationResourceTest {

  static final String HOOKED = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        annotations: {argocd.argoproj.io/hook: PreSync}
      spec:
        template:
          spec:
            restartPolicy: Never
            containers: [{name: m, image: busybox}]
      """;

  static Thread responder;
  static volatile boolean running = true;

  @BeforeAll
  static void answerCommands() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    Properties cp = new Properties();
    cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, "stand-in-" + UUID.randomUUID());
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    Properties pp = new Properties();
    pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    responder = new Thread(() -> {
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp);
          KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
        consumer.subscribe(List.of(Topics.WAVES_PRESYNC, Topics.WAVES_SYNC, Topics.WAVES_POSTSYNC,
            Topics.WAVES_SYNCFAIL, Topics.CLEANUP));
        while (running) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
            String answer = r.topic().equals(Topics.CLEANUP)
                ? EventJson.serializeToString(cleanup(EventJson.deserialize(r.value(), CleanupRequested.class)))
                : EventJson.serializeToString(apply(EventJson.deserialize(r.value(), WaveApplyRequested.class)));
            producer.send(new ProducerRecord<>(Topics.OBSERVATIONS, r.key(), answer));
          }
        }
      }
    });
    responder.setDaemon(true);
    responder.start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    running = false;
    responder.join(2000);
  }

  static WaveApplied apply(WaveApplyRequested cmd) {
    List<TaskOutcome> outcomes = new ArrayList<>();
    if (cmd.mode() != WaveMode.VALIDATE) {
      for (WaveTask t : cmd.tasks()) {
        var meta = t.target().path("metadata");
        outcomes.add(new TaskOutcome(t.resultKey(),
            ObjectRef.of("batch", "v1", t.target().path("kind").asText(),
                meta.path("namespace").asText(), meta.path("name").asText()).withUid("uid-1"),
            ResultCode.Synced, HookPhase.Running, "job.batch/migrate created", "uid-1", 1L, false, false));
      }
    }
    return WaveApplied.of(cmd.application(), cmd.operationId(), cmd.commandId(),
        StepResult.SUCCESSFUL, outcomes, List.of());
  }

  static CleanupCompleted cleanup(CleanupRequested cmd) {
    List<CleanupResult> results = new ArrayList<>();
    for (var a : cmd.actions()) {
      com.fasterxml.jackson.databind.node.ObjectNode found = null;
      if (a.action() == io.wavesync.events.payload.CleanupActionType.LOOKUP) {
        // the hook exists and has no status yet: it is still running
        found = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        found.put("apiVersion", "batch/v1").put("kind", a.ref().kind());
        found.putObject("metadata").put("name", a.ref().name())
            .put("namespace", a.ref().namespace()).put("uid", "uid-1");
      }
      results.add(new CleanupResult(a.action(), a.ref(), CleanupOutcome.DONE, null, found, null));
    }
    return CleanupCompleted.of(cmd.application(), cmd.operationId(), cmd.commandId(), results);
  }

  private static Map<String, Object> body(String manifests) {
    return Map.of("revision", "abc1234", "namespace", "shop", "manifests", manifests);
  }

  @Test
  void submitQueryAndTerminateAnOperation() {
    String opId = given().contentType(ContentType.JSON).body(body(HOOKED))
        .when().post("/api/v1/applications/shop/operation")
        .then().statusCode(202).body("operationId", notNullValue())
        .extract().path("operationId");

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        given().when().get("/api/v1/applications/shop/operation")
            .then().statusCode(200)
            .body("operationId", equalTo(opId))
            .body("phase", equalTo("Running"))
            .body("message", equalTo("waiting for completion of hook batch/Job/migrate")));

    given().contentType(ContentType.JSON).body(body(HOOKED))
        .when().post("/api/v1/applications/shop/operation")
        .then().statusCode(409)
        .body("message", equalTo("another operation is already in progress"))
        .body("operationId", equalTo(opId));

    given().when().delete("/api/v1/applications/shop/operation").then().statusCode(202);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        given().when().get("/api/v1/applications/shop/operation")
            .then().statusCode(200)
            .body("phase", equalTo("Failed"))
            .body("message", equalTo("Operation terminated"))
            .body("resources[0].message", equalTo("Terminated")));

    given().when().delete("/api/v1/applications/shop/operation").then().statusCode(409)
        .body("message", equalTo("Unable to terminate operation. No operation is in progress"));
  }

  @Test
  void anApplicationWithoutOperationIsNotFound() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        given().when().get("/api/v1/applications/nobody/operation").then().statusCode(404));
  }

  @Test
  void aRequestWithoutManifestsIsRejected() {
    given().contentType(ContentType.JSON).body(Map.of("revision", "x"))
        .when().post("/api/v1/applications/shop/operation")
        .then().statusCode(400).body("message", equalTo("manifests are required"));
  }

  @Test
  void theOpenApiDocumentHealthAndMetricsAreServed() {
    given().when().get("/q/openapi").then().statusCode(200)
        .body(containsString("/api/v1/applications/{app}/operation"));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        given().when().get("/q/health/ready").then().statusCode(200));
    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("jvm_"));
  }
}
