package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnreachableBrokerTest {

  /** A port on which nothing listens (bound and released again). */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void anUnreachableBrokerExits4WithinTenSecondsNamingTheServers() throws IOException {
    String servers = "127.0.0.1:" + closedPort();
    long start = System.nanoTime();

    Cli.Result r = Cli.run("sync", "app", "-f", Cli.example("hooks-demo"), "--wait",
        "--bootstrap-server", servers);

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("cannot reach Kafka at " + servers
        + " (--bootstrap-server): no answer within 8 s. Is the broker running?");
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anUnresolvableHostExits4AtOnce() {
    Cli.Result r = Cli.run("status", "app", "--bootstrap-server", "no-such-broker.invalid:9092");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err()).startsWith("cannot reach Kafka at no-such-broker.invalid:9092");
  }
}
