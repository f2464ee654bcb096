package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.events.OperationUpdated;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.ResourceResultView;
import io.wavesync.events.payload.SyncPhase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveViewTest {

  private static final String ESC = "\u001b";
  private static final String OP = "0c8e2d4a-5b6f-4e3d-9a1b-2c3d4e5f6a7b";

  private final AtomicLong nanos = new AtomicLong();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private LiveView view(Terminal terminal) {
    return LiveView.follow(new PrintWriter(out), new PrintWriter(err), terminal, "hooks-demo", OP,
        nanos::get);
  }

  private static OperationUpdated update(OperationPhase phase, String message,
      ResourceResultView... resources) {
    return new OperationUpdated("5b0e8f1c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", OperationUpdated.TYPE, 1,
        Instant.parse("2026-03-01T10:00:01Z"), "hooks-demo", OP, phase, message, null, false,
        StandInPlanner.STARTED, phase.isCompleted() ? StandInPlanner.FINISHED : null, 0,
        phase.isCompleted() ? null : SyncPhase.PreSync, phase.isCompleted() ? null : 0L, null,
        List.of(resources));
  }

  private void advance(long millis) {
    nanos.addAndGet(millis * 1_000_000);
  }

  @Test
  void onATerminalTheViewIsRedrawnInPlaceAndFitsTheWidth() {
    LiveView view = view(new Terminal(true, 100));
    view.start();
    advance(400);
    view.update(update(OperationPhase.Running, "waiting for completion of hook batch/Job/backup-database",
        StandInPlanner.backup(HookPhase.Running)));
    advance(1200);
    view.update(update(OperationPhase.Running, "waiting for completion of hook batch/Job/db-migrate",
        StandInPlanner.backup(HookPhase.Succeeded), StandInPlanner.migrate(HookPhase.Running)));
    advance(900);
    view.finish(update(OperationPhase.Failed, "one or more synchronization tasks completed"
        + " unsuccessfully, reason: Job has reached the specified backoff limit",
        StandInPlanner.backup(HookPhase.Succeeded), StandInPlanner.migrate(HookPhase.Failed)));

    String text = out.toString();
    assertThat(text).startsWith(ESC + "[?25l").contains(ESC + "[?25h");
    // every frame after the first moves back up over the previous one
    assertThat(text).contains("\r" + ESC + "[2A").contains("\r" + ESC + "[6A");
    String plain = text.replaceAll(ESC + "\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
    for (String line : plain.split("\n")) {
      if (!line.startsWith("  ") && !line.startsWith("Log of") && !line.startsWith("Failed:")) {
        assertThat(line.length()).as(line).isLessThanOrEqualTo(99);
      }
    }
    assertThat(plain).contains("Phase: Running (PreSync wave 0)   Elapsed: 1.6s");
    assertThat(plain).containsPattern("PreSync +-5 +Job +backup-database +PreSync +Succeeded +1\\.2s");
    assertThat(plain).containsPattern("PreSync +0 +Job +db-migrate +PreSync +Failed +0\\.9s +Job has reached the [a-z]+\\.\\.\\.\n");
    assertThat(plain).contains("Failed: one or more synchronization tasks completed unsuccessfully,"
        + " reason: Job has reached the specified backoff limit\n");
    assertThat(plain).endsWith("  Migration 0042 failed\n  [sandbox] container migrate exited with"
        + " code 1 (Error)\n");
  }

  @Test
  void elsewhereEachChangeIsOneAppendedLine() {
    LiveView view = view(Terminal.PLAIN);
    view.start();
    advance(400);
    view.update(update(OperationPhase.Running, "waiting for completion of hook batch/Job/backup-database",
        StandInPlanner.backup(HookPhase.Running)));
    advance(100);
    view.tick();
    // the same state again adds nothing
    view.update(update(OperationPhase.Running, "waiting for completion of hook batch/Job/backup-database",
        StandInPlanner.backup(HookPhase.Running)));
    advance(1100);
    view.finish(update(OperationPhase.Succeeded, "successfully synced (no more tasks)",
        StandInPlanner.backup(HookPhase.Succeeded)));

    assertThat(out.toString()).isEqualTo("""
        Following operation %s of hooks-demo
        [   0.4s] Running (PreSync wave 0): waiting for completion of hook batch/Job/backup-database
        [   0.4s] PreSync wave -5  Job backup-database  PreSync hook  Running  job is running
        [   1.6s] PreSync wave -5  Job backup-database  PreSync hook  Succeeded in 1.2s  job completed
        Succeeded: successfully synced (no more tasks)
        """.formatted(OP));
  }

  @Test
  void aHintWhileNothingHappensIsShownInTheHeader() {
    LiveView view = view(new Terminal(true, 120));
    view.start();
    view.hint("no update of operation " + OP + " after 15 s: is planner-service running?");

    assertThat(out.toString()).contains("is planner-service running?" + ESC + "[K\n");
    view.abandon();
    assertThat(out.toString()).endsWith(ESC + "[?25h\n");
  }

  @Test
  void durationsAreFormattedForPeople() {
    assertThat(RowTimings.format(java.time.Duration.ofMillis(420))).isEqualTo("0.4s");
    assertThat(RowTimings.format(java.time.Duration.ofMillis(12_345))).isEqualTo("12.3s");
    assertThat(RowTimings.format(java.time.Duration.ofSeconds(125))).isEqualTo("2m05s");
    assertThat(RowTimings.format(java.time.Duration.ofMinutes(62))).isEqualTo("1h02m");
  }
}
