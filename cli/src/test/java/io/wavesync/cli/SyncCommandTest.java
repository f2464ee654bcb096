package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wavesync.engine.manifest.Manifest;
import io.wavesync.engine.manifest.ManifestLoader;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.payload.Backoff;
import io.wavesync.events.payload.RetryPolicy;
import io.wavesync.events.payload.SyncStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaStack.Extension.class)
class SyncCommandTest {

  @TempDir Path dir;

  private static Cli.Result sync(String app, String... more) {
    String[] args = new String[more.length + 6];
    args[0] = "sync";
    args[1] = app;
    args[2] = "-f";
    args[3] = Cli.example("hooks-demo");
    args[4] = "--bootstrap-server";
    args[5] = KafkaStack.bootstrapServers();
    System.arraycopy(more, 0, args, 6, more.length);
    return Cli.run(args);
  }

  private static String operationIdOf(String app) {
    // a request published without --wait may still be on its way to the stand-in
    await().atMost(Duration.ofSeconds(10)).until(() -> !KafkaStack.planner().requests(app).isEmpty());
    List<StandInPlanner.Received> requests = KafkaStack.planner().requests(app);
    assertThat(requests).hasSize(1);
    return ((SyncRequested) requests.get(0).event()).operationId();
  }

  @Test
  void waitWithJsonPrintsExactlyTheFinalState() {
    Cli.Result r = sync("ok-json", "--wait", "-o", "json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("""
        {
          "application": "ok-json",
          "operationId": "%s",
          "phase": "Succeeded",
          "message": "successfully synced (no more tasks)",
          "startedAt": "2026-03-01T10:00:00Z",
          "finishedAt": "2026-03-01T10:00:07Z",
          "resources": [
            {
              "group": "batch",
              "kind": "Job",
              "namespace": "hooks-demo",
              "name": "backup-database",
              "status": "Synced",
              "hookType": "PreSync",
              "hookPhase": "Succeeded",
              "syncPhase": "PreSync",
              "message": "job completed"
            },
            {
              "group": "apps",
              "kind": "Deployment",
              "namespace": "hooks-demo",
              "name": "myapp",
              "status": "Synced",
              "hookType": null,
              "hookPhase": "Succeeded",
              "syncPhase": "Sync",
              "message": "deployment.apps/myapp created"
            },
            {
              "group": "batch",
              "kind": "Job",
              "namespace": "hooks-demo",
              "name": "smoke-test",
              "status": "Synced",
              "hookType": "PostSync",
              "hookPhase": "Succeeded",
              "syncPhase": "PostSync",
              "message": "job completed"
            }
          ]
        }
        """.formatted(operationIdOf("ok-json")));
  }

  @Test
  void waitWithTablePrintsTheFinalTable() {
    Cli.Result r = sync("ok-table", "--wait");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("Application:  ok-table\n")
        .contains("Operation:    " + operationIdOf("ok-table") + "\n")
        .contains("Phase:        Succeeded\n")
        .contains("Message:      successfully synced (no more tasks)\n")
        .contains("Finished:     2026-03-01T10:00:07Z (7.0s)\n");
    assertThat(r.out().lines().filter(l -> l.startsWith("SYNC PHASE")).findFirst())
        .hasValueSatisfying(header -> assertThat(header.split("\\s{2,}")).containsExactly(
            "SYNC PHASE", "WAVE", "KIND", "NAME", "HOOK", "STATE", "DURATION", "MESSAGE"));
    assertThat(r.out()).containsPattern(
        "PreSync +-5 +Job +backup-database +PreSync +Succeeded +\\d+\\.\\ds +job completed");
    assertThat(r.out()).containsPattern(
        "Sync +0 +Deployment +myapp +- +Succeeded +\\d+\\.\\ds +deployment.apps/myapp created");
  }

  @Test
  void followWithoutATerminalPrintsPlainProgressLinesEndingWithTheFinalPhase() {
    Cli.Result r = sync("ok-follow", "--follow");

    assertThat(r.exitCode()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("Following operation " + operationIdOf("ok-follow") + " of ok-follow");
    assertThat(r.out()).doesNotContain("\u001b");
    assertThat(lines).anySatisfy(l -> assertThat(l).matches(
        "\\[ *\\d+\\.\\ds\\] Running \\(PreSync wave -5\\): waiting for completion of hook"
            + " batch/Job/backup-database"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches(
        "\\[ *\\d+\\.\\ds\\] PreSync wave -5  Job backup-database  PreSync hook  Running"
            + "  job is running"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches(
        "\\[ *\\d+\\.\\ds\\] PreSync wave -5  Job backup-database  PreSync hook  Succeeded in"
            + " \\d+\\.\\ds  job completed"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches(
        "\\[ *\\d+\\.\\ds\\] Sync wave 0  Deployment myapp  Succeeded in \\d+\\.\\ds"
            + "  deployment.apps/myapp created"));
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("Succeeded: successfully synced (no more tasks)");
  }

  @Test
  void aFailedOperationExits1AndShowsTheLogOfTheFailedHook() {
    Cli.Result r = sync("fail-follow", "--follow");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("PreSync wave 0  Job db-migrate  PreSync hook  Failed in ");
    assertThat(r.out()).endsWith("""
        Failed: one or more synchronization tasks completed unsuccessfully, reason: Job has \
        reached the specified backoff limit

        Log of failed PreSync hook Job/db-migrate:
          [sandbox] started container migrate (image busybox:1.36)
          [sandbox] command: sh -c 'echo Running migrations; sleep 1; echo Migration 0042 failed >&2; exit 1'
          Running migrations
          Migration 0042 failed
          [sandbox] container migrate exited with code 1 (Error)
        """);
  }

  @Test
  void aFailedOperationExits1WithWaitToo() {
    Cli.Result r = sync("fail-wait", "--wait", "-o", "json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("\"phase\": \"Failed\"");
  }

  @Test
  void anOperationInErrorExits3() {
    Cli.Result r = sync("error-wait", "--wait");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).contains("Phase:        Error\n")
        .contains("Message:      invalid manifests: request " + operationIdOf("error-wait"));
  }

  @Test
  void aRefusedRequestExits3WithItsMessageAndIgnoresTheRunningOperation() {
    Cli.Result r = sync("refused-follow", "--follow");

    assertThat(r.exitCode()).isEqualTo(3);
    // only the refusal of this request is shown, not the other operation's progress
    assertThat(r.out()).doesNotContain("backup-database");
    assertThat(r.out().lines().toList()).last()
        .isEqualTo("Error: another operation is already in progress");
  }

  @Test
  void followWithJsonWritesTheViewToStderrAndOnlyJsonToStdout() {
    Cli.Result r = sync("ok-follow-json", "--follow", "-o", "json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("{\n").contains("\"phase\": \"Succeeded\"");
    assertThat(r.err()).contains("Succeeded: successfully synced (no more tasks)");
  }

  @Test
  void withoutFollowOrWaitItPrintsTheOperationIdAndPublishesTheWholeRequest() throws Exception {
    Cli.Result r = sync("ok-publish", "--namespace", "hooks-demo", "--revision", "4f2a9c1",
        "--dry-run", "--prune", "--retry-limit", "3", "--retry-backoff", "10s", "--timeout", "10m",
        "--wave-delay", "1s", "--hook-timeout", "2m", "--sync-option", "CreateNamespace=true",
        "--sync-option", "PruneLast=true");

    assertThat(r.exitCode()).isZero();
    String operationId = operationIdOf("ok-publish");
    assertThat(r.out()).isEqualTo(operationId + "\n");

    StandInPlanner.Received received = KafkaStack.planner().requests("ok-publish").get(0);
    assertThat(received.key()).isEqualTo("ok-publish");
    SyncRequested request = (SyncRequested) received.event();
    assertThat(received.headers())
        .containsEntry("ce_specversion", "1.0")
        .containsEntry("ce_id", request.eventId())
        .containsEntry("ce_type", "io.wavesync.SyncRequested.v1")
        .containsEntry("ce_source", "/wavesync/cli")
        .containsEntry("ce_subject", "ok-publish")
        .containsEntry("content-type", "application/json")
        .containsKey("ce_time");
    // the request starts the sync's trace: a valid, sampled W3C traceparent
    assertThat(received.headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
        .satisfies(tp -> assertThat(io.wavesync.events.TraceParent.isValid(tp)).isTrue());
    assertThat(request.operationId()).isEqualTo(operationId);
    assertThat(request.requestedBy()).matches(".+@.+");
    assertThat(request.revision()).isEqualTo("4f2a9c1");
    assertThat(request.destinationNamespace()).isEqualTo("hooks-demo");
    assertThat(request.options().dryRun()).isTrue();
    assertThat(request.options().prune()).isTrue();
    assertThat(request.options().strategy()).isEqualTo(SyncStrategy.HOOK);
    assertThat(request.options().retry())
        .isEqualTo(new RetryPolicy(3, new Backoff("10s", 2, "3m")));
    assertThat(request.options().timeout()).isEqualTo("10m");
    assertThat(request.options().waveDelay()).isEqualTo("1s");
    assertThat(request.options().hookTimeout()).isEqualTo("2m");
    assertThat(request.options().syncOptions())
        .containsExactly("CreateNamespace=true", "PruneLast=true");

    List<Manifest> sent = ManifestLoader.parse(request.manifests(), "request");
    List<Manifest> files = ManifestLoader.load(Path.of(Cli.example("hooks-demo")));
    assertThat(sent).extracting(Manifest::object)
        .containsExactlyElementsOf(files.stream().map(Manifest::object).toList());
  }

  @Test
  void aRetryLimitAloneUsesArgoCdsDefaultBackoff() {
    Cli.Result r = sync("ok-retry", "--retry-limit", "2");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(operationIdOf("ok-retry") + "\n");
    SyncRequested request =
        (SyncRequested) KafkaStack.planner().requests("ok-retry").get(0).event();
    assertThat(request.options().retry())
        .isEqualTo(new RetryPolicy(2, new Backoff("5s", 2, "3m")));
    assertThat(request.destinationNamespace()).isEqualTo("default");
  }

  @Test
  void badManifestsExit2WithFileDocumentAndLineAndPublishNothing() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fine
        ---
        apiVersion: v1
        metadata:
          name: what-am-i
        """);

    Cli.Result r = Cli.run("sync", "bad-manifests", "-f", broken.toString(), "--wait",
        "--bootstrap-server", KafkaStack.bootstrapServers());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(broken + ": document 2 (line 6): kind is missing\n");
    // a request published anyway would have reached the stand-in by the time a good one does
    assertThat(sync("ok-after-bad").exitCode()).isZero();
    assertThat(operationIdOf("ok-after-bad")).isNotBlank();
    assertThat(KafkaStack.planner().requests("bad-manifests")).isEmpty();
  }

  @Test
  void aDirectoryWithoutManifestsExits2() {
    Cli.Result r = Cli.run("sync", "empty", "-f", dir.toString(),
        "--bootstrap-server", KafkaStack.bootstrapServers());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("no manifests found in " + dir);
  }
}
