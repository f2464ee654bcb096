package io.wavesync.planner.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.wavesync.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Trace context through the planner by hand: Kafka Streams has no OpenTelemetry instrumentation,
 * so the processor reads the {@code traceparent} header of each input, handles the input in a span
 * that is its child ({@code planner SyncRequested}, {@code planner WaveApplied}, ...), and writes
 * the span's {@code traceparent} on every record it forwards. A step driven by the wall-clock
 * punctuator (a resend, a wave delay, a timeout) that sends something runs in a {@code planner
 * timer} span in the trace of the application's last input.
 */
public final class PlannerTracing {

  /** No spans, no headers: for tests that build the topology without OpenTelemetry. */
  public static final PlannerTracing NONE = new PlannerTracing(OpenTelemetry.noop());

  static final AttributeKey<String> APPLICATION = AttributeKey.stringKey("wavesync.application");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("wavesync.operation_id");
  static final AttributeKey<String> TOPIC = AttributeKey.stringKey("messaging.destination.name");

  private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers carrier) {
      List<String> keys = new ArrayList<>();
      for (Header h : carrier) {
        keys.add(h.key());
      }
      return keys;
    }

    @Override
    public String get(Headers carrier, String key) {
      if (carrier == null) {
        return null;
      }
      Header h = carrier.lastHeader(key);
      return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
  };

  private static final TextMapSetter<Headers> SETTER = (carrier, key, value) -> {
    carrier.remove(key);
    carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  // the span of each active application's last input, the parent of its timer spans
  private final Map<String, SpanContext> lastInput = new ConcurrentHashMap<>();

  public PlannerTracing(OpenTelemetry otel) {
    this.tracer = otel.getTracer("io.wavesync.planner");
    this.propagator = otel.getPropagators().getTextMapPropagator();
  }

  /** A span, current until closed. */
  public record Handling(Span span, Scope scope) implements AutoCloseable {

    static final Handling NONE = new Handling(Span.getInvalid(), Scope.noop());

    void failed(Throwable e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
    }

    @Override
    public void close() {
      scope.close();
      span.end();
    }
  }

  /** The span of an input record: the child of its {@code traceparent}, or a new trace's root. */
  Handling handling(Headers headers, String topic, String key) {
    Context parent = propagator.extract(Context.root(), headers, GETTER);
    String type = topic;
    Header ceType = headers.lastHeader(CloudEventHeaders.TYPE);
    if (ceType != null && ceType.value() != null) {
      type = CloudEventHeaders.parseCeType(new String(ceType.value(), StandardCharsets.UTF_8))
          .map(CloudEventHeaders.TypeAndVersion::eventType).orElse(topic);
    }
    Span span = tracer.spanBuilder("planner " + type)
        .setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(TOPIC, topic)
        .setAttribute(APPLICATION, key == null ? "" : key)
        .startSpan();
    return new Handling(span, span.makeCurrent());
  }

  /**
   * A span for a timer's step that sends something; none when an input's span is current (the
   * step is the input's).
   */
  Handling timer(String app) {
    if (Span.current().getSpanContext().isValid()) {
      return Handling.NONE;
    }
    var builder = tracer.spanBuilder("planner timer").setAttribute(APPLICATION, app);
    SpanContext last = lastInput.get(app);
    if (last != null) {
      builder.setParent(Context.root().with(Span.wrap(last)));
    } else {
      builder.setNoParent();
    }
    Span span = builder.startSpan();
    return new Handling(span, span.makeCurrent());
  }

  /** Names the current input's span after its decoded event type. */
  void named(String eventType) {
    Span current = Span.current();
    if (current.isRecording()) {
      current.updateName("planner " + eventType);
    }
  }

  /** Names the operation on the current span. */
  void operation(String operationId) {
    Span current = Span.current();
    if (current.isRecording() && operationId != null) {
      current.setAttribute(OPERATION, operationId);
    }
  }

  /** Remembers the current input's span for the application's timers while it is active. */
  void remember(String app, boolean active) {
    if (!active) {
      lastInput.remove(app);
      return;
    }
    SpanContext current = Span.current().getSpanContext();
    if (current.isValid()) {
      lastInput.put(app, current);
    }
  }

  /** Writes the current span's {@code traceparent} on an output record. */
  void inject(Headers headers) {
    propagator.inject(Context.current(), headers, SETTER);
  }
}
