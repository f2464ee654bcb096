package io.wavesync.cli;

import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventDecodingException;
import io.wavesync.events.EventJson;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.SyncRequestEvent;
import io.wavesync.events.Topics;
import io.wavesync.events.TraceParent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The command's connection to Kafka: one consumer on every partition of {@value
 * Topics#OPERATIONS} (assigned, no consumer group, so nothing is left behind on the broker) and a
 * producer for requests, created when first needed.
 *
 * <p>Every blocking call has a bound: a command must say that the broker is unreachable within
 * about ten seconds instead of retrying forever, which is what the Kafka clients do by default.
 */
final class Broker implements AutoCloseable {

  /** How long the first contact may take before the broker counts as unreachable. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(8);

  /** Bound on reading the operations topic from the beginning to its end. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private static final String CE_SOURCE = CloudEventHeaders.source("cli");

  private final KafkaOptions.Bootstrap bootstrap;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<TopicPartition> partitions;
  private KafkaProducer<String, byte[]> producer;

  private Broker(
      KafkaOptions.Bootstrap bootstrap,
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions) {
    this.bootstrap = bootstrap;
    this.consumer = consumer;
    this.partitions = partitions;
  }

  /**
   * Connects and checks that the wavesync topics exist.
   *
   * @throws CliException with {@link WavesyncCommand#UNREACHABLE} when the broker does not answer
   *     within {@link #CONNECT_TIMEOUT} or lacks the topics
   */
  static Broker connect(KafkaOptions.Bootstrap bootstrap) {
    KafkaConsumer<String, byte[]> consumer;
    try {
      consumer = new KafkaConsumer<>(consumerProperties(bootstrap.servers()));
    } catch (KafkaException e) {
      // an unresolvable host or a malformed address fails here, before any connection attempt
      throw unreachable(bootstrap, rootMessage(e), e);
    }
    try {
      Map<String, List<PartitionInfo>> topics = consumer.listTopics(CONNECT_TIMEOUT);
      for (String topic : List.of(Topics.SYNC_REQUESTS, Topics.OPERATIONS)) {
        if (!topics.containsKey(topic)) {
          throw new CliException(
              WavesyncCommand.UNREACHABLE,
              "Kafka at "
                  + bootstrap.servers()
                  + " has no topic "
                  + topic
                  + ": the wavesync topics are not set up there (deploy/local/up.sh creates them)");
        }
      }
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : topics.get(Topics.OPERATIONS)) {
        partitions.add(new TopicPartition(p.topic(), p.partition()));
      }
      consumer.assign(partitions);
      return new Broker(bootstrap, consumer, partitions);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      consumer.close(Duration.ZERO);
      throw unreachable(
          bootstrap, "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (KafkaException e) {
      consumer.close(Duration.ZERO);
      throw unreachable(bootstrap, rootMessage(e), e);
    } catch (CliException e) {
      consumer.close(Duration.ZERO);
      throw e;
    }
  }

  /**
   * Moves the consumer to the current end of every partition and resolves those positions now:
   * {@code seekToEnd} alone is lazy, and an update published before the first poll would be
   * missed.
   */
  void seekOperationsToEnd() {
    consumer.seekToEnd(partitions);
    for (TopicPartition tp : partitions) {
      consumer.position(tp, CONNECT_TIMEOUT);
    }
  }

  /**
   * Reads the operations topic from the beginning to its current end and returns the latest update
   * of {@code application}, if any. The consumer stays at that end, so {@link #poll} continues
   * with what is published afterwards.
   */
  Optional<OperationUpdated> latestOperation(String application) {
    Map<TopicPartition, Long> end;
    try {
      end = consumer.endOffsets(partitions, CONNECT_TIMEOUT);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw unreachable(bootstrap, "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
    }
    consumer.seekToBeginning(partitions);
    // the last record of the application in each partition; normally it lives in only one
    Map<TopicPartition, OperationUpdated> latest = new HashMap<>();
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    while (!reached(end)) {
      if (System.nanoTime() > deadline) {
        throw new CliException(
            WavesyncCommand.UNREACHABLE,
            "reading " + Topics.OPERATIONS + " from Kafka at " + bootstrap.servers()
                + " did not finish within " + READ_TIMEOUT.toSeconds() + " s");
      }
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (!application.equals(r.key())) {
          continue;
        }
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (r.value() == null) {
          latest.remove(tp); // a tombstone: the application's history was removed
        } else {
          decode(r).ifPresent(u -> latest.put(tp, u));
        }
      }
    }
    return latest.values().stream().max(Comparator.comparing(OperationUpdated::occurredAt));
  }

  /** Updates of {@code application} published since the last poll. */
  List<OperationUpdated> poll(String application, Duration timeout) {
    List<OperationUpdated> updates = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
      if (application.equals(r.key()) && r.value() != null) {
        decode(r).ifPresent(updates::add);
      }
    }
    return updates;
  }

  /** Publishes a request, keyed by its application, with CloudEvents headers; waits for the ack. */
  void publish(SyncRequestEvent event) {
    if (producer == null) {
      producer = new KafkaProducer<>(producerProperties(bootstrap.servers()));
    }
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.headers(event, CE_SOURCE)
        .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
    // the request starts the sync's trace: every service continues it from this header
    headers.add(TraceParent.HEADER, TraceParent.newRoot().getBytes(StandardCharsets.UTF_8));
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            Topics.topicOf(event), null, event.application(), EventJson.serialize(event), headers);
    try {
      producer.send(record).get(CONNECT_TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
    } catch (KafkaException e) {
      throw unreachable(bootstrap, rootMessage(e), e);
    } catch (ExecutionException e) {
      throw new CliException(
          WavesyncCommand.UNREACHABLE,
          "cannot publish to " + Topics.SYNC_REQUESTS + " on Kafka at " + bootstrap.servers()
              + ": " + rootMessage(e.getCause()),
          e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw unreachable(bootstrap, "the request was not acknowledged in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(WavesyncCommand.ERROR, "interrupted while publishing", e);
    }
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
    }
    consumer.close(Duration.ZERO);
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey(), CONNECT_TIMEOUT) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Another producer's malformed record is not this command's failure: it is skipped. */
  private static Optional<OperationUpdated> decode(ConsumerRecord<String, byte[]> r) {
    try {
      return Optional.of(EventJson.deserialize(r.value(), OperationUpdated.class));
    } catch (EventDecodingException e) {
      return Optional.empty();
    }
  }

  private static CliException unreachable(
      KafkaOptions.Bootstrap bootstrap, String why, Throwable cause) {
    return new CliException(
        WavesyncCommand.UNREACHABLE,
        "cannot reach Kafka at "
            + bootstrap.servers()
            + " ("
            + bootstrap.origin()
            + "): "
            + why
            + ". Is the broker running? deploy/local/up.sh starts one on "
            + KafkaOptions.DEFAULT
            + "; --bootstrap-server or $"
            + KafkaOptions.ENV
            + " point elsewhere.",
        cause);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  private static Properties consumerProperties(String servers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "wavesync-cli");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    // assigned partitions, no group: nothing to commit, no group left behind on the broker
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // reading must never create a topic with the broker's defaults instead of the real settings
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis());
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis());
    p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 3000);
    p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 5000);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    return p;
  }

  private static Properties producerProperties(String servers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "wavesync-cli");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis());
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis());
    p.put(ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 3000);
    p.put(ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 5000);
    return p;
  }
}
