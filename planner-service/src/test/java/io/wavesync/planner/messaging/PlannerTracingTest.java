package io.wavesync.planner.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.Topics;
import io.wavesync.events.TraceParent;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.planner.domain.PlannerCore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka Streams has no tracing of its own: the processor continues the trace of each input's
 * {@code traceparent} header in a span and writes that span's context on every output.
 */
class PlannerTracingTest {

  static final String MANIFESTS = PlannerTopologyTest.MANIFESTS;

  InMemorySpanExporter spans;
  OpenTelemetrySdk otel;
  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> requests;
  TestOutputTopic<String, byte[]> operations;
  TestOutputTopic<String, byte[]> syncWaves;

  @BeforeEach
  void start() throws Exception {
    spans = InMemorySpanExporter.create();
    otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "planner-tracing-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("planner-ttd").toString());
    PlannerProcessor.Settings settings = new PlannerProcessor.Settings(
        "wavesync", Duration.ofMillis(200), 4096, "/wavesync/planner-service");
    driver = new TopologyTestDriver(PlannerTopology.build(new PlannerCore(PlannerCore.Config.DEFAULT),
        settings, new PlannerMetrics(new SimpleMeterRegistry(), false, 0), otel), p,
        Instant.parse("2026-03-01T10:00:00Z"));
    requests = driver.createInputTopic(Topics.SYNC_REQUESTS, Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    operations = driver.createOutputTopic(Topics.OPERATIONS, Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
    syncWaves = driver.createOutputTopic(Topics.WAVES_SYNC, Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    otel.close();
  }

  private static String header(TestRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private void request(String app, String opId, String traceparent) {
    RecordHeaders headers = new RecordHeaders();
    SyncRequested r = SyncRequested.of(app, opId, "test", "abc", app, MANIFESTS, SyncOptions.defaults());
    CloudEventHeaders.headers(r, "/wavesync/cli")
        .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
    if (traceparent != null) {
      headers.add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
    }
    requests.pipeInput(new TestRecord<>(app, EventJson.serialize(r), headers,
        Instant.parse("2026-03-01T10:00:00Z")));
  }

  @Test
  void aRequestsSpanContinuesItsTraceAndEveryOutputCarriesTheSpansContext() {
    String root = TraceParent.newRoot();
    request("shop", "op-1", root);

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(1);
    SpanData span = finished.get(0);
    assertThat(span.getName()).isEqualTo("planner SyncRequested");
    assertThat(span.getTraceId()).isEqualTo(TraceParent.traceId(root).orElseThrow());
    assertThat(span.getParentSpanId()).isEqualTo(TraceParent.parentSpanId(root).orElseThrow());
    assertThat(span.getAttributes().asMap().toString()).contains("op-1").contains("shop");

    String expected = "00-" + span.getTraceId() + "-" + span.getSpanId() + "-01";
    TestRecord<String, byte[]> wave = syncWaves.readRecord();
    assertThat(header(wave, TraceParent.HEADER)).isEqualTo(expected);
    List<TestRecord<String, byte[]>> updates = operations.readRecordsToList();
    assertThat(updates).isNotEmpty()
        .allSatisfy(u -> assertThat(header(u, TraceParent.HEADER)).isEqualTo(expected));
  }

  @Test
  void aRequestWithoutTraceparentStartsANewTraceAndEachOutputHasOneHeader() {
    request("shop", "op-2", null);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    TestRecord<String, byte[]> wave = syncWaves.readRecord();
    assertThat(wave.headers().headers(TraceParent.HEADER)).hasSize(1);
    assertThat(TraceParent.traceId(header(wave, TraceParent.HEADER))).contains(span.getTraceId());
  }

  @Test
  void withoutOpenTelemetryNoHeaderIsWritten() throws Exception {
    driver.close();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "planner-tracing-test-off");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("planner-ttd").toString());
    driver = new TopologyTestDriver(PlannerTopology.build(new PlannerCore(PlannerCore.Config.DEFAULT),
        new PlannerProcessor.Settings("wavesync", Duration.ofMillis(200), 4096, "/wavesync/planner-service"),
        new PlannerMetrics(new SimpleMeterRegistry(), false, 0)), p, Instant.parse("2026-03-01T10:00:00Z"));
    requests = driver.createInputTopic(Topics.SYNC_REQUESTS, Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    syncWaves = driver.createOutputTopic(Topics.WAVES_SYNC, Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
    request("shop", "op-3", TraceParent.newRoot());
    assertThat(syncWaves.readRecord().headers().lastHeader(TraceParent.HEADER)).isNull();
  }
}
