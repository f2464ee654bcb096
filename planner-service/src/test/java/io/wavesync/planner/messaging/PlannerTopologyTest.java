package io.wavesync.planner.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.Topics;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.events.payload.WaveMode;
import io.wavesync.planner.domain.PlannerCore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The planner topology end to end in Kafka Streams' test driver: decoding, errors, outputs. */
class PlannerTopologyTest {

  static final String MANIFESTS = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data: {mode: blue}
      """;

  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> requests;
  TestInputTopic<String, byte[]> observations;
  TestOutputTopic<String, byte[]> operations;
  TestOutputTopic<String, byte[]> requestsDlq;
  TestOutputTopic<String, byte[]> observationsDlq;
  TestOutputTopic<String, byte[]> syncWaves;

  @BeforeEach
  void start() throws Exception {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "planner-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("planner-ttd").toString());
    PlannerProcessor.Settings settings =
        new PlannerProcessor.Settings("wavesync", Duration.ofMillis(200), 4096, "/wavesync/planner-service");
    driver = new TopologyTestDriver(PlannerTopology.build(new PlannerCore(PlannerCore.Config.DEFAULT),
        settings, new PlannerMetrics(new SimpleMeterRegistry(), false, 0)), p, Instant.parse("2026-03-01T10:00:00Z"));
    requests = driver.createInputTopic(Topics.SYNC_REQUESTS, Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    observations = driver.createInputTopic(Topics.OBSERVATIONS, Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    operations = output(Topics.OPERATIONS);
    requestsDlq = output(Topics.dlq(Topics.SYNC_REQUESTS));
    observationsDlq = output(Topics.dlq(Topics.OBSERVATIONS));
    syncWaves = output(Topics.WAVES_SYNC);
  }

  private TestOutputTopic<String, byte[]> output(String topic) {
    return driver.createOutputTopic(topic, Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private OperationUpdated lastOperation() {
    List<TestRecord<String, byte[]>> all = operations.readRecordsToList();
    assertThat(all).isNotEmpty();
    return EventJson.deserialize(all.get(all.size() - 1).value(), OperationUpdated.class);
  }

  private static String header(TestRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private void sendRaw(String key, String json) {
    requests.pipeInput(key, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aValidRequestStartsTheOperationAndSendsTheValidationCommandWithCloudEventHeaders() {
    SyncRequested r = SyncRequested.of("shop", "op-1", "test", "abc", "shop", MANIFESTS,
        SyncOptions.defaults());
    requests.pipeInput("shop", EventJson.serialize(r));
    OperationUpdated op = lastOperation();
    assertThat(op.phase()).isEqualTo(OperationPhase.Running);
    assertThat(op.operationId()).isEqualTo("op-1");
    TestRecord<String, byte[]> wave = syncWaves.readRecord();
    assertThat(wave.key()).isEqualTo("shop");
    WaveApplyRequested cmd = EventJson.deserialize(wave.value(), WaveApplyRequested.class);
    assertThat(cmd.mode()).isEqualTo(WaveMode.VALIDATE);
    assertThat(cmd.commandId()).isEqualTo("op-1/0/0/0");
    assertThat(cmd.trackingLabels()).containsEntry("wavesync.io/application", "shop");
    assertThat(header(wave, CloudEventHeaders.TYPE)).isEqualTo("io.wavesync.WaveApplyRequested.v1");
    assertThat(header(wave, CloudEventHeaders.ID)).isEqualTo(cmd.eventId());
    assertThat(header(wave, CloudEventHeaders.SOURCE)).isEqualTo("/wavesync/planner-service");
  }

  @Test
  void aRequestThatIsNotJsonBecomesAnErrorOperationAndIsDeadLettered() {
    sendRaw("shop", "this is not json");
    OperationUpdated op = lastOperation();
    assertThat(op.phase()).isEqualTo(OperationPhase.Error);
    assertThat(op.message()).startsWith("invalid sync request: ");
    TestRecord<String, byte[]> dead = requestsDlq.readRecord();
    assertThat(header(dead, CloudEventHeaders.DLQ_REASON)).startsWith("invalid sync request: ");
  }

  @Test
  void aRequestWithAnUnsupportedSchemaVersionSaysSo() {
    SyncRequested r = SyncRequested.of("shop", "op-1", "test", "abc", "shop", MANIFESTS,
        SyncOptions.defaults());
    String json = EventJson.serializeToString(r).replace("\"schemaVersion\":1", "\"schemaVersion\":7");
    sendRaw("shop", json);
    OperationUpdated op = lastOperation();
    assertThat(op.phase()).isEqualTo(OperationPhase.Error);
    assertThat(op.operationId()).isEqualTo("op-1");
    assertThat(op.message()).contains("schemaVersion");
  }

  @Test
  void aRequestWithoutApplicationSaysSo() {
    SyncRequested r = SyncRequested.of("shop", "op-1", "test", "abc", "shop", MANIFESTS,
        SyncOptions.defaults());
    String json = EventJson.serializeToString(r).replace("\"application\":\"shop\",", "");
    sendRaw("shop", json);
    OperationUpdated op = lastOperation();
    assertThat(op.phase()).isEqualTo(OperationPhase.Error);
    assertThat(op.message()).contains("application");
  }

  @Test
  void manifestsThatDoNotParseBecomeAnErrorOperationNamingTheDocumentAndLine() {
    SyncRequested r = SyncRequested.of("shop", "op-1", "test", "abc", "shop",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n", SyncOptions.defaults());
    requests.pipeInput("shop", EventJson.serialize(r));
    OperationUpdated op = lastOperation();
    assertThat(op.phase()).isEqualTo(OperationPhase.Error);
    assertThat(op.message()).startsWith("invalid manifests: request op-1: document 1 (line ");
  }

  @Test
  void anObjectWithoutApiVersionBecomesAnErrorOperation() {
    SyncRequested r = SyncRequested.of("shop", "op-1", "test", "abc", "shop",
        "kind: ConfigMap\nmetadata: {name: x}\n", SyncOptions.defaults());
    requests.pipeInput("shop", EventJson.serialize(r));
    OperationUpdated op = lastOperation();
    assertThat(op.phase()).isEqualTo(OperationPhase.Error);
    assertThat(op.message()).contains("apiVersion");
  }

  @Test
  void aRequestOverTheSizeLimitIsRefusedWithItsSize() {
    String big = MANIFESTS + "#" + "x".repeat(5000) + "\n";
    SyncRequested r = SyncRequested.of("shop", "op-1", "test", "abc", "shop", big,
        SyncOptions.defaults());
    requests.pipeInput("shop", EventJson.serialize(r));
    OperationUpdated op = lastOperation();
    assertThat(op.phase()).isEqualTo(OperationPhase.Error);
    assertThat(op.message()).matches("sync request is \\d+ bytes, over the limit of 4096 bytes");
    assertThat(op.operationId()).isEqualTo("op-1");
  }

  @Test
  void aPoisonObservationIsDeadLetteredAndTheNextRecordIsStillProcessed() {
    observations.pipeInput("shop", "{\"eventType\":\"Nonsense\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(header(observationsDlq.readRecord(), CloudEventHeaders.DLQ_REASON)).isNotBlank();
    SyncRequested r = SyncRequested.of("shop", "op-1", "test", "abc", "shop", MANIFESTS,
        SyncOptions.defaults());
    requests.pipeInput("shop", EventJson.serialize(r));
    assertThat(lastOperation().phase()).isEqualTo(OperationPhase.Running);
  }

  @Test
  void aSecondRequestWhileOneRunsIsRefusedAndTheLatestStateIsTheRunningOperation() {
    requests.pipeInput("shop", EventJson.serialize(SyncRequested.of("shop", "op-1", "test", "abc",
        "shop", MANIFESTS, SyncOptions.defaults())));
    operations.readRecordsToList();
    requests.pipeInput("shop", EventJson.serialize(SyncRequested.of("shop", "op-2", "test", "abc",
        "shop", MANIFESTS, SyncOptions.defaults())));
    List<TestRecord<String, byte[]>> out = operations.readRecordsToList();
    assertThat(out).hasSize(2);
    OperationUpdated refused = EventJson.deserialize(out.get(0).value(), OperationUpdated.class);
    assertThat(refused.operationId()).isEqualTo("op-2");
    assertThat(refused.phase()).isEqualTo(OperationPhase.Error);
    assertThat(refused.message()).isEqualTo("another operation is already in progress");
    OperationUpdated latest = EventJson.deserialize(out.get(1).value(), OperationUpdated.class);
    assertThat(latest.operationId()).isEqualTo("op-1");
    assertThat(latest.phase()).isEqualTo(OperationPhase.Running);
  }
}
