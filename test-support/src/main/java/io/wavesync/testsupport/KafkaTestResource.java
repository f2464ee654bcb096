package io.wavesync.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Kafka for {@code @QuarkusTest}s: an in-JVM KRaft broker (or the external one named by
 * {@code KAFKA_BOOTSTRAP_SERVERS} / {@code -Dkafka.bootstrap.servers.external}), the topics the
 * service uses with their {@code .dlq} topics, and a fresh Kafka Streams state directory, because
 * state left by an earlier broker silently corrupts stores.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = KafkaTestResource.class, initArgs = {
 *     @ResourceArg(name = "topics", value = "wavesync.sync-requests,wavesync.operations"),
 *     @ResourceArg(name = "partitions", value = "1")})
 * class PlannerTest { ... }
 * }</pre>
 *
 * <p>Init args: {@code topics} (comma-separated; each also gets {@code <topic>.dlq}) and
 * {@code partitions} (default 1, for the broker default and the created topics).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String TOPICS_ARG = "topics";
  public static final String PARTITIONS_ARG = "partitions";
  public static final String DLQ_SUFFIX = ".dlq";

  private List<String> topics = List.of();
  private int partitions = 1;
  private EmbeddedKafka kafka;
  private Path stateDir;

  @Override
  public void init(Map<String, String> initArgs) {
    String list = initArgs.getOrDefault(TOPICS_ARG, "");
    List<String> names = new ArrayList<>();
    for (String topic : list.split(",")) {
      String name = topic.trim();
      if (!name.isEmpty()) {
        names.add(name);
        if (!name.endsWith(DLQ_SUFFIX)) {
          names.add(name + DLQ_SUFFIX);
        }
      }
    }
    topics = List.copyOf(names);
    partitions = Integer.parseInt(initArgs.getOrDefault(PARTITIONS_ARG, "1").trim());
  }

  @Override
  public Map<String, String> start() {
    kafka = EmbeddedKafka.startOrConnect(partitions);
    kafka.createTopics(topics);
    try {
      Path target = Files.createDirectories(Path.of("target"));
      stateDir = Files.createTempDirectory(target.toAbsolutePath(), "kafka-streams-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Kafka Streams state directory", e);
    }
    return Map.of(
        "kafka.bootstrap.servers", kafka.bootstrapServers(),
        "kafka-streams.state.dir", stateDir.toString());
  }

  @Override
  public void stop() {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
    if (stateDir != null) {
      deleteRecursively(stateDir);
      stateDir = null;
    }
  }

  /** The topics this resource creates, including the {@code .dlq} ones. */
  public List<String> topics() {
    return topics;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // A file still held open by a closing Streams thread; the directory is in target/.
        }
      });
    } catch (IOException e) {
      // Nothing to clean up.
    }
  }
}
