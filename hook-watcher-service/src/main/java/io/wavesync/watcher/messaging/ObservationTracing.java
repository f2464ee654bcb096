package io.wavesync.watcher.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.events.Observation;
import io.wavesync.events.ResourceApplied;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.payload.TaskOutcome;
import io.wavesync.watcher.config.WatcherConfig;
import io.wavesync.watcher.domain.Observations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * The trace and log context of an informer event. Informer events come from no record, so the
 * trace they continue is the one of the apply that wrote the object: the watcher remembers, per
 * object UID, the trace context of the {@code ResourceApplied} (or {@code WaveApplied}) record that
 * reported the apply (the runner publishes it in the wave command's span), and publishes the
 * object's observations in a span that is its child. The MDC names the object's application (its
 * label) and operation (the {@value Observations#OPERATION_ANNOTATION} annotation).
 */
@ApplicationScoped
public class ObservationTracing {

  static final String APPLICATION = "application";
  static final String OPERATION = "operationId";
  static final AttributeKey<String> APPLICATION_ATTRIBUTE = AttributeKey.stringKey("wavesync.application");
  static final AttributeKey<String> OPERATION_ATTRIBUTE = AttributeKey.stringKey("wavesync.operation_id");

  private final Tracer tracer;
  // the apply's trace context per object UID, the oldest forgotten beyond the bound
  private final Map<String, SpanContext> applies;
  // the latest apply's trace context per operation: for an object whose informer event arrives
  // before the record that reports its apply
  private final Map<String, SpanContext> operations;

  public ObservationTracing(OpenTelemetry otel, WatcherConfig config) {
    this.tracer = otel.getTracer("io.wavesync.watcher");
    int capacity = Math.max(1, config.rememberedUids());
    this.applies = bounded(capacity);
    this.operations = bounded(capacity);
  }

  private static Map<String, SpanContext> bounded(int capacity) {
    return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, SpanContext> eldest) {
        return size() > capacity;
      }
    });
  }

  /** What observing an object does. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /**
   * Remembers the trace of the record that reported {@code observation}'s applies, for the
   * observations of the objects it names.
   */
  public void learn(Observation observation, Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (!span.isValid()) {
      return;
    }
    if (observation.operationId() != null) {
      operations.put(observation.operationId(), span);
    }
    if (observation instanceof ResourceApplied applied && applied.ref().uid() != null) {
      applies.put(applied.ref().uid(), span);
    } else if (observation instanceof WaveApplied wave) {
      for (TaskOutcome outcome : wave.results()) {
        if (outcome.uid() != null) {
          applies.putIfAbsent(outcome.uid(), span);
        }
      }
    }
  }

  /**
   * Runs {@code work} about {@code object} in a span named {@code what}, child of the apply that
   * wrote the object (or, until that apply's record arrives, of the latest apply of the object's
   * operation), and in the object's log context. An object of an apply and operation the watcher
   * has not seen (applied before the watcher started, say) gets no span: its observations are not
   * part of a sync's trace.
   */
  public void observe(String what, ObjectNode object, Work work) throws Exception {
    KubeObject obj = KubeObject.of(object);
    String app = obj.labels().get(Observations.APPLICATION_LABEL);
    String op = obj.annotations().get(Observations.OPERATION_ANNOTATION);
    SpanContext apply = obj.uid().isEmpty() ? null : applies.get(obj.uid());
    if (apply == null && op != null) {
      apply = operations.get(op);
    }
    putOrRemove(APPLICATION, app);
    putOrRemove(OPERATION, op);
    try {
      if (apply == null) {
        work.run();
        return;
      }
      String ns = obj.namespace();
      Span span = tracer.spanBuilder(what + " " + obj.kind() + " " + (ns.isEmpty() ? "" : ns + "/")
              + obj.name())
          .setParent(Context.root().with(Span.wrap(apply)))
          .setSpanKind(SpanKind.INTERNAL)
          .setAttribute(APPLICATION_ATTRIBUTE, app == null ? "" : app)
          .setAttribute(OPERATION_ATTRIBUTE, op == null ? "" : op)
          .startSpan();
      try (Scope scope = span.makeCurrent()) {
        work.run();
      } catch (Exception e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
        throw e;
      } finally {
        span.end();
      }
    } finally {
      MDC.remove(APPLICATION);
      MDC.remove(OPERATION);
    }
  }

  /** Sets the MDC of a log line about {@code application}'s operation, for the caller to clear. */
  static void logContext(String application, String operationId) {
    putOrRemove(APPLICATION, application);
    putOrRemove(OPERATION, operationId);
  }

  static void clearLogContext() {
    MDC.remove(APPLICATION);
    MDC.remove(OPERATION);
  }

  private static void putOrRemove(String key, String value) {
    if (value == null || value.isBlank()) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
