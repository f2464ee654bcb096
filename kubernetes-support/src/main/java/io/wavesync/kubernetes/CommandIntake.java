package io.wavesync.kubernetes;

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

/**
 * How the runner and the cleanup service take a command record: decode it, hand it to the handler,
 * ack; a record that does not decode, or whose handling fails, is nacked to the channel's dead-letter
 * topic with the reason in a header, and the consumer goes on.
 */
public final class CommandIntake {

  private static final System.Logger LOG = System.getLogger(CommandIntake.class.getName());

  private CommandIntake() {}

  /**
   * @param commandId names the command in the reason of a failed handling
   * @param deadLettered counts a record sent to the dead-letter topic
   */
  public static <T extends WavesyncEvent> CompletionStage<Void> consume(Message<String> record, Class<T> type,
      Consumer<T> handler, Function<T, String> commandId, Runnable deadLettered) {
    T command;
    try {
      command = EventJson.deserialize(record.getPayload(), type);
    } catch (EventDecodingException e) {
      return deadLetter(record, e, e.getMessage(), deadLettered);
    }
    try {
      handler.accept(command);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "command " + commandId.apply(command) + " could not be carried out", e);
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
