package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wavesync.events.SyncRequested;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaStack.Extension.class)
class StatusCommandTest {

  private static Cli.Result run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--bootstrap-server";
    all[args.length + 1] = KafkaStack.bootstrapServers();
    return Cli.run(all);
  }

  private static Cli.Result sync(String app, String... more) {
    String[] args = new String[more.length + 4];
    args[0] = "sync";
    args[1] = app;
    args[2] = "-f";
    args[3] = Cli.example("hooks-demo");
    System.arraycopy(more, 0, args, 4, more.length);
    return run(args);
  }

  @Test
  void statusShowsTheFinalStateAsSyncWaitDid() {
    Cli.Result synced = sync("ok-status", "--wait", "-o", "json");

    Cli.Result r = run("status", "ok-status", "-o", "json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(synced.out());
  }

  @Test
  void statusShowsTheLatestOfSeveralOperations() {
    assertThat(sync("ok-twice", "--wait").exitCode()).isZero();
    assertThat(sync("ok-twice", "--wait").exitCode()).isZero();
    List<StandInPlanner.Received> requests = KafkaStack.planner().requests("ok-twice");
    String second = ((SyncRequested) requests.get(1).event()).operationId();

    Cli.Result r = run("status", "ok-twice");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Operation:    " + second + "\n");
  }

  @Test
  void aFailedOperationExits1AndItsTableShowsTheFailedHookLog() {
    assertThat(sync("fail-status", "--wait").exitCode()).isEqualTo(1);

    Cli.Result r = run("status", "fail-status");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("Phase:        Failed\n")
        .containsPattern("PreSync +0 +Job +db-migrate +PreSync +Failed +Job has reached")
        .contains("Log of failed PreSync hook Job/db-migrate:\n  [sandbox] started container")
        // status did not watch the operation: there is no DURATION column
        .doesNotContain("DURATION");
  }

  @Test
  void aRunningOperationExits0WithItsTable() {
    Cli.Result published = sync("running-status");
    assertThat(published.exitCode()).isZero();
    String operationId = published.out().strip();

    Cli.Result r = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> run("status", "running-status"), x -> x.exitCode() == 0);

    assertThat(r.out())
        .contains("Operation:    " + operationId + "\n")
        .contains("Phase:        Running (PreSync wave -5)\n")
        .contains("Message:      waiting for completion of hook batch/Job/backup-database\n")
        .doesNotContain("Finished:");
  }

  @Test
  void anErrorExits3() {
    assertThat(sync("error-status", "--wait").exitCode()).isEqualTo(3);

    Cli.Result r = run("status", "error-status", "-o", "json");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).contains("\"phase\": \"Error\"");
  }

  @Test
  void anUnknownApplicationExits1() {
    Cli.Result r = run("status", "nobody-synced-this");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("no operation for application nobody-synced-this\n");
  }
}
