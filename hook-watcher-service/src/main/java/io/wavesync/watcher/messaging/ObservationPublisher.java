package io.wavesync.watcher.messaging;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.HookCompleted;
import io.wavesync.events.Observation;
import io.wavesync.watcher.config.WatcherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes observations on {@code wavesync.observations}: keyed by application, with the
 * CloudEvents headers, and waiting for the broker's acknowledgement so that the caller knows the
 * order it published in is the order on the partition.
 */
@ApplicationScoped
public class ObservationPublisher {

  /** The outgoing channel, on topic {@code wavesync.observations}. */
  public static final String CHANNEL = "observations-out";

  static final String SOURCE = CloudEventHeaders.source(WatcherMetrics.SERVICE);

  private final MutinyEmitter<String> emitter;
  private final WatcherConfig config;
  private final WatcherMetrics metrics;

  public ObservationPublisher(
      @Channel(CHANNEL) MutinyEmitter<String> emitter,
      WatcherConfig config,
      WatcherMetrics metrics) {
    this.emitter = emitter;
    this.config = config;
    this.metrics = metrics;
  }

  /** Publishes {@code event} and blocks until the broker has it. Not for event-loop threads. */
  public void publish(Observation event) {
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.headers(event, SOURCE)
        .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    Message<String> message =
        Message.of(EventJson.serializeToString(event))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(event.application())
                    .withHeaders(headers)
                    .build())
            // in the trace of the span current here: the observation's span, child of the apply
            .addMetadata(TracingMetadata.withCurrent(Context.current()));
    emitter.sendMessage(message).await().atMost(config.publishTimeout());
    metrics.emitted(event, kindOf(event));
  }

  private static String kindOf(Observation event) {
    if (event instanceof HealthObserved observed) {
      return observed.ref().kind();
    }
    if (event instanceof HookCompleted done) {
      return done.ref().kind();
    }
    return "";
  }
}
