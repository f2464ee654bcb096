package io.wavesync.cleanup.messaging;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
import io.wavesync.events.Topics;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.WavesyncEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes what the cleanup service produces, keyed by application with the CloudEvents headers,
 * and returns only once the broker has acknowledged it: observations on {@code
 * wavesync.observations}, a SyncFail follow-up on the wave topic of its phase.
 */
@ApplicationScoped
public class EventPublisher {

  /** The {@code ce_source} of everything the cleanup service publishes. */
  public static final String SOURCE = CloudEventHeaders.source("cleanup-service");

  // The emitter buffers a limited number of unacknowledged messages; wait before that is reached.
  private static final int IN_FLIGHT = 128;

  private final Emitter<String> observations;
  private final Emitter<String> waves;

  public EventPublisher(@Channel(Channels.OBSERVATIONS) Emitter<String> observations,
      @Channel(Channels.WAVE_COMMANDS) Emitter<String> waves) {
    this.observations = observations;
    this.waves = waves;
  }

  /** Sends the observations in order and waits until the broker has acknowledged them all. */
  public void observations(List<? extends WavesyncEvent> events) {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (WavesyncEvent event : events) {
      pending.add(send(observations, event, null));
      if (pending.size() >= IN_FLIGHT) {
        await(pending);
      }
    }
    await(pending);
  }

  /** Sends a wave command, unchanged, to the topic of its phase and waits for the broker. */
  public void waveCommand(WaveApplyRequested command) {
    send(waves, command, Topics.waveTopic(command.phase())).join();
  }

  private static CompletableFuture<Void> send(Emitter<String> emitter, WavesyncEvent event,
      String topic) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.headers(event, SOURCE)
        .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
    OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> kafka =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(event.application())
            .withHeaders(headers);
    if (topic != null) {
      kafka.withTopic(topic);
    }
    // what the command causes continues its trace: the producer span and the traceparent header
    // are children of the span current here
    emitter.send(Message.of(EventJson.serializeToString(event),
        Metadata.of(kafka.build(), TracingMetadata.withCurrent(Context.current())),
        () -> {
          acked.complete(null);
          return CompletableFuture.completedFuture(null);
        },
        failure -> {
          acked.completeExceptionally(failure);
          return CompletableFuture.completedFuture(null);
        }));
    return acked;
  }

  private static void await(List<CompletableFuture<Void>> pending) {
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    pending.clear();
  }
}
