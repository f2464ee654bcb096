package io.wavesync.watcher.messaging;

import io.smallrye.common.annotation.Identifier;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventDecodingException;
import io.wavesync.events.EventJson;
import io.wavesync.events.HookCompleted;
import io.wavesync.events.Observation;
import io.wavesync.events.ResourceApplied;
import io.wavesync.events.Topics;
import io.wavesync.events.WaveApplied;
import io.wavesync.watcher.domain.HookLedger;
import io.wavesync.watcher.domain.WatchKey;
import io.wavesync.watcher.domain.WatchTargets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code wavesync.observations} from the beginning to its current end, with a plain consumer
 * outside any group, to rebuild what a restarted watcher must know: which kinds and namespaces to
 * watch, and which hooks were already reported complete. Nothing is committed, so the service's
 * consumer group is untouched.
 */
@ApplicationScoped
public class ObservationReplay {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Set<String> RELEVANT =
      Set.of(ResourceApplied.TYPE, WaveApplied.TYPE, HookCompleted.TYPE);

  private final Map<String, Object> kafkaConfig;

  public ObservationReplay(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.kafkaConfig = kafkaConfig;
  }

  /**
   * What the replay found.
   *
   * @param keys the watch keys named by the topic
   * @param records records read
   * @param skipped records that could not be decoded (the live consumer dead-letters them)
   */
  public record Result(Set<WatchKey> keys, long records, long skipped) {}

  /**
   * Reads the topic to the end offsets it had when the replay started, teaching {@code ledger} the
   * completed hooks on the way.
   *
   * @throws TimeoutException if the end was not reached within {@code timeout}
   */
  public Result replay(HookLedger ledger, Duration timeout) throws TimeoutException {
    Instant deadline = Instant.now().plus(timeout);
    Set<WatchKey> keys = new LinkedHashSet<>();
    long records = 0;
    long skipped = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(Topics.OBSERVATIONS, timeout);
      if (partitions == null || partitions.isEmpty()) {
        return new Result(keys, 0, 0);
      }
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
      Map<TopicPartition, Long> remaining = new HashMap<>(end);
      remaining.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
      while (!remaining.isEmpty()) {
        if (Instant.now().isAfter(deadline)) {
          throw new TimeoutException(
              "did not reach the end of " + Topics.OBSERVATIONS + " within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          records++;
          if (!relevant(record)) {
            continue;
          }
          try {
            Observation observation = EventJson.deserialize(record.value(), Observation.class);
            keys.addAll(WatchTargets.of(observation));
            ledger.learn(observation);
          } catch (EventDecodingException e) {
            skipped++;
          }
        }
        remaining.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
      }
    }
    return new Result(keys, records, skipped);
  }

  // The ce_type header names the event without parsing the payload: the topic is mostly the
  // watcher's own HealthObserved records, which teach the replay nothing.
  private static boolean relevant(ConsumerRecord<String, byte[]> record) {
    Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
    if (type == null) {
      return true;
    }
    Optional<CloudEventHeaders.TypeAndVersion> parsed =
        CloudEventHeaders.parseCeType(new String(type.value(), StandardCharsets.UTF_8));
    return parsed.isEmpty() || RELEVANT.contains(parsed.get().eventType());
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, WatcherMetrics.SERVICE + "-replay");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    return config;
  }
}
