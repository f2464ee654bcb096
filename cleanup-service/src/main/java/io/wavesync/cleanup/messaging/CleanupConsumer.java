package io.wavesync.cleanup.messaging;

import io.smallrye.common.annotation.Blocking;
import io.wavesync.events.CleanupRequested;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.kubernetes.CommandIntake;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads cleanup commands. A record is acknowledged only after everything it causes is published; a
 * record that is not a cleanup command, or that could not be processed, goes to the dead-letter
 * topic with the reason in the {@value CloudEventHeaders#DLQ_REASON} header, and the next record is
 * read.
 */
@ApplicationScoped
public class CleanupConsumer {

  private final CleanupHandler handler;
  private final CleanupMetrics metrics;

  public CleanupConsumer(CleanupHandler handler, CleanupMetrics metrics) {
    this.handler = handler;
    this.metrics = metrics;
  }

  // every cleanup command is handled in a span that continues the trace of its record
  private CommandIntake.Traced<CleanupRequested> traced;

  @jakarta.inject.Inject
  void tracing(io.opentelemetry.api.trace.Tracer tracer) {
    this.traced = new CommandIntake.Traced<>(tracer, c -> "cleanup " + c.actions().stream()
        .map(a -> a.action().name()).distinct().collect(java.util.stream.Collectors.joining(",")),
        CleanupRequested::operationId);
  }

  @Incoming(Channels.CLEANUP_COMMANDS)
  @Blocking
  public CompletionStage<Void> consume(Message<String> record) {
    metrics.consumed();
    return CommandIntake.consume(record, CleanupRequested.class, handler::handle,
        CleanupRequested::commandId, metrics::deadLettered, traced);
  }
}
