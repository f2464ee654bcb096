package io.wavesync.e2e;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP trace receiver: {@code POST /v1/traces} with an {@code http/protobuf}
 * {@code ExportTraceServiceRequest}, the way the services' exporter sends it. It keeps every span
 * with the {@code service.name} of its resource.
 */
final class OtlpReceiver implements AutoCloseable {

  /** A received span, with ids in lower-case hex as in a traceparent. */
  record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId,
      String name, Span.SpanKind kind, Map<String, String> attributes) {}

  private final HttpServer server;
  final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  final List<String> contentTypes = new CopyOnWriteArrayList<>();
  final List<String> errors = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  static OtlpReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    OtlpReceiver receiver = new OtlpReceiver(server);
    server.createContext("/v1/traces", exchange -> {
      try (exchange) {
        receiver.contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        InputStream body = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
          body = new GZIPInputStream(body);
        }
        receiver.accept(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
        byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
          exchange.getResponseBody().write(answer);
        }
      } catch (IOException | RuntimeException e) {
        receiver.errors.add(e.toString());
        exchange.sendResponseHeaders(400, -1);
      }
    });
    server.start();
    return receiver;
  }

  /** The base URL to give the exporter ({@code quarkus.otel.exporter.otlp.endpoint}). */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void accept(ExportTraceServiceRequest request) {
    for (ResourceSpans rs : request.getResourceSpansList()) {
      String service = attributes(rs.getResource().getAttributesList()).get("service.name");
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          spans.add(new ReceivedSpan(service, hex(s.getTraceId().toByteArray()),
              hex(s.getSpanId().toByteArray()), hex(s.getParentSpanId().toByteArray()), s.getName(),
              s.getKind(), attributes(s.getAttributesList())));
        }
      }
    }
  }

  /** What was received, for assertion messages. */
  String summary() {
    return spans.size() + " span(s) in " + contentTypes.size() + " request(s), errors " + errors
        + ", services " + spans.stream().map(ReceivedSpan::service).distinct().toList();
  }

  List<ReceivedSpan> trace(String traceId) {
    return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  private static Map<String, String> attributes(List<KeyValue> list) {
    return list.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> text(kv.getValue()),
        (a, b) -> b));
  }

  private static String text(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> String.valueOf(v.getBoolValue());
      case INT_VALUE -> String.valueOf(v.getIntValue());
      case DOUBLE_VALUE -> String.valueOf(v.getDoubleValue());
      default -> v.toString();
    };
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
