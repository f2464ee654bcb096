package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.manifest.Manifest;
import io.wavesync.engine.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTextTest {

  @TempDir Path dir;

  private static void assertRoundTrip(List<Manifest> loaded) throws Exception {
    String text = ManifestText.of(loaded);
    List<Manifest> parsed = ManifestLoader.parse(text, "request");
    assertThat(parsed).extracting(Manifest::object)
        .containsExactlyElementsOf(loaded.stream().map(Manifest::object).toList());
  }

  @Test
  void everyExampleReadsBackAsTheSameObjects() throws Exception {
    for (String example : List.of("hooks-demo", "hooks-demo-failing-migration", "helm-hooks")) {
      assertRoundTrip(ManifestLoader.load(Path.of(Cli.example(example))));
    }
  }

  @Test
  void listsAreSentAsTheirItemsOneDocumentEach() throws Exception {
    Path list = Files.writeString(dir.resolve("list.yaml"), """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: b}
        """);
    List<Manifest> loaded = ManifestLoader.load(list);

    String text = ManifestText.of(loaded);

    assertThat(text.lines().filter(l -> l.equals("---"))).hasSize(2);
    assertRoundTrip(loaded);
  }

  @Test
  void valuesKeepTheirTypes() throws Exception {
    Path tricky = Files.writeString(dir.resolve("tricky.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: tricky
          annotations:
            argocd.argoproj.io/sync-wave: "-5"
        data:
          yes: "yes"
          mode: "0755"
          empty: ""
          version: "1.10"
          nothing: "null"
          script: |
            #!/bin/sh
            echo "quoted: 'a' \\\\ b"

            exit 0
          trailing: "ends with spaces   "
        """);

    assertRoundTrip(ManifestLoader.load(tricky));
  }
}
