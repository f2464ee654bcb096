package io.wavesync.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.wavesync.engine.manifest.ManifestException.Problem;
import org.junit.jupiter.api.Test;

class ManifestLoaderErrorTest {

  private static ManifestException failure(String content, String source) {
    return catchThrowableOfType(
        ManifestException.class, () -> ManifestLoader.parse(content, source));
  }

  @Test
  void yamlSyntaxErrorReportsTheLineOfTheError() {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: ok
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: broken
          labels: [a, b
        data:
          key: value
        """;
    ManifestException e = failure(yaml, "app.yaml");
    assertThat(e.source()).isEqualTo("app.yaml");
    assertThat(e.document()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(11);
    assertThat(e.getMessage())
        .startsWith("app.yaml: document 2 (line 11): invalid YAML: ")
        .contains("while parsing a flow sequence at line 10, column 11");
  }

  @Test
  void yamlSyntaxErrorAtTheStartOfADocumentBelongsToThatDocument() {
    String yaml = "apiVersion: v1\nkind: ConfigMap\n---\n\tkind: Secret\n";
    ManifestException e = failure(yaml, "tabs.yaml");
    assertThat(e.getMessage())
        .isEqualTo(
            "tabs.yaml: document 2 (line 4): invalid YAML: found character '\\t(TAB)' that cannot"
                + " start any token. (Do not use \\t(TAB) for indentation) (while scanning for the"
                + " next token)");
  }

  @Test
  void badIndentationIsASyntaxErrorWithItsLine() {
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n namespace: b\n";
    ManifestException e = failure(yaml, "indent.yaml");
    assertThat(e.document()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(5);
  }

  @Test
  void missingKindIsReportedWithTheDocumentLine() {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        ---
        # the Secret below lost its kind
        apiVersion: v1
        metadata:
          name: creds
        """;
    ManifestException e = failure(yaml, "app.yaml");
    assertThat(e.getMessage()).isEqualTo("app.yaml: document 2 (line 5): kind is missing");
  }

  @Test
  void missingApiVersionIsReported() {
    ManifestException e = failure("kind: ConfigMap\nmetadata:\n  name: a\n", "cm.yaml");
    assertThat(e.getMessage()).isEqualTo("cm.yaml: document 1 (line 1): apiVersion is missing");
  }

  @Test
  void nullApiVersionCountsAsMissing() {
    ManifestException e = failure("apiVersion:\nkind: ConfigMap\n", "cm.yaml");
    assertThat(e.getMessage()).isEqualTo("cm.yaml: document 1 (line 1): apiVersion is missing");
  }

  @Test
  void emptyOrNonStringApiVersionAndKindAreReportedAtTheirOwnLines() {
    String yaml = "metadata:\n  name: a\napiVersion: \"\"\nkind: 42\n";
    ManifestException e = failure(yaml, "cm.yaml");
    assertThat(e.problems())
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            tuple(3, "apiVersion must be a non-empty string, found an empty string"),
            tuple(4, "kind must be a non-empty string, found a number"));
  }

  @Test
  void scalarDocumentIsNotAKubernetesObject() {
    ManifestException e = failure("---\njust some text\n", "notes.yaml");
    assertThat(e.getMessage())
        .isEqualTo(
            "notes.yaml: document 1 (line 2): expected a Kubernetes object (a mapping), found a"
                + " string");
  }

  @Test
  void sequenceDocumentIsNotAKubernetesObject() {
    ManifestException e = failure("- apiVersion: v1\n  kind: ConfigMap\n", "seq.yaml");
    assertThat(e.getMessage())
        .isEqualTo(
            "seq.yaml: document 1 (line 1): expected a Kubernetes object (a mapping), found a"
                + " sequence");
  }

  @Test
  void metadataThatIsNotAMappingIsReportedAtItsLine() {
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: settings\n";
    ManifestException e = failure(yaml, "cm.yaml");
    assertThat(e.getMessage())
        .isEqualTo("cm.yaml: document 1 (line 3): metadata must be a mapping, found a string");
  }

  @Test
  void nonStringNameIsReportedAtItsLine() {
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: shop\n  name: 2024\n";
    ManifestException e = failure(yaml, "cm.yaml");
    assertThat(e.getMessage())
        .isEqualTo("cm.yaml: document 1 (line 5): metadata.name must be a string, found a number");
  }

