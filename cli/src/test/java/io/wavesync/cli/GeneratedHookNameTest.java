package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedHookNameTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path manifest;

  @BeforeEach
  void writeManifest() throws IOException {
    manifest = Files.writeString(dir.resolve("hook.yaml"), """
        apiVersion: batch/v1
        kind: Job
        metadata:
          generateName: db-check-
          annotations:
            argocd.argoproj.io/hook: PreSync,PostSync
        """);
  }

  @Test
  void generateNameHookIsNamedAfterRevisionPhaseAndStartSeconds() throws IOException {
    JsonNode plan = plan(Cli.run("plan", "-f", manifest.toString(), "--revision", "FooBarBaz",
        "-o", "json"));

    // Cli.NOW is 2026-03-01T10:00:00Z = 1772359200; the revision is cut to 7 characters, lower-cased
    assertThat(plan.at("/tasks/0/name").asText()).isEqualTo("db-check-foobarb-presync-1772359200");
    assertThat(plan.at("/tasks/1/name").asText()).isEqualTo("db-check-foobarb-postsync-1772359200");
  }

  @Test
  void shortRevisionIsUsedWhole() throws IOException {
    JsonNode plan = plan(Cli.run("plan", "-f", manifest.toString(), "--revision", "foobar",
        "-o", "json"));

    assertThat(plan.at("/tasks/0/name").asText()).isEqualTo("db-check-foobar-presync-1772359200");
  }

  @Test
  void startTimeComesFromTheClock() throws IOException {
    Clock later = Clock.fixed(Instant.ofEpochSecond(1800000000L), ZoneOffset.UTC);

    JsonNode plan = plan(Cli.run(later, "plan", "-f", manifest.toString(), "--revision",
        "FooBarBaz", "-o", "json"));

    assertThat(plan.at("/tasks/0/name").asText()).isEqualTo("db-check-foobarb-presync-1800000000");
  }

  @Test
  void startedAtOptionOverridesTheClock() throws IOException {
    JsonNode plan = plan(Cli.run("plan", "-f", manifest.toString(), "--revision", "FooBarBaz",
        "--started-at", "2026-03-02T00:00:30Z", "-o", "json"));

    assertThat(plan.at("/tasks/0/name").asText()).isEqualTo("db-check-foobarb-presync-1772409630");
  }

  @Test
  void invalidStartedAtIsAUsageError() {
    Cli.Result r = Cli.run("plan", "-f", manifest.toString(), "--started-at", "yesterday");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--started-at").contains("yesterday");
  }

  private static JsonNode plan(Cli.Result r) throws IOException {
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }
}
