package io.wavesync.watcher.messaging;

import io.wavesync.events.EventDecodingException;
import io.wavesync.events.EventJson;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.HookCompleted;
import io.wavesync.events.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Records everything on the given topics from their beginning, in partition order. */
final class ObservationTap implements AutoCloseable {

  /** One record as the test saw it; {@code event} is null when the value is not an event. */
  record Seen(
      String topic, String key, Map<String, String> headers, String value, Observation event) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile boolean running = true;

  ObservationTap(String bootstrapServers, List<String> topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    reader =
        new Thread(
            () -> {
              try (consumer) {
                while (running) {
                  for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    seen.add(toSeen(r));
                  }
                }
              }
            },
            "observation-tap");
    reader.setDaemon(true);
    reader.start();
  }

  private static Seen toSeen(ConsumerRecord<String, String> r) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : r.headers()) {
      headers.put(
          h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
    }
    Observation event = null;
    try {
      event = EventJson.deserialize(r.value(), Observation.class);
    } catch (EventDecodingException e) {
      // a malformed record, kept for the dead-letter assertions
    }
    return new Seen(r.topic(), r.key(), headers, r.value(), event);
  }

  List<Seen> records(String topic) {
    return seen.stream().filter(s -> s.topic().equals(topic)).toList();
  }

  /** The observations about the object {@code uid}, in topic order. */
  List<Observation> about(String uid) {
    List<Observation> out = new ArrayList<>();
    for (Seen s : seen) {
      if (s.event() instanceof HealthObserved h && uid.equals(h.ref().uid())) {
        out.add(h);
      } else if (s.event() instanceof HookCompleted c && uid.equals(c.ref().uid())) {
        out.add(c);
      }
    }
    return out;
  }

  List<HealthObserved> health(String uid) {
    return about(uid).stream()
        .filter(HealthObserved.class::isInstance)
        .map(HealthObserved.class::cast)
        .toList();
  }

  List<HookCompleted> completions(String uid) {
    return about(uid).stream()
        .filter(HookCompleted.class::isInstance)
        .map(HookCompleted.class::cast)
        .toList();
  }

  /** The record that carried {@code event}. */
  Seen recordOf(Observation event) {
    return seen.stream()
        .filter(s -> s.event() != null && s.event().eventId().equals(event.eventId()))
        .findFirst()
        .orElseThrow();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    reader.join();
  }
}
