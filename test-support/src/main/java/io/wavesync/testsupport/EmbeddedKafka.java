package io.wavesync.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft Kafka broker inside the JVM, or a connection to an external broker when one
 * is configured. Usable from plain Java (end-to-end tests that launch services as processes) and
 * behind {@link KafkaTestResource}.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.startOrConnect(1)) {
 *   kafka.createTopics("wavesync.sync-requests", "wavesync.operations");
 *   String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

  /** Environment variable naming an external broker to use instead of starting one. */
  public static final String EXTERNAL_ENV = "KAFKA_BOOTSTRAP_SERVERS";
  /** System property naming an external broker; takes precedence over the environment. */
  public static final String EXTERNAL_PROPERTY = "kafka.bootstrap.servers.external";

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
  /** Kept so the levels set on them survive garbage collection of unused loggers. */
  private static final List<Logger> QUIETED = new ArrayList<>();

  private final KafkaClusterTestKit cluster;
  private final String bootstrapServers;
  private final int partitions;

  private EmbeddedKafka(KafkaClusterTestKit cluster, String bootstrapServers, int partitions) {
    this.cluster = cluster;
    this.bootstrapServers = bootstrapServers;
    this.partitions = partitions;
  }

  /** The external broker from {@value #EXTERNAL_PROPERTY} or {@value #EXTERNAL_ENV}, if set. */
  public static Optional<String> externalBootstrapServers() {
    String property = System.getProperty(EXTERNAL_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(property.trim());
    }
    String env = System.getenv(EXTERNAL_ENV);
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.trim());
  }

  /** Uses the configured external broker if there is one, otherwise starts an in-JVM broker. */
  public static EmbeddedKafka startOrConnect(int partitions) {
    Optional<String> external = externalBootstrapServers();
    return external.isPresent() ? connect(external.get(), partitions) : start(partitions);
  }

  /** Uses an already running broker; {@link #close()} leaves it running. */
  public static EmbeddedKafka connect(String bootstrapServers, int partitions) {
    return new EmbeddedKafka(null, bootstrapServers, partitions);
  }

  /** Starts an in-JVM broker whose topics get {@code partitions} partitions by default. */
  public static EmbeddedKafka start(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1");
    }
    quietBrokerLogging();
    KafkaClusterTestKit cluster = null;
    try {
      cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
          .setCombined(true)
          .setNumBrokerNodes(1)
          .setNumControllerNodes(1)
          .build())
          // One broker: every internal topic must make do with one replica, or transactions
          // (exactly-once Streams) hang in InitProducerId.
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("transaction.state.log.num.partitions", "1")
          .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
          .setConfigProp("share.coordinator.state.topic.min.isr", "1")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          .setConfigProp("num.partitions", String.valueOf(partitions))
          .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKafka(cluster, cluster.bootstrapServers(), partitions);
    } catch (Exception e) {
      if (cluster != null) {
        try {
          cluster.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot start the in-JVM Kafka broker", e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** True when this is a connection to an external broker rather than one started here. */
  public boolean isExternal() {
    return cluster == null;
  }

  public void createTopics(String... topics) {
    createTopics(Arrays.asList(topics));
  }

  /** Creates the topics with the default partition count; existing topics are left as they are. */
  public void createTopics(Collection<String> topics) {
    createTopics(topics, partitions);
  }

  public void createTopics(Collection<String> topics, int partitionCount) {
    if (topics.isEmpty()) {
      return;
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers))) {
      List<NewTopic> newTopics = topics.stream()
          .distinct()
          .map(t -> new NewTopic(t, partitionCount, (short) 1))
          .toList();
      admin.createTopics(newTopics).values().forEach((topic, future) -> {
        try {
          future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + topic, e.getCause());
          }
        } catch (TimeoutException e) {
          throw new IllegalStateException("timed out creating topic " + topic, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted creating topic " + topic, e);
        }
      });
    }
  }

  /** Stops the broker if it was started here. */
  public void stop() {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot stop the in-JVM Kafka broker", e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The broker logs every configuration value at INFO; keep it to warnings unless configured. */
  private static synchronized void quietBrokerLogging() {
    if (!QUIETED.isEmpty()) {
      return;
    }
    for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
      Logger logger = Logger.getLogger(name);
      if (logger.getLevel() == null) {
        logger.setLevel(Level.WARNING);
      }
      QUIETED.add(logger);
    }
  }
}
