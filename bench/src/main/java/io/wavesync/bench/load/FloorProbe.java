package io.wavesync.bench.load;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The physical floor: one Kafka hop (produce, then consume) on the same broker with the services'
 * client settings ({@link KafkaSettings}). A producer sends a record every {@code interval} to a
 * one-partition topic; a consumer that polls continuously measures the time from the send call to
 * the record's arrival, on the same clock ({@link System#nanoTime()}), and so the hop includes what
 * a service's hop includes: the producer's send path, the broker's append and replication wait
 * ({@code acks=all} on one node), the fetch answer, and the consumer's poll.
 */
final class FloorProbe implements AutoCloseable {

  static final String TOPIC = "wavesync-bench.floor";

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Double> samples = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread poller;
  private final byte[] padding;

  FloorProbe(String bootstrap, int recordBytes) {
    ensureTopic(bootstrap);
    this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, "wavesync-bench-floor"));
    this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, "wavesync-bench-floor"));
    TopicPartition tp = new TopicPartition(TOPIC, 0);
    consumer.assign(List.of(tp));
    consumer.seekToEnd(List.of(tp));
    consumer.position(tp);
    this.padding = new byte[Math.max(0, recordBytes - Long.BYTES)];
    this.poller = new Thread(this::poll, "floor-consumer");
    poller.setDaemon(true);
    poller.start();
    // one record first, so that connections and metadata are in place before anything counts
    producer.send(record());
    producer.flush();
    sleep(300);
    samples.clear();
  }

  private static void ensureTopic(String bootstrap) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      if (!names.contains(TOPIC)) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all()
            .get(10, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause(), e);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create " + TOPIC + ": " + e, e);
    }
  }

  private ProducerRecord<String, byte[]> record() {
    ByteBuffer value = ByteBuffer.allocate(Long.BYTES + padding.length);
    value.putLong(System.nanoTime()).put(padding);
    return new ProducerRecord<>(TOPIC, 0, "floor", value.array());
  }

  private void poll() {
    while (running.get()) {
      try {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          long sent = ByteBuffer.wrap(r.value()).getLong();
          samples.add((now - sent) / 1e6);
        }
      } catch (org.apache.kafka.common.errors.WakeupException e) {
        return;
      }
    }
  }

  /** Sends {@code count} probes, one every {@code interval}, and waits for the last to arrive. */
  List<Double> measure(int count, Duration interval) {
    int before = samples.size();
    for (int i = 0; i < count && running.get(); i++) {
      producer.send(record());
      sleep(interval.toMillis());
    }
    long deadline = System.currentTimeMillis() + 5000;
    while (samples.size() < before + count && System.currentTimeMillis() < deadline) {
      sleep(10);
    }
    return new ArrayList<>(samples.subList(before, samples.size()));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      poller.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close(Duration.ofSeconds(1));
    producer.close(Duration.ofSeconds(2));
  }
}