  @Test
  void nonStringGenerateNameAndNamespaceAreReported() {
    String yaml =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: [x]\n  namespace: {a: b}\n";
    assertThat(failure(yaml, "pod.yaml").problems())
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            tuple(4, "metadata.generateName must be a string, found a sequence"),
            tuple(5, "metadata.namespace must be a string, found a mapping"));
  }

  @Test
  void unquotedAnnotationValueIsReportedAtItsLine() {
    String yaml =
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          annotations:
            argocd.argoproj.io/hook: PreSync
            argocd.argoproj.io/sync-wave: -1
          labels: {team: shop, tier: 2}
        """;
    assertThat(failure(yaml, "job.yaml").problems())
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            tuple(
                7,
                "metadata.annotations[argocd.argoproj.io/sync-wave] must be a string, found a"
                    + " number (quote the value)"),
            tuple(8, "metadata.labels[tier] must be a string, found a number (quote the value)"));
  }

  @Test
  void labelsThatAreNotAMappingAreReported() {
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n  - app\n";
    assertThat(failure(yaml, "cm.yaml").getMessage())
        .isEqualTo(
            "cm.yaml: document 1 (line 4): metadata.labels must be a mapping, found a sequence");
  }

  @Test
  void badListItemsAreReportedWithTheirIndexAndLine() {
    String yaml =
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ConfigMap
        - just a string
        - apiVersion: v1
          metadata:
            name: no-kind
        """;
    assertThat(failure(yaml, "list.yaml").getMessage())
        .isEqualTo(
            """
            list.yaml: document 1 (line 6): items[1]: expected a Kubernetes object (a mapping), \
            found a string
            list.yaml: document 1 (line 7): items[2]: kind is missing\
            """);
  }

  @Test
  void listWhoseItemsAreNotASequenceIsReported() {
    String yaml = "apiVersion: v1\nkind: List\nitems:\n  a: b\n";
    assertThat(failure(yaml, "list.yaml").getMessage())
        .isEqualTo("list.yaml: document 1 (line 3): items must be a sequence, found a mapping");
  }

  @Test
  void yamlAliasesAreRefused() {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          labels: &common
            team: shop
          annotations: *common
        """;
    assertThat(failure(yaml, "alias.yaml").getMessage())
        .isEqualTo("alias.yaml: document 1 (line 7): YAML aliases are not supported (*common)");
  }

  @Test
  void invalidJsonReportsTheLineOfTheError() {
    String json =
        "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\"\n  \"metadata\": {}\n}\n";
    ManifestException e = failure(json, "cm.json");
    assertThat(e.document()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).startsWith("cm.json: document 1 (line 4): invalid JSON: ");
  }

  @Test
  void jsonArrayIsRefused() {
    String json = "[\n  {\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"}\n]\n";
    assertThat(failure(json, "cms.json").getMessage())
        .isEqualTo(
            "cms.json: document 1 (line 1): a JSON file must hold a single object (use a List"
                + " object for several), found an array");
  }

  @Test
  void secondJsonValueIsRefused() {
    String json =
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"}\n"
            + "{\"apiVersion\": \"v1\", \"kind\": \"Secret\"}\n";
    assertThat(failure(json, "two.json").getMessage())
        .isEqualTo(
            "two.json: document 1 (line 2): a JSON file must hold a single object, but another"
                + " value follows it");
  }

  @Test
  void jsonScalarIsNotAKubernetesObject() {
    assertThat(failure("\"hello\"", "s.json").getMessage())
        .isEqualTo(
            "s.json: document 1 (line 1): expected a Kubernetes object (a mapping), found a"
                + " string");
  }

  @Test
  void everyProblemOfEveryDocumentIsReportedOnePerLine() {
    String yaml =
        """
        kind: ConfigMap
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fine
        ---
        apiVersion: v1
        ---
        42
        """;
    ManifestException e = failure(yaml, "many.yaml");
    assertThat(e.getMessage())
        .isEqualTo(
            """
            many.yaml: document 1 (line 1): apiVersion is missing
            many.yaml: document 3 (line 8): kind is missing
            many.yaml: document 4 (line 10): expected a Kubernetes object (a mapping), found a \
            number\
            """);
    assertThat(e.problems()).hasSize(3);
    assertThat(e.source()).isEqualTo("many.yaml");
    assertThat(e.document()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void problemsFoundBeforeASyntaxErrorAreKept() {
    String yaml = "kind: ConfigMap\n---\nkey: [unclosed\n";
    ManifestException e = failure(yaml, "mixed.yaml");
    assertThat(e.problems())
        .extracting(Problem::document, Problem::line)
        .containsExactly(tuple(1, 1), tuple(2, 4));
  }

  @Test
  void exceptionNeedsAtLeastOneProblem() {
    assertThatThrownBy(() -> new ManifestException(java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
