package io.wavesync.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The test's side of the broker: sends records to the topics the service reads and keeps every
 * record that appears on the topics it writes, read by a background consumer from the start.
 */
public final class TopicProbe implements AutoCloseable {

  private final KafkaProducer<String, String> producer;
  private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile boolean running = true;

  public TopicProbe(String bootstrapServers, List<String> readTopics) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producer = new KafkaProducer<>(p);
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
    consumer.subscribe(readTopics);
    reader = new Thread(() -> {
      try (consumer) {
        while (running) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
            received.add(r);
          }
        }
      }
    }, "topic-probe");
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends one record and waits for the broker's acknowledgement. */
  public void send(String topic, String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot send to " + topic, e);
    }
  }

  /** Every record read so far from {@code topic}. */
  public List<ConsumerRecord<String, String>> records(String topic) {
    return received.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  public static String header(ConsumerRecord<String, String> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    reader.join(2000);
    producer.close();
  }
}
