package io.wavesync.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Reads the wave, cleanup, observation and operation topics from their current end, without a
 * consumer group, and turns what it reads into a {@link Timeline} and operation completions.
 */
final class TopicTap implements AutoCloseable {

  /** An operation reached a final phase. */
  record Completion(String app, String operationId, String phase, long producedAt,
      long receivedAt) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TOPICS = List.of(Topics.WAVES_PRESYNC, Topics.WAVES_SYNC,
      Topics.WAVES_POSTSYNC, Topics.WAVES_SYNCFAIL, Topics.CLEANUP, Topics.OBSERVATIONS,
      Topics.OPERATIONS);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Timeline timeline;
  private final Consumer<Completion> completions;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile Throwable failure;

  TopicTap(String bootstrap, Timeline timeline, Consumer<Completion> completions) {
    this.timeline = timeline;
    this.completions = completions;
    this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, "wavesync-bench-tap"));
    List<TopicPartition> partitions = new ArrayList<>();
    Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(10));
    for (String topic : TOPICS) {
      List<PartitionInfo> infos = topics.get(topic);
      if (infos == null) {
        throw new IllegalStateException("Kafka has no topic " + topic
            + ": is the local stack up (deploy/local/up.sh --no-demo)?");
      }
      infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(10)));
    this.thread = new Thread(this::run, "topic-tap");
    thread.setDaemon(true);
    thread.start();
  }

  Throwable failure() {
    return failure;
  }

  private void run() {
    try {
      while (running.get()) {
        var records = consumer.poll(Duration.ofMillis(100));
        long received = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> r : records) {
          if (r.value() != null) {
            handle(r, received);
          }
        }
      }
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      // closing
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void handle(ConsumerRecord<String, byte[]> r, long received) throws IOException {
    String topic = r.topic();
    String app = r.key();
    if (Topics.OBSERVATIONS.equals(topic)) {
      String type = eventType(r);
      String commandId = null;
      if ("WaveApplied".equals(type) || "CleanupCompleted".equals(type)) {
        commandId = JSON.readTree(r.value()).path("commandId").asText(null);
      }
      timeline.add(new Timeline.Observation(app, type, commandId, r.timestamp()));
    } else if (Topics.OPERATIONS.equals(topic)) {
      JsonNode tree = JSON.readTree(r.value());
      String phase = tree.path("phase").asText("");
      if (phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error")) {
        completions.accept(new Completion(app, tree.path("operationId").asText(), phase,
            r.timestamp(), received));
      }
    } else if (Topics.CLEANUP.equals(topic)) {
      JsonNode tree = JSON.readTree(r.value());
      timeline.add(new Timeline.Command(app, tree.path("commandId").asText(), "CLEANUP", "", -1,
          r.timestamp(), received));
    } else {
      JsonNode tree = JSON.readTree(r.value());
      timeline.add(new Timeline.Command(app, tree.path("commandId").asText(),
          tree.path("mode").asText(), tree.path("phase").asText(), tree.path("wave").asLong(),
          r.timestamp(), received));
    }
  }

  /** From the {@code ce_type} header ({@code io.wavesync.<Type>.v<n>}), else from the JSON. */
  private static String eventType(ConsumerRecord<String, byte[]> r) throws IOException {
    Header h = r.headers().lastHeader(CloudEventHeaders.TYPE);
    if (h != null) {
      String ce = new String(h.value(), StandardCharsets.UTF_8);
      if (ce.startsWith(CloudEventHeaders.TYPE_PREFIX)) {
        String rest = ce.substring(CloudEventHeaders.TYPE_PREFIX.length());
        int dot = rest.lastIndexOf(".v");
        return dot > 0 ? rest.substring(0, dot) : rest;
      }
    }
    return JSON.readTree(r.value()).path("eventType").asText();
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close(Duration.ofSeconds(1));
  }
}
