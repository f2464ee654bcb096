package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void hooksDemoTasksComeInSpecOrderPhaseThenWaveThenKindThenName() throws IOException {
    Cli.Result r = Cli.run("plan", "-f", Cli.example("hooks-demo"), "-o", "json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode plan = JSON.readTree(r.out());
    List<JsonNode> tasks = new ArrayList<>();
    plan.get("tasks").forEach(tasks::add);
    assertThat(tasks)
        .extracting(
            t -> t.get("phase").asText(),
            t -> t.get("wave").asLong(),
            t -> t.get("group").asText(),
            t -> t.get("kind").asText(),
            t -> t.get("namespace").asText(),
            t -> t.get("name").asText(),
            t -> t.get("hook").asBoolean(),
            t -> strings(t.get("hookTypes")),
            t -> strings(t.get("deletePolicies")))
        .containsExactly(
            tuple("PreSync", -5L, "batch", "Job", "default", "backup-database", true,
                List.of("PreSync"), List.of("HookSucceeded")),
            tuple("PreSync", 0L, "batch", "Job", "default", "db-migrate", true,
                List.of("PreSync"), List.of("BeforeHookCreation")),
            tuple("PreSync", 5L, "batch", "Job", "default", "seed-database", true,
                List.of("PreSync"), List.of("BeforeHookCreation")),
            // Sync wave 0: kind order ConfigMap < Service < Deployment
            tuple("Sync", 0L, "", "ConfigMap", "default", "myapp-config", false,
                List.of(), List.of()),
            tuple("Sync", 0L, "", "Service", "default", "myapp", false, List.of(), List.of()),
            tuple("Sync", 0L, "apps", "Deployment", "default", "myapp", false,
                List.of(), List.of()),
            // same phase, wave and kind: by name
            tuple("PostSync", 0L, "batch", "Job", "default", "notify-deployment", true,
                List.of("PostSync"), List.of("HookSucceeded")),
            tuple("PostSync", 0L, "batch", "Job", "default", "smoke-test", true,
                List.of("PostSync"), List.of("HookSucceeded")),
            tuple("PostSync", 0L, "batch", "Job", "default", "warm-cache", true,
                List.of("PostSync"), List.of("HookSucceeded")),
            tuple("SyncFail", 0L, "batch", "Job", "default", "notify-failure", true,
                List.of("SyncFail"), List.of("HookSucceeded")));
    assertThat(plan.get("skipped")).isEmpty();
    assertThat(plan.get("ignored")).isEmpty();
  }

  @Test
  void failingMigrationVariantPlansExactlyLikeHooksDemo() {
    Cli.Result demo = Cli.run("plan", "-f", Cli.example("hooks-demo"), "-o", "json");
    Cli.Result failing =
        Cli.run("plan", "-f", Cli.example("hooks-demo-failing-migration"), "-o", "json");

    assertThat(failing.exitCode()).isZero();
    assertThat(failing.out()).isEqualTo(demo.out());
  }

  @Test
  void jsonLayoutIsPrettyPrintedWithFixedFieldOrder() throws IOException {
    Path f = write("app.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          namespace: db
          annotations:
            argocd.argoproj.io/hook: PreSync
            argocd.argoproj.io/sync-wave: "-1"
            argocd.argoproj.io/hook-delete-policy: HookSucceeded,HookFailed
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: reserved-credentials
          annotations:
            argocd.argoproj.io/hook: Skip
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: typo
          annotations:
            argocd.argoproj.io/hook: presync
        """);

    Cli.Result r = Cli.run("plan", "-f", f.toString(), "--namespace", "shop", "-o", "json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("""
        {
          "tasks": [
            {
              "phase": "PreSync",
              "wave": -1,
              "group": "batch",
              "kind": "Job",
              "namespace": "db",
              "name": "migrate",
              "hook": true,
              "hookTypes": [
                "PreSync"
              ],
              "deletePolicies": [
                "HookSucceeded",
                "HookFailed"
              ]
            },
            {
              "phase": "Sync",
              "wave": 0,
              "group": "",
              "kind": "ConfigMap",
              "namespace": "shop",
              "name": "settings",
              "hook": false,
              "hookTypes": [],
              "deletePolicies": []
            }
          ],
          "skipped": [
            {
              "kind": "Secret",
              "namespace": "shop",
              "name": "reserved-credentials"
            }
          ],
          "ignored": [
            {
              "kind": "Pod",
              "namespace": "shop",
              "name": "typo",
              "reason": "no supported hook type in argocd.argoproj.io/hook=\\"presync\\""
            }
          ]
        }
        """);
  }

  @Test
  void hookWithTwoPhasesAppearsOncePerPhase() throws IOException {
    Path f = write("hook.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: marker
          annotations:
            argocd.argoproj.io/hook: PostSync,PreSync
        """);

    JsonNode plan = JSON.readTree(Cli.run("plan", "-f", f.toString(), "-o", "json").out());

    assertThat(plan.get("tasks"))
        .extracting(t -> t.get("phase").asText(), t -> t.get("name").asText())
        .containsExactly(tuple("PreSync", "marker"), tuple("PostSync", "marker"));
  }

  @Test
  void namespaceDefaultsToDefault() throws IOException {
    Path f = write("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        """);

    JsonNode plan = JSON.readTree(Cli.run("plan", "-f", f.toString(), "-o", "json").out());

    assertThat(plan.at("/tasks/0/namespace").asText()).isEqualTo("default");
  }

  @Test
  void helmExampleShowsMappedHooksSkippedAndIgnoredObjects() throws IOException {
    Cli.Result r = Cli.run("plan", "-f", Cli.example("helm-hooks"), "--revision", "4f2a9c1e77d0",
        "-o", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode plan = JSON.readTree(r.out());
    assertThat(plan.get("tasks"))
        .extracting(
            t -> t.get("phase").asText(),
            t -> t.get("wave").asLong(),
            t -> t.get("kind").asText(),
            t -> t.get("name").asText(),
            t -> strings(t.get("deletePolicies")))
        .containsExactly(
            tuple("PreSync", -1L, "Job", "db-init", List.of("BeforeHookCreation", "HookSucceeded")),
            tuple("Sync", 0L, "CustomResourceDefinition", "backupschedules.example.com", List.of()),
            tuple("Sync", 0L, "Service", "web", List.of()),
            tuple("Sync", 0L, "Deployment", "web", List.of()),
            tuple("Sync", 0L, "BackupSchedule", "nightly", List.of()),
            tuple("Sync", 1L, "ConfigMap", "web-feature-flags", List.of()),
            tuple("PostSync", 5L, "Job", "web-announce-4f2a9c1-postsync-1772359200",
                List.of("HookSucceeded")));
    assertThat(plan.get("skipped"))
        .extracting(s -> s.get("name").asText())
        .containsExactly("web-admission-create");
    assertThat(plan.get("ignored"))
        .extracting(i -> i.get("name").asText(), i -> i.get("reason").asText())
        .containsExactlyInAnyOrder(
            tuple("drain-connections",
                "PreDelete/PostDelete hook: runs only when the application is deleted"),
            tuple("web-test-connection", "no supported hook type in helm.sh/hook=\"test\""));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
