package io.wavesync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wavesync.e2e.OtlpReceiver.ReceivedSpan;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.TraceParent;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.SyncOptions;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One sync is one trace across the four services: the packaged services export their spans over
 * OTLP/HTTP to a receiver in this test, and the W3C trace context travels in the Kafka headers
 * (by hand through the planner's Kafka Streams processor, through SmallRye Reactive Messaging in
 * the other services, and through the {@code wavesync.io/traceparent} annotation from an apply to
 * the watcher's observations). Also the log context: plain lines name the application and
 * operation, and JSON lines carry them as MDC fields.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracingIT {

  static final Duration SYNC = Duration.ofSeconds(90);
  static final Duration EXPORT = Duration.ofSeconds(30);
  static final ObjectMapper JSON = new ObjectMapper();

  static OtlpReceiver receiver;
  static Pipeline pipeline;

  @BeforeAll
  static void start() throws Exception {
    receiver = OtlpReceiver.start();
    pipeline = new Pipeline()
        // the one setting that turns the exporter on, plus the receiver's protocol
        .withProperty("quarkus.otel.exporter.otlp.endpoint", receiver.endpoint())
        .withProperty("quarkus.otel.exporter.otlp.protocol", "http/protobuf")
        .withProperty("quarkus.otel.bsp.schedule.delay", "100ms")
        .start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private static String exampleManifests() throws Exception {
    return PipelineIT.zeroDurations(pipeline.manifests("examples/hooks-demo"));
  }

  /** The trace of the planner span that handled the operation's request. */
  private static String traceOfRequest(String opId) {
    try {
      ReceivedSpan request = await().atMost(EXPORT).until(() -> receiver.spans.stream()
          .filter(s -> s.name().equals("planner SyncRequested")
              && opId.equals(s.attributes().get("wavesync.operation_id")))
          .findFirst().orElse(null), java.util.Objects::nonNull);
      return request.traceId();
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("no span of the request of " + opId + ": " + receiver.summary()
          + names(receiver.spans), e);
    }
  }

  private static boolean has(List<ReceivedSpan> trace, String service, Predicate<String> name) {
    return trace.stream().anyMatch(s -> service.equals(s.service()) && name.test(s.name()));
  }

  /** A span of {@code call} about an object: {@code apply Job ns/name} ({@code kindAndName}: "Job name"). */
  private static Predicate<String> about(String call, String kindAndName) {
    String[] kn = kindAndName.split(" ");
    return n -> n.startsWith(call + " " + kn[0] + " ")
        && (n.endsWith("/" + kn[1]) || n.endsWith(" " + kn[1]));
  }

  private static String names(List<ReceivedSpan> trace) {
    return trace.stream().map(s -> s.service() + ": " + s.name()).sorted()
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  /** The request, every wave command, every apply, the observations and the cleanup. */
  private static void assertOneTraceOfTheWholeSync(String traceId, String namespace) {
    await().atMost(EXPORT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      List<ReceivedSpan> trace = receiver.trace(traceId);
      String all = names(trace);
      assertThat(trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet())).as(all)
          .containsAll(Pipeline.SERVICES);
      // the request
      assertThat(has(trace, "planner-service", "planner SyncRequested"::equals)).as(all).isTrue();
      // every wave command: sent by the planner, carried out by a runner
      for (String wave : List.of("VALIDATE", "PreSync/-5", "PreSync/0", "PreSync/5", "Sync/0",
          "PostSync/0")) {
        assertThat(has(trace, "phase-runner-service", n -> n.startsWith("wave ") && n.contains(wave)))
            .as(wave + all).isTrue();
      }
      // every apply, each object's own span
      for (String obj : List.of("Job backup-database", "Job db-migrate", "Job seed-database",
          "ConfigMap myapp-config", "Deployment myapp", "Service myapp", "Job smoke-test")) {
        assertThat(has(trace, "phase-runner-service", about("apply", obj))).as(obj + all).isTrue();
      }
      // the answers and observations, published in the trace and handled by the planner in it
      assertThat(has(trace, "planner-service", "planner WaveApplied"::equals)).as(all).isTrue();
      assertThat(has(trace, "hook-watcher-service", about("observe", "Job db-migrate"))).as(all).isTrue();
      assertThat(has(trace, "hook-watcher-service", about("observe", "Deployment myapp"))).as(all).isTrue();
      assertThat(has(trace, "planner-service", "planner HealthObserved"::equals)).as(all).isTrue();
      assertThat(has(trace, "planner-service", "planner HookCompleted"::equals)).as(all).isTrue();
      // the cleanup of the HookSucceeded hooks
      assertThat(has(trace, "cleanup-service", n -> n.startsWith("cleanup ") && n.contains("DELETE")))
          .as(all).isTrue();
      assertThat(has(trace, "planner-service", "planner CleanupCompleted"::equals)).as(all).isTrue();
      // Kafka hops through SmallRye Reactive Messaging are spans of their own
      assertThat(trace).as(all).anyMatch(s -> s.kind() == SpanKind.SPAN_KIND_PRODUCER);
    });
  }

  /** Log lines of a service's process that name the application and operation. */
  private static List<String> linesAbout(String service, String app, String opId) throws Exception {
    return Files.readAllLines(pipeline.service(service).log()).stream()
        .filter(l -> l.contains("[" + app + " " + opId + "]")).toList();
  }

  @Test
  @Order(1)
  void aSyncRequestedOverHttpIsOneTraceAcrossAllFourServicesAndEveryServiceLogsTheOperation()
      throws Exception {
    String app = "traced";
    HttpClient http = HttpClient.newHttpClient();
    String body = JSON.writeValueAsString(Map.of("namespace", app, "manifests", exampleManifests()));
    HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + pipeline.service("planner-service").port() + "/api/v1/applications/" + app + "/operation"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String opId = JSON.readTree(accepted.body()).path("operationId").asText();

    OperationUpdated done = pipeline.awaitCompleted(opId, SYNC);
    assertThat(done.phase()).as(done.message() + " / " + pipeline.logs())
        .isEqualTo(OperationPhase.Succeeded);

    String traceId = traceOfRequest(opId);
    assertOneTraceOfTheWholeSync(traceId, app);
    // the trace starts at the HTTP request, whose span is the parent of the Kafka send
    List<ReceivedSpan> trace = receiver.trace(traceId);
    ReceivedSpan server = trace.stream()
        .filter(s -> s.service().equals("planner-service") && s.kind() == SpanKind.SPAN_KIND_SERVER)
        .findFirst().orElseThrow(() -> new AssertionError("no HTTP span" + names(trace)));
    assertThat(server.name()).contains("/api/v1/applications");
    assertThat(server.parentSpanId()).isEmpty();
    assertThat(receiver.contentTypes).allMatch(t -> t.startsWith("application/x-protobuf"));

    // plain logs: every service wrote lines about the operation, with its application and id
    for (String service : Pipeline.SERVICES) {
      List<String> lines = linesAbout(service, app, opId);
      assertThat(lines).as(service + ": " + pipeline.service(service).log()).isNotEmpty();
    }
    // ... and the trace on the lines written while handling it
    assertThat(linesAbout("phase-runner-service", app, opId)).anyMatch(l -> l.contains(traceId));
  }

  @Test
  @Order(2)
  void aTraceparentFromTheClientStartsTheTraceAndJsonLogsCarryTheOperation() throws Exception {
    // the cleanup service's next process writes JSON lines
    pipeline.withServiceProperty("cleanup-service", "quarkus.log.console.json.enabled", "true");
    pipeline.service("cleanup-service").close();
    pipeline.restart("cleanup-service");

    String app = "traced-cli";
    String opId = UUID.randomUUID().toString();
    String traceparent = TraceParent.newRoot();
    pipeline.publish(app, SyncRequested.of(app, opId, "e2e", "FooBarBaz", app, exampleManifests(),
        SyncOptions.defaults()), Map.of(TraceParent.HEADER, traceparent));
    OperationUpdated done = pipeline.awaitCompleted(opId, SYNC);
    assertThat(done.phase()).as(done.message() + " / " + pipeline.logs())
        .isEqualTo(OperationPhase.Succeeded);

    String traceId = TraceParent.traceId(traceparent).orElseThrow();
    assertThat(traceOfRequest(opId)).isEqualTo(traceId);
    ReceivedSpan request = receiver.trace(traceId).stream()
        .filter(s -> s.name().equals("planner SyncRequested")).findFirst().orElseThrow();
    assertThat(request.parentSpanId()).isEqualTo(TraceParent.parentSpanId(traceparent).orElseThrow());
    assertOneTraceOfTheWholeSync(traceId, app);

    // JSON logs: a line about the operation parses, with the application and operation as fields
    List<JsonNode> json = Files.readAllLines(pipeline.service("cleanup-service").log()).stream()
        .filter(l -> l.startsWith("{")).map(TracingIT::parse).toList();
    assertThat(json).as(pipeline.service("cleanup-service").log().toString()).isNotEmpty();
    JsonNode line = json.stream()
        .filter(n -> opId.equals(n.path("mdc").path("operationId").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no JSON line about " + opId));
    assertThat(line.path("mdc").path("application").asText()).isEqualTo(app);
    assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId);
    assertThat(line.path("message").asText()).startsWith("command " + opId + "/");
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    Set<String> services = receiver.trace(traceId).stream().map(ReceivedSpan::service)
        .collect(Collectors.toSet());
    assertThat(services).containsAll(Pipeline.SERVICES);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
