package io.wavesync.cleanup.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wavesync.events.CleanupRequested;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventDecodingException;
import io.wavesync.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Reads cleanup commands. A record is acknowledged only after everything it causes is published; a
 * record that is not a cleanup command, or that could not be processed, goes to the dead-letter
 * topic with the reason in the {@value CloudEventHeaders#DLQ_REASON} header, and the next record is
 * read.
 */
@ApplicationScoped
public class CleanupConsumer {

  private static final Logger LOG = Logger.getLogger(CleanupConsumer.class);

  private final CleanupHandler handler;
  private final CleanupMetrics metrics;

  public CleanupConsumer(CleanupHandler handler, CleanupMetrics metrics) {
    this.handler = handler;
    this.metrics = metrics;
  }

  @Incoming(Channels.CLEANUP_COMMANDS)
  @Blocking
  public CompletionStage<Void> consume(Message<String> record) {
    metrics.consumed();
    CleanupRequested command;
    try {
      command = EventJson.deserialize(record.getPayload(), CleanupRequested.class);
    } catch (EventDecodingException e) {
      return deadLetter(record, e, e.getMessage());
    }
    try {
      handler.handle(command);
    } catch (RuntimeException e) {
      LOG.errorf(e, "cleanup command %s of %s could not be carried out", command.commandId(),
          command.application());
      return deadLetter(record, e, "cannot carry out command " + command.commandId() + ": "
          + e.getMessage());
    }
    return record.ack();
  }

  private CompletionStage<Void> deadLetter(Message<String> record, Throwable e, String reason) {
    metrics.deadLettered();
    LOG.warnf("dead-lettering a record: %s", reason);
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.DLQ_REASON, String.valueOf(reason)
        .getBytes(StandardCharsets.UTF_8));
    return record.nack(e, Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
        .withHeaders(headers).build()));
  }
}
