package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTableTest {

  @TempDir Path dir;

  @Test
  void hooksDemoTableIsGroupedByPhaseAndWaveWithAlignedColumns() {
    Cli.Result r =
        Cli.run("plan", "-f", Cli.example("hooks-demo"), "--app", "myapp", "--revision", "v1.4.2");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        Plan for myapp in namespace default, revision v1.4.2: 10 tasks

          KIND        NAMESPACE  NAME               HOOK      DELETE POLICY
        PreSync wave -5
          Job         default    backup-database    PreSync   HookSucceeded
        PreSync wave 0
          Job         default    db-migrate         PreSync   BeforeHookCreation
        PreSync wave 5
          Job         default    seed-database      PreSync   BeforeHookCreation
        Sync wave 0
          ConfigMap   default    myapp-config       -         -
          Service     default    myapp              -         -
          Deployment  default    myapp              -         -
        PostSync wave 0
          Job         default    notify-deployment  PostSync  HookSucceeded
          Job         default    smoke-test         PostSync  HookSucceeded
          Job         default    warm-cache         PostSync  HookSucceeded
        SyncFail wave 0 (only if the sync fails)
          Job         default    notify-failure     SyncFail  HookSucceeded
        """);
  }

  @Test
  void tableIsTheDefaultOutputAndNamesTheApplicationAfterTheFirstPath() {
    Cli.Result r = Cli.run("plan", "-f", Cli.example("hooks-demo"));

    assertThat(r.out()).startsWith("Plan for hooks-demo in namespace default, revision (none): 10 tasks\n");
  }

  @Test
  void skippedAndIgnoredSectionsFollowTheTasksWithSharedColumnWidths() throws IOException {
    Path f = Files.writeString(dir.resolve("app.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: legacy-operator-account
          annotations:
            argocd.argoproj.io/hook: Skip
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: cleanup
          annotations:
            argocd.argoproj.io/hook: PreDelete
        """);

    Cli.Result r = Cli.run("plan", "-f", f.toString(), "-n", "shop");

    assertThat(r.out()).isEqualTo("""
        Plan for app in namespace shop, revision (none): 1 task

          KIND            NAMESPACE  NAME                     HOOK  DELETE POLICY
        Sync wave 0
          ConfigMap       shop       settings                 -     -

        Skipped (hook: Skip, never applied)
          KIND            NAMESPACE  NAME
          ServiceAccount  shop       legacy-operator-account

        Ignored (not part of a sync)
          KIND            NAMESPACE  NAME                     REASON
          Job             shop       cleanup                  PreDelete/PostDelete hook: runs only when the application is deleted
        """);
  }

  @Test
  void emptyInputPlansNothing() throws IOException {
    Path f = Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");

    Cli.Result r = Cli.run("plan", "-f", f.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Plan for empty in namespace default, revision (none): 0 tasks\n");
  }
}
