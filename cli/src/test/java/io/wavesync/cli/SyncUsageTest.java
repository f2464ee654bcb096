package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors of the Kafka commands: found before any connection, so no broker is needed. */
class SyncUsageTest {

  /** Nothing listens here: a test that reached Kafka would fail with exit status 4. */
  private static final String NOWHERE = "127.0.0.1:1";

  @Test
  void aBadDurationIsAUsageError() {
    Cli.Result r = Cli.run("sync", "app", "-f", Cli.example("hooks-demo"), "--timeout", "10 minutes",
        "--bootstrap-server", NOWHERE);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--timeout").contains("'10 minutes' is not a duration");
  }

  @Test
  void aBadSyncOptionIsAUsageError() {
    Cli.Result r = Cli.run("sync", "app", "-f", Cli.example("hooks-demo"), "--sync-option",
        "CreateNamespace", "--bootstrap-server", NOWHERE);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'CreateNamespace' is not a sync option of the form Key=value");
  }

  @Test
  void aBadApplicationNameIsAUsageError() {
    Cli.Result r = Cli.run("status", "My_App", "--bootstrap-server", NOWHERE);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'My_App' is not an application name");
  }

  @Test
  void followAndWaitExcludeEachOther() {
    Cli.Result r = Cli.run("sync", "app", "-f", Cli.example("hooks-demo"), "--follow", "--wait",
        "--bootstrap-server", NOWHERE);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--follow").contains("--wait").contains("mutually exclusive");
  }

  @Test
  void aRetryBackoffNeedsARetryLimit() {
    Cli.Result r = Cli.run("sync", "app", "-f", Cli.example("hooks-demo"), "--retry-backoff", "10s",
        "--bootstrap-server", NOWHERE);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--retry-backoff needs --retry-limit");
  }

  @Test
  void syncNeedsAnApplicationAndManifests() {
    assertThat(Cli.run("sync", "-f", Cli.example("hooks-demo")).err()).contains("APP");
    assertThat(Cli.run("sync", "app").err()).contains("--filename");
  }
}
