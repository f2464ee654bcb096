package io.wavesync.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wavesync.engine.model.KubeObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLoaderParseTest {

  @Test
  void multiDocumentYamlYieldsOneManifestPerDocumentWithDocumentAndLine() throws Exception {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: first
        ---
        # a comment before the object
        apiVersion: v1
        kind: Secret
        metadata:
          name: second
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: third
        """;
    List<Manifest> manifests = ManifestLoader.parse(yaml, "app.yaml");
    assertThat(manifests)
        .extracting(m -> m.object().kind(), Manifest::source, Manifest::document, Manifest::line)
        .containsExactly(
            tuple("ConfigMap", "app.yaml", 1, 1),
            tuple("Secret", "app.yaml", 2, 7),
            tuple("ServiceAccount", "app.yaml", 3, 12));
  }

  @Test
  void emptyAndCommentOnlyDocumentsAreSkippedButStillCounted() throws Exception {
    String yaml =
        """
        ---
        ---
        # only a comment
        ---

        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        ---
        """;
    List<Manifest> manifests = ManifestLoader.parse(yaml, "app.yaml");
    assertThat(manifests)
        .extracting(Manifest::document, Manifest::line)
        .containsExactly(tuple(4, 7));
  }

  @Test
  void explicitNullDocumentIsSkipped() throws Exception {
    assertThat(ManifestLoader.parse("~\n---\nnull\n", "empty.yaml")).isEmpty();
  }

  @Test
  void emptyOrCommentOnlySourceYieldsNothing() throws Exception {
    assertThat(ManifestLoader.parse("", "empty.yaml")).isEmpty();
    assertThat(ManifestLoader.parse("# nothing yet\n", "notes.yaml")).isEmpty();
    assertThat(ManifestLoader.parse("  \n", "blank.json")).isEmpty();
  }

  @Test
  void documentEndMarkersAreAccepted() throws Exception {
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n...\n---\n"
            + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n...\n";
    assertThat(ManifestLoader.parse(yaml, "app.yaml"))
        .extracting(m -> m.object().name(), Manifest::document, Manifest::line)
        .containsExactly(tuple("a", 1, 1), tuple("b", 2, 7));
  }

  @Test
  void listIsExpandedIntoItsItemsWithTheLineOfEachItem() throws Exception {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: before
        ---
        apiVersion: v1
        kind: List
        metadata:
          resourceVersion: ""
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: one
        -
          apiVersion: v1
          kind: Secret
          metadata:
            name: two
        - {apiVersion: v1, kind: ServiceAccount, metadata: {name: three}}
        """;
    assertThat(ManifestLoader.parse(yaml, "list.yaml"))
        .extracting(m -> m.object().name(), Manifest::document, Manifest::line)
        .containsExactly(
            tuple("before", 1, 1), tuple("one", 2, 11), tuple("two", 2, 16), tuple("three", 2, 20));
  }

  @Test
  void typedListKindsWithItemsAreExpanded() throws Exception {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMapList
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: one
        """;
    assertThat(ManifestLoader.parse(yaml, "list.yaml"))
        .extracting(m -> m.object().kind(), Manifest::line)
        .containsExactly(tuple("ConfigMap", 4));
  }

  @Test
  void kindEndingInListWithoutItemsIsAnOrdinaryObject() throws Exception {
    String yaml =
        """
        apiVersion: policy.example.com/v1
        kind: AllowList
        metadata:
          name: registries
        spec:
          items: registry.example.com
        """;
    assertThat(ManifestLoader.parse(yaml, "allow.yaml"))
        .extracting(m -> m.object().kind())
        .containsExactly("AllowList");
  }

  @Test
  void emptyListYieldsNothing() throws Exception {
    assertThat(ManifestLoader.parse("apiVersion: v1\nkind: List\nitems: []\n", "l.yaml")).isEmpty();
    assertThat(ManifestLoader.parse("apiVersion: v1\nkind: List\n", "l.yaml")).isEmpty();
  }

  @Test
  void nestedListsAreFlattened() throws Exception {
    String yaml =
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: List
          items:
          - apiVersion: v1
            kind: ConfigMap
            metadata:
              name: inner
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: outer
        """;
    assertThat(ManifestLoader.parse(yaml, "nested.yaml"))
        .extracting(m -> m.object().name(), Manifest::line)
        .containsExactly(tuple("inner", 7), tuple("outer", 11));
  }

  @Test
  void jsonSourceHoldsOneObject() throws Exception {
    String json =
        """
        {
          "apiVersion": "v1",
          "kind": "ConfigMap",
          "metadata": {"name": "settings"},
          "data": {"replicas": "3"}
        }
        """;
    assertThat(ManifestLoader.parse(json, "settings.json"))
        .extracting(m -> m.object().name(), Manifest::document, Manifest::line)
        .containsExactly(tuple("settings", 1, 1));
  }

  @Test
  void jsonListIsExpanded() throws Exception {
    String json =
        """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}
        ]}
        """;
    assertThat(ManifestLoader.parse(json, "list.json"))
        .extracting(m -> m.object().name(), Manifest::document, Manifest::line)
        .containsExactly(tuple("a", 1, 2), tuple("b", 1, 3));
  }

  @Test
  void jsonWithoutJsonExtensionIsReadAsYaml() throws Exception {
    String json =
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}";
    assertThat(ManifestLoader.parse(json, "inline")).hasSize(1);
  }

  @Test
  void objectsWithoutNameOrMetadataAreLoaded() throws Exception {
    String yaml =
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          generateName: migrate-
        ---
        apiVersion: v1
        kind: ConfigMap
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name:
        """;
    assertThat(ManifestLoader.parse(yaml, "app.yaml"))
        .extracting(m -> m.object().name(), m -> m.object().generateName())
        .containsExactly(tuple("", "migrate-"), tuple("", ""), tuple("", ""));
  }

  @Test
  void scalarValuesKeepTheirYamlTypes() throws Exception {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          creationTimestamp: 2025-03-04T10:00:00Z
          annotations:
            argocd.argoproj.io/sync-wave: "-1"
        spec:
          replicas: 3
          paused: false
          minReadySeconds: 0x10
          progressDeadlineSeconds: 12345678901
          template:
            spec:
              terminationGracePeriodSeconds: 1.5
              nodeSelector: null
        """;
    KubeObject d = ManifestLoader.parse(yaml, "d.yaml").get(0).object();
    assertThat(d.path("spec", "replicas").isInt()).isTrue();
    assertThat(d.path("spec", "replicas").asInt()).isEqualTo(3);
    assertThat(d.path("spec", "paused").isBoolean()).isTrue();
    assertThat(d.path("spec", "minReadySeconds").asInt()).isEqualTo(16);
    assertThat(d.path("spec", "progressDeadlineSeconds").asLong()).isEqualTo(12345678901L);
    assertThat(d.path("spec", "template", "spec", "terminationGracePeriodSeconds").asDouble())
        .isEqualTo(1.5);
    assertThat(d.path("spec", "template", "spec", "nodeSelector").isNull()).isTrue();
    assertThat(d.creationTimestamp()).isEqualTo("2025-03-04T10:00:00Z");
    assertThat(d.annotation("argocd.argoproj.io/sync-wave")).isEqualTo("-1");
  }

  @Test
  void byteOrderMarkIsIgnored() throws Exception {
    String yaml = "\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bom\n";
    assertThat(ManifestLoader.parse(yaml, "bom.yaml"))
        .extracting(m -> m.object().name(), Manifest::line)
        .containsExactly(tuple("bom", 1));
  }

  @Test
  void locationNamesSourceDocumentAndLine() throws Exception {
    Manifest m =
        ManifestLoader.parse("---\n---\napiVersion: v1\nkind: ConfigMap\n", "dir/app.yaml").get(0);
    assertThat(m.location()).isEqualTo("dir/app.yaml: document 2 (line 3)");
  }
}
