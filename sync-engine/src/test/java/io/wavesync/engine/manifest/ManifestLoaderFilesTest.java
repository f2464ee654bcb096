package io.wavesync.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wavesync.engine.manifest.ManifestException.Problem;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderFilesTest {

  private static final String CONFIG_MAP =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n";

  @TempDir Path dir;

  private static Path app() throws URISyntaxException {
    return Path.of(ManifestLoaderFilesTest.class.getResource("/manifest/app").toURI());
  }

  private Path write(String relative, String content) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void directoryIsWalkedRecursivelyInNameOrderSkippingHiddenAndOtherFiles() throws Exception {
    Path app = app();
    List<Manifest> manifests = ManifestLoader.load(app);
    assertThat(manifests)
        .extracting(
            m -> m.object().kind(),
            m -> app.relativize(Path.of(m.source())).toString(),
            Manifest::document,
            Manifest::line)
        .containsExactly(
            tuple("Namespace", "00-namespace.yaml", 1, 1),
            tuple("Deployment", "base/deployment.yaml", 1, 3),
            tuple("Service", "base/deployment.yaml", 4, 32),
            tuple("ConfigMap", "base/settings.json", 1, 1),
            tuple("ServiceAccount", "base.yaml", 1, 3),
            tuple("Pod", "hooks/postsync-list.yaml", 1, 5),
            tuple("ConfigMap", "hooks/postsync-list.yaml", 1, 18),
            tuple("Job", "hooks/presync-migrate.yml", 1, 1));
  }

  @Test
  void sourceIsTheFilePathUnderTheGivenDirectory() throws Exception {
    write("a.yaml", CONFIG_MAP.formatted("a"));
    assertThat(ManifestLoader.load(dir).get(0).source())
        .isEqualTo(dir.resolve("a.yaml").toString());
  }

  @Test
  void fileNamedExplicitlyIsLoadedWhateverItsExtension() throws Exception {
    Path file = write(".rendered.txt", CONFIG_MAP.formatted("rendered"));
    assertThat(ManifestLoader.load(file))
        .extracting(m -> m.object().name(), Manifest::source)
        .containsExactly(tuple("rendered", file.toString()));
  }

  @Test
  void jsonFileIsParsedAsJson() throws Exception {
    Path file =
        write(
            "cm.json",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"}}");
    assertThat(ManifestLoader.load(file)).extracting(m -> m.object().name()).containsExactly("j");
  }

  @Test
  void pathsAreLoadedInTheGivenOrder() throws Exception {
    Path b = write("b.yaml", CONFIG_MAP.formatted("b"));
    Path a = write("a.yaml", CONFIG_MAP.formatted("a"));
    assertThat(ManifestLoader.load(List.of(b, a)))
        .extracting(m -> m.object().name())
        .containsExactly("b", "a");
  }

  @Test
  void symbolicLinksToDirectoriesAreNotFollowed() throws Exception {
    write("real/a.yaml", CONFIG_MAP.formatted("a"));
    Files.createSymbolicLink(dir.resolve("zlink"), dir.resolve("real"));
    assertThat(ManifestLoader.load(dir)).extracting(m -> m.object().name()).containsExactly("a");
  }

  @Test
  void emptyDirectoryYieldsNothing() throws Exception {
    assertThat(ManifestLoader.load(dir)).isEmpty();
  }

  @Test
  void missingPathIsAProblem() {
    Path missing = dir.resolve("nope");
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(missing));
    assertThat(e.getMessage()).isEqualTo(missing + ": no such file or directory");
    assertThat(e.document()).isZero();
    assertThat(e.line()).isZero();
  }

  @Test
  void fileThatIsNotUtf8IsAProblem() throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "metadata:\n  name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(file));
    assertThat(e.getMessage()).isEqualTo(file + ": not valid UTF-8");
  }

  @Test
  void oneBadFileAmongGoodOnesLoadsNothingAndNamesTheBadFile() throws Exception {
    write("01-good.yaml", CONFIG_MAP.formatted("one"));
    Path bad = write("02-bad.yaml", CONFIG_MAP.formatted("two") + "---\napiVersion: v1\n");
    write("03-good.yaml", CONFIG_MAP.formatted("three"));
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(dir));
    assertThat(e.getMessage()).isEqualTo(bad + ": document 2 (line 6): kind is missing");
  }

  @Test
  void problemsOfAllFilesAreCollected() throws Exception {
    Path first = write("a/first.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [x]\n");
    write("b/fine.yaml", CONFIG_MAP.formatted("fine"));
    Path json = write("c/broken.json", "{\"apiVersion\": \"v1\",\n\"kind\": }\n");
    Path syntax = write("d/syntax.yml", CONFIG_MAP.formatted("x") + "---\n: : :\n  - [\n");
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> ManifestLoader.load(dir));
    assertThat(e.problems())
        .extracting(Problem::source, Problem::document, Problem::line)
        .containsExactly(
            tuple(first.toString(), 1, 3),
            tuple(json.toString(), 1, 2),
            tuple(syntax.toString(), 2, 6));
    assertThat(e.getMessage().lines()).hasSize(3);
  }

  @Test
  void tenThousandObjectsLoadQuickly() throws Exception {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      yaml.append("---\n")
          .append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n")
          .append("  name: settings-")
          .append(i)
          .append('\n')
          .append("  namespace: shop\n  labels:\n    app: shop\n  annotations:\n")
          .append("    argocd.argoproj.io/sync-wave: \"")
          .append(i % 7)
          .append("\"\n")
          .append("data:\n  LOG_LEVEL: info\n  TIMEOUT: \"30s\"\n");
    }
    Path file = write("big.yaml", yaml.toString());
    List<Manifest> manifests =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ManifestLoader.load(file));
    assertThat(manifests).hasSize(10_000);
    Manifest last = manifests.get(9_999);
    assertThat(last.object().name()).isEqualTo("settings-9999");
    assertThat(last.document()).isEqualTo(10_000);
    assertThat(last.line()).isEqualTo(9_999 * 13 + 2);
  }
}
