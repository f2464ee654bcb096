package io.wavesync.cli;

import io.wavesync.events.Topics;
import io.wavesync.testsupport.EmbeddedKafka;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-JVM Kafka broker with the wavesync topics (3 partitions, as deployed) and a {@link
 * StandInPlanner}, shared by every test class of the run: started by the first class that
 * declares {@code @ExtendWith(KafkaStack.Extension.class)}, closed when the run ends.
 */
final class KafkaStack implements AutoCloseable {

  private static volatile KafkaStack current;

  private final EmbeddedKafka kafka;
  private final StandInPlanner planner;

  private KafkaStack() {
    kafka = EmbeddedKafka.startOrConnect(3);
    List<String> topics = new ArrayList<>(Topics.ALL);
    Topics.ALL.forEach(t -> topics.add(Topics.dlq(t)));
    kafka.createTopics(topics);
    planner = new StandInPlanner(kafka.bootstrapServers());
    planner.start();
  }

  static String bootstrapServers() {
    return current.kafka.bootstrapServers();
  }

  static StandInPlanner planner() {
    return current.planner;
  }

  @Override
  public void close() {
    planner.close();
    kafka.close();
  }

  /** Starts the stack once per run; JUnit closes it with the root context. */
  static final class Extension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      current = context.getRoot()
          .getStore(ExtensionContext.Namespace.create(KafkaStack.class))
          .computeIfAbsent(KafkaStack.class, k -> new KafkaStack(), KafkaStack.class);
    }
  }
}
