package io.wavesync.runner.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventDecodingException;
import io.wavesync.events.EventJson;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.runner.config.PhaseRunnerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Reads wave commands from the wave topics of the configured phases. A record is acknowledged only
 * after its answer is published; a record that is not a wave command, or that could not be
 * processed, goes to the topic's dead-letter topic with the reason in the {@value
 * CloudEventHeaders#DLQ_REASON} header, and the next record is read.
 */
@ApplicationScoped
public class WaveCommandConsumer {

  private static final Logger LOG = Logger.getLogger(WaveCommandConsumer.class);

  private final WaveCommandHandler handler;
  private final RunnerMetrics metrics;
  private final PhaseRunnerConfig config;

  public WaveCommandConsumer(WaveCommandHandler handler, RunnerMetrics metrics,
      PhaseRunnerConfig config) {
    this.handler = handler;
    this.metrics = metrics;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    LOG.infof("consuming the wave commands of %s", config.phases());
  }

  @Incoming(Channels.WAVES_PRESYNC)
  @Blocking
  public CompletionStage<Void> presync(Message<String> record) {
    return consume(record);
  }

  @Incoming(Channels.WAVES_SYNC)
  @Blocking
  public CompletionStage<Void> sync(Message<String> record) {
    return consume(record);
  }

  @Incoming(Channels.WAVES_POSTSYNC)
  @Blocking
  public CompletionStage<Void> postsync(Message<String> record) {
    return consume(record);
  }

  @Incoming(Channels.WAVES_SYNCFAIL)
  @Blocking
  public CompletionStage<Void> syncfail(Message<String> record) {
    return consume(record);
  }

  private CompletionStage<Void> consume(Message<String> record) {
    metrics.consumed();
    WaveApplyRequested command;
    try {
      command = EventJson.deserialize(record.getPayload(), WaveApplyRequested.class);
    } catch (EventDecodingException e) {
      return deadLetter(record, e, e.getMessage());
    }
    try {
      handler.handle(command);
    } catch (RuntimeException e) {
      LOG.errorf(e, "command %s of %s could not be carried out", command.commandId(),
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
