package io.wavesync.runner.messaging;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
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
 * Publishes the runner's answers on {@code wavesync.observations}: keyed by application, with the
 * CloudEvents headers, in order, and only returns once the broker has acknowledged them all, so
 * that the command is committed only after its answer is safe.
 */
@ApplicationScoped
public class ObservationPublisher {

  /** The {@code ce_source} of everything the runner publishes. */
  public static final String SOURCE = CloudEventHeaders.source("phase-runner-service");

  // The emitter buffers a limited number of unacknowledged messages; wait before that is reached.
  private static final int IN_FLIGHT = 128;

  private final Emitter<String> emitter;

  public ObservationPublisher(@Channel(Channels.OBSERVATIONS) Emitter<String> emitter) {
    this.emitter = emitter;
  }

  /** Sends the events in order and waits until the broker has acknowledged every one. */
  public void publish(List<? extends WavesyncEvent> events) {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (WavesyncEvent event : events) {
      pending.add(send(event));
      if (pending.size() >= IN_FLIGHT) {
        await(pending);
      }
    }
    await(pending);
  }

  private CompletableFuture<Void> send(WavesyncEvent event) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.headers(event, SOURCE)
        .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
    OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
        .withKey(event.application())
        .withHeaders(headers)
        .build();
    // the answer continues the command's trace: the producer span and the traceparent header
    // are children of the span current here
    emitter.send(Message.of(EventJson.serializeToString(event),
        Metadata.of(kafka, TracingMetadata.withCurrent(Context.current())),
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
