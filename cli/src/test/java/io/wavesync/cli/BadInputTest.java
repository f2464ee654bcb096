package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

  @TempDir Path dir;

  @Test
  void unparseableYamlExitsWith2AndNamesFileDocumentAndLine() throws IOException {
    Path f = Files.writeString(dir.resolve("broken.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fine
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: broken
          labels: [unclosed
        """);

    Cli.Result r = Cli.run("plan", "-f", f.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith(f + ": document 2 (line ").contains("invalid YAML");
  }

  @Test
  void missingKindExitsWith2AndNamesFileDocumentAndLine() throws IOException {
    Path f = Files.writeString(dir.resolve("nokind.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fine
        ---
        apiVersion: v1
        metadata:
          name: what-am-i
        """);

    Cli.Result r = Cli.run("plan", "-f", f.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(f + ": document 2 (line 6): kind is missing\n");
  }

  @Test
  void missingApiVersionExitsWith2() throws IOException {
    Path f = Files.writeString(dir.resolve("noversion.yaml"), """
        kind: ConfigMap
        metadata:
          name: settings
        """);

    Cli.Result r = Cli.run("plan", "-f", f.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(f + ": document 1 (line 1): apiVersion is missing\n");
  }

  @Test
  void everyProblemOfEveryFileIsReportedAtOnce() throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), "kind: ConfigMap\n");
    Path b = Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\n");

    Cli.Result r = Cli.run("plan", "-f", a.toString(), "-f", b.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines())
        .containsExactly(
            a + ": document 1 (line 1): apiVersion is missing",
            b + ": document 1 (line 1): kind is missing");
  }

  @Test
  void missingPathExitsWith2() {
    Path nowhere = dir.resolve("does-not-exist");

    Cli.Result r = Cli.run("plan", "-f", nowhere.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(nowhere + ": no such file or directory\n");
  }

  @Test
  void planWithoutFilenameIsAUsageError() {
    Cli.Result r = Cli.run("plan");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--filename=PATH'");
  }

  @Test
  void unknownOutputFormatIsAUsageError() {
    Cli.Result r = Cli.run("plan", "-f", Cli.example("hooks-demo"), "-o", "yaml");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--output").contains("yaml");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    Cli.Result r = Cli.run("deploy");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("deploy");
  }

  @Test
  void noSubcommandPrintsUsageAsAUsageError() {
    Cli.Result r = Cli.run();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Usage: wavesync").contains("plan");
  }
}
