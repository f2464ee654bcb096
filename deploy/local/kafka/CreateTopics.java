import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.TopicCommand;

/**
 * Creates wavesync's topics with Kafka's own TopicCommand, all in one JVM: one JVM per topic
 * would cost about a second each. Run from the broker's classpath as a source-file program:
 *
 * <pre>
 * java -cp '.local/kafka/libs/*' deploy/local/kafka/CreateTopics.java 127.0.0.1:9092
 * </pre>
 *
 * <p>First lists the topics (the broker's health check: it answers only when it is ready), then
 * creates each missing one with {@code --if-not-exists}, so running it again changes nothing.
 * Exits 1 at the first command that fails.
 */
public final class CreateTopics {

  private static final List<String> TOPICS = List.of(
      "wavesync.sync-requests",
      "wavesync.waves.presync",
      "wavesync.waves.sync",
      "wavesync.waves.postsync",
      "wavesync.waves.syncfail",
      "wavesync.cleanup",
      "wavesync.observations",
      "wavesync.operations");

  /** The latest state per application is all a reader of operations needs. */
  private static final String COMPACTED = "wavesync.operations";

  private static final String PARTITIONS = "3";

  private static int status;

  public static void main(String[] args) {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    // TopicCommand.main ends with Exit.exit(status): keep the status and the JVM
    Exit.setExitProcedure((code, message) -> status = code);

    run("--bootstrap-server", bootstrap, "--list");
    List<String> all = new ArrayList<>();
    for (String topic : TOPICS) {
      all.add(topic);
      all.add(topic + ".dlq");
    }
    for (String topic : all) {
      List<String> command = new ArrayList<>(List.of("--bootstrap-server", bootstrap, "--create",
          "--if-not-exists", "--topic", topic, "--partitions", PARTITIONS,
          "--replication-factor", "1"));
      if (topic.equals(COMPACTED)) {
        command.addAll(List.of("--config", "cleanup.policy=compact"));
      }
      run(command.toArray(String[]::new));
    }
    System.out.println(all.size() + " topics ready");
  }

  private static void run(String... args) {
    status = 0;
    TopicCommand.main(args);
    if (status != 0) {
      System.err.println("TopicCommand " + String.join(" ", args) + " failed with status " + status);
      System.exit(1);
    }
  }
}
