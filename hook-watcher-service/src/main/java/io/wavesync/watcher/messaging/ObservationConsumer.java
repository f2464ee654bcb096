package io.wavesync.watcher.messaging;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventDecodingException;
import io.wavesync.events.EventJson;
import io.wavesync.events.Observation;
import io.wavesync.events.Topics;
import io.wavesync.watcher.domain.WatchTargets;
import io.wavesync.watcher.k8s.InformerManager;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Learns what to watch from {@code wavesync.observations}: the kinds and namespaces of what the
 * phase runners applied. Idempotent by nature: watching a kind and namespace that is already
 * watched changes nothing, so redelivered and duplicate records need no message log.
 */
@ApplicationScoped
public class ObservationConsumer {

  /** The incoming channel, on topic {@code wavesync.observations}. */
  public static final String CHANNEL = "observations-in";

  private final InformerManager informers;
  private final WatcherMetrics metrics;

  private final ObservationTracing tracing;

  public ObservationConsumer(InformerManager informers, WatcherMetrics metrics,
      ObservationTracing tracing) {
    this.informers = informers;
    this.metrics = metrics;
    this.tracing = tracing;
  }

  @Incoming(CHANNEL)
  public CompletionStage<Void> consume(Message<String> message) {
    metrics.consumed(Topics.OBSERVATIONS);
    Observation observation;
    try {
      observation = EventJson.deserialize(message.getPayload(), Observation.class);
    } catch (EventDecodingException e) {
      metrics.failed(Topics.OBSERVATIONS);
      metrics.deadLettered(Topics.OBSERVATIONS);
      return message.nack(e, deadLetter(e.getMessage()));
    }
    // the objects this observation names are observed in the trace of the record that named them
    tracing.learn(observation, TracingMetadata.fromMessage(message)
        .map(TracingMetadata::getCurrentContext).orElse(Context.current()));
    ObservationTracing.logContext(observation.application(), observation.operationId());
    try {
      informers.watch(WatchTargets.of(observation));
    } finally {
      ObservationTracing.clearLogContext();
    }
    return message.ack();
  }

  // The dead-letter record carries the reason in wavesync's own header, next to the connector's.
  private static Metadata deadLetter(String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
    return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
  }
}
