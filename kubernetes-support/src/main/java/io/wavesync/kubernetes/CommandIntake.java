package io.wavesync.kubernetes;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventDecodingException;
import io.wavesync.events.EventJson;
import io.wavesync.events.WavesyncEvent;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.MDC;

/**
 * How the runner and the cleanup service take a command record: decode it, hand it to the handler,
 * ack; a record that does not decode, or whose handling fails, is nacked to the channel's dead-letter
 * topic with the reason in a header, and the consumer goes on.
 *
 * <p>With {@link Traced}, the handler runs inside a span that continues the trace of the record
 * (the context SmallRye Reactive Messaging read from its {@code traceparent} header), so what the
 * handler publishes carries the command's trace; and every log line written meanwhile carries the
 * command's application and operation in the MDC ({@value #APPLICATION}, {@value #OPERATION}).
 */
public final class CommandIntake {

  private static final System.Logger LOG = System.getLogger(CommandIntake.class.getName());

  /** The MDC key of the application a log line is about. */
  public static final String APPLICATION = "application";

  /** The MDC key of the operation a log line is about. */
  public static final String OPERATION = "operationId";

  static final AttributeKey<String> APPLICATION_ATTRIBUTE = AttributeKey.stringKey("wavesync.application");
  static final AttributeKey<String> OPERATION_ATTRIBUTE = AttributeKey.stringKey("wavesync.operation_id");
  static final AttributeKey<String> COMMAND_ATTRIBUTE = AttributeKey.stringKey("wavesync.command_id");

  /**
   * How to trace a command.
   *
   * @param tracer the service's tracer
   * @param spanName the name of the span that handles a command
   * @param operationId the operation a command belongs to
   */
  public record Traced<T>(Tracer tracer, Function<T, String> spanName, Function<T, String> operationId) {}

  private CommandIntake() {}

  /**
   * @param commandId names the command in the reason of a failed handling
   * @param deadLettered counts a record sent to the dead-letter topic
   */
  public static <T extends WavesyncEvent> CompletionStage<Void> consume(Message<String> record, Class<T> type,
      Consumer<T> handler, Function<T, String> commandId, Runnable deadLettered) {
    return consume(record, type, handler, commandId, deadLettered, null);
  }

  /** {@link #consume(Message, Class, Consumer, Function, Runnable)}, traced and with the MDC set. */
  public static <T extends WavesyncEvent> CompletionStage<Void> consume(Message<String> record, Class<T> type,
      Consumer<T> handler, Function<T, String> commandId, Runnable deadLettered, Traced<T> traced) {
    T command;
    try {
      command = EventJson.deserialize(record.getPayload(), type);
    } catch (EventDecodingException e) {
      return deadLetter(record, e, e.getMessage(), deadLettered);
    }
    if (traced == null) {
      return handle(record, command, handler, commandId, deadLettered);
    }
    String operationId = traced.operationId().apply(command);
    Span span = traced.tracer().spanBuilder(traced.spanName().apply(command))
        .setParent(parentOf(record))
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(APPLICATION_ATTRIBUTE, command.application())
        .setAttribute(OPERATION_ATTRIBUTE, operationId == null ? "" : operationId)
        .setAttribute(COMMAND_ATTRIBUTE, commandId.apply(command))
        .startSpan();
    MDC.put(APPLICATION, command.application());
    if (operationId != null) {
      MDC.put(OPERATION, operationId);
    }
    try (Scope scope = span.makeCurrent()) {
      return handle(record, command, handler, commandId, deadLettered);
    } finally {
      span.end();
      MDC.remove(APPLICATION);
      MDC.remove(OPERATION);
    }
  }

  /**
   * The trace context a record arrived with: the receive span SmallRye Reactive Messaging started
   * as the child of the record's {@code traceparent}, or the current context without one.
   */
  public static Context parentOf(Message<?> record) {
    return TracingMetadata.fromMessage(record)
        .map(TracingMetadata::getCurrentContext)
        .orElse(Context.current());
  }

  private static <T extends WavesyncEvent> CompletionStage<Void> handle(Message<String> record, T command,
      Consumer<T> handler, Function<T, String> commandId, Runnable deadLettered) {
    try {
      handler.accept(command);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "command " + commandId.apply(command) + " could not be carried out", e);
      Span.current().recordException(e);
      Span.current().setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
      return deadLetter(record, e, "cannot carry out command " + commandId.apply(command) + ": "
          + e.getMessage(), deadLettered);
    }
    return record.ack();
  }

  private static CompletionStage<Void> deadLetter(
      Message<String> record, Throwable e, String reason, Runnable deadLettered) {
    deadLettered.run();
    LOG.log(Level.WARNING, "dead-lettering a record: " + reason);
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.DLQ_REASON, String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
    return record.nack(e, Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
        .withHeaders(headers).build()));
  }
}
