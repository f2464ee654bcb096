package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wavesync.events.TerminateRequested;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaStack.Extension.class)
class TerminateCommandTest {

  private static Cli.Result run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--bootstrap-server";
    all[args.length + 1] = KafkaStack.bootstrapServers();
    return Cli.run(all);
  }

  @Test
  void terminateWithWaitStopsTheRunningOperationAndExits3() {
    Cli.Result published = run("sync", "slow-terminate", "-f", Cli.example("hooks-demo"));
    String operationId = published.out().strip();
    // the operation must be known before it can be named
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> run("status", "slow-terminate").out().contains("Phase:        Running"));

    Cli.Result r = run("terminate", "slow-terminate", "--wait");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).startsWith(
        "termination requested for slow-terminate (operation " + operationId + ")\n");
    assertThat(r.out()).contains("Phase:        Failed\n").contains("Message:      Operation terminated\n");
    TerminateRequested sent = (TerminateRequested) last(
        KafkaStack.planner().requests("slow-terminate"));
    assertThat(sent.operationId()).isEqualTo(operationId);
    assertThat(sent.requestedBy()).matches(".+@.+");

    Cli.Result status = run("status", "slow-terminate");
    assertThat(status.exitCode()).isEqualTo(3);
  }

  @Test
  void syncFollowedByATerminateFromElsewhereExits3() throws Exception {
    Thread terminator = new Thread(() -> {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
          .until(() -> run("status", "slow-follow").out().contains("Phase:        Running"));
      run("terminate", "slow-follow");
    });
    terminator.start();

    Cli.Result r = run("sync", "slow-follow", "-f", Cli.example("hooks-demo"), "--follow");
    terminator.join();

    assertThat(r.exitCode()).isEqualTo(3);
    // the final line, then the log of the hook the termination stopped
    assertThat(r.out()).contains("\nFailed: Operation terminated\n\nLog of failed PreSync hook"
        + " Job/db-migrate:\n");
  }

  @Test
  void terminateOfAnApplicationWithoutOperationsPublishesARequestForWhateverRuns() {
    Cli.Result r = run("terminate", "never-synced");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("termination requested for never-synced\n");
    await().atMost(Duration.ofSeconds(10))
        .until(() -> !KafkaStack.planner().requests("never-synced").isEmpty());
    TerminateRequested sent =
        (TerminateRequested) KafkaStack.planner().requests("never-synced").get(0).event();
    assertThat(sent.operationId()).isNull();
  }

  @Test
  void terminateWithWaitOfAnApplicationWithoutOperationsExits1() {
    Cli.Result r = run("terminate", "never-synced-either", "--wait");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("no operation for application never-synced-either\n");
  }

  private static Object last(List<StandInPlanner.Received> requests) {
    return requests.get(requests.size() - 1).event();
  }
}
