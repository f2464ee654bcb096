package io.wavesync.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** Where Kafka is: the {@code --bootstrap-server} option shared by every command that talks to it. */
final class KafkaOptions {

  /** Environment variable consulted when {@code --bootstrap-server} is not given. */
  static final String ENV = "WAVESYNC_BOOTSTRAP_SERVERS";

  /** The broker of the local stack ({@code deploy/local/up.sh}). */
  static final String DEFAULT = "127.0.0.1:9092";

  /**
   * The servers to connect to and where that choice came from, so that an error message can say
   * which setting to fix.
   */
  record Bootstrap(String servers, String origin) {}

  @Option(
      names = "--bootstrap-server",
      paramLabel = "HOST:PORT",
      description =
          "Kafka to talk to, a comma-separated list (default: $" + ENV + ", else " + DEFAULT + ").")
  String bootstrapServer;

  Bootstrap resolve() {
    return resolve(bootstrapServer, System.getenv());
  }

  static Bootstrap resolve(String option, Map<String, String> env) {
    if (option != null && !option.isBlank()) {
      return new Bootstrap(option.trim(), "--bootstrap-server");
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new Bootstrap(fromEnv.trim(), ENV);
    }
    return new Bootstrap(DEFAULT, "the default");
  }
}
