package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

  @Test
  void topLevelHelpListsEverySubcommand() {
    Cli.Result r = Cli.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: wavesync")
        .contains("plan").contains("sync").contains("status").contains("terminate")
        .contains("--version");
  }

  @Test
  void syncHelpDocumentsEveryOptionAndTheExitStatus() {
    Cli.Result r = Cli.run("sync", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("Usage: wavesync sync")
        .contains("APP")
        .contains("-f, --filename=PATH")
        .contains("-n, --namespace=NS")
        .contains("--revision=REV")
        .contains("--dry-run")
        .contains("--prune")
        .contains("--retry-limit=N")
        .contains("--retry-backoff=D")
        .contains("--timeout=D")
        .contains("--wave-delay=D")
        .contains("--hook-timeout=D")
        .contains("--sync-option=OPT")
        .contains("--follow")
        .contains("--wait")
        .contains("-o, --output=FORMAT")
        .contains("--bootstrap-server=HOST:PORT")
        .contains("WAVESYNC_BOOTSTRAP_SERVERS")
        .contains("4 Kafka cannot be reached");
  }

  @Test
  void statusAndTerminateHaveHelp() {
    assertThat(Cli.run("status", "--help").out()).contains("Usage: wavesync status");
    assertThat(Cli.run("terminate", "--help").out()).contains("Usage: wavesync terminate")
        .contains("--wait");
  }

  @Test
  void planHelpDocumentsEveryOptionAndTheDefaults() {
    Cli.Result r = Cli.run("plan", "--help");

    assertThat(r.exitCode()).isZero();
    // picocli wraps descriptions at 80 columns
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("Usage: wavesync plan")
        .contains("-f, --filename=PATH")
        .contains("--app=NAME")
        .contains("-n, --namespace=NS")
        .contains("(default: default)")
        .contains("--revision=REV")
        .contains("--started-at=TIME")
        .contains("-o, --output=FORMAT")
        .contains("(default: table)");
  }

  @Test
  void helpSubcommandShowsPlanHelp() {
    Cli.Result r = Cli.run("help", "plan");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: wavesync plan");
  }

  @Test
  void versionNamesWavesyncAndItsVersion() {
    Cli.Result r = Cli.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().findFirst()).hasValueSatisfying(
        line -> assertThat(line).matches("wavesync \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"));
  }

  @Test
  void planAcceptsVersionToo() {
    Cli.Result r = Cli.run("plan", "--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("wavesync ");
  }
}
