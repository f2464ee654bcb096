package io.wavesync.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules and the Grafana dashboard in deploy/, read as files: the plain rules file and
 * the PrometheusRule carry the same rules, and the dashboard is an importable Grafana dashboard
 * whose every query goes to the templated Prometheus data source. PrometheusIT runs every one of
 * their queries against a real Prometheus.
 */
class MonitoringFilesTest {

  static final Path DEPLOY = root().resolve("deploy");
  static final Path RULES = DEPLOY.resolve("prometheus/alerts.rules.yml");
  static final Path PROMETHEUS_RULE = DEPLOY.resolve("prometheus/prometheusrule.yaml");
  static final Path DASHBOARD = DEPLOY.resolve("grafana/wavesync-dashboard.json");

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path root() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("deploy/prometheus/alerts.rules.yml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no deploy/prometheus/alerts.rules.yml above "
        + Path.of("").toAbsolutePath());
  }

  /** Every alert's expression in the plain rules file, by alert name. */
  static List<String[]> alertExpressions() throws IOException {
    List<String[]> out = new ArrayList<>();
    for (JsonNode group : YAML.readTree(RULES.toFile()).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        out.add(new String[] {rule.path("alert").asText(), rule.path("expr").asText()});
      }
    }
    return out;
  }

  /** Every query of the dashboard: panel title and expression. */
  static List<String[]> dashboardExpressions() throws IOException {
    List<String[]> out = new ArrayList<>();
    for (JsonNode panel : JSON.readTree(DASHBOARD.toFile()).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        out.add(new String[] {panel.path("title").asText(), target.path("expr").asText()});
      }
    }
    return out;
  }

  @Test
  void thePrometheusRuleCarriesExactlyTheRulesOfThePlainRulesFile() throws IOException {
    JsonNode plain = YAML.readTree(RULES.toFile());
    JsonNode resource = YAML.readTree(PROMETHEUS_RULE.toFile());

    assertThat(resource.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(resource.path("kind").asText()).isEqualTo("PrometheusRule");
    assertThat(resource.path("metadata").path("namespace").asText()).isEqualTo("wavesync");
    assertThat(resource.path("spec").path("groups")).isEqualTo(plain.path("groups"));
    assertThat(plain.path("groups").get(0).path("rules")).isNotEmpty();
    assertThat(Files.readString(DEPLOY.resolve("prometheus/kustomization.yaml")))
        .contains("- prometheusrule.yaml");
  }

  @Test
  void everyAlertHasAnExpressionASeverityAndADescription() throws IOException {
    Set<String> names = new HashSet<>();
    for (JsonNode rule : YAML.readTree(RULES.toFile()).path("groups").get(0).path("rules")) {
      String name = rule.path("alert").asText();
      assertThat(names.add(name)).as("alert %s is unique", name).isTrue();
      assertThat(rule.path("expr").asText()).as(name).isNotBlank();
      assertThat(rule.path("labels").path("severity").asText()).as(name)
          .isIn("warning", "critical");
      assertThat(rule.path("annotations").path("summary").asText()).as(name).isNotBlank();
      assertThat(rule.path("annotations").path("description").asText()).as(name).isNotBlank();
    }
    // failed syncs, hooks past their timeout, dead letters, consumer lag
    assertThat(names).contains("WavesyncSyncFailed", "WavesyncHookPastTimeout",
        "WavesyncDeadLetters", "WavesyncConsumerLag");
  }

  @Test
  void theDashboardIsAGrafanaDashboardOnATemplatedPrometheusDataSource() throws IOException {
    JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    assertThat(dashboard.path("uid").asText()).isEqualTo("wavesync");
    JsonNode variable = dashboard.path("templating").path("list").get(0);
    assertThat(variable.path("name").asText()).isEqualTo("datasource");
    assertThat(variable.path("type").asText()).isEqualTo("datasource");
    assertThat(variable.path("query").asText()).isEqualTo("prometheus");

    Set<Integer> ids = new HashSet<>();
    List<String> titles = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("w").asInt() + grid.path("x").asInt()).isLessThanOrEqualTo(24);
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      titles.add(panel.path("title").asText());
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("expr").asText()).isNotBlank();
        assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
      }
    }
    assertThat(titles).contains("Sync outcomes", "Operation duration",
        "Hook duration p50 by phase and kind", "Hook duration p95 by phase and kind",
        "Wave-transition latency", "Wave apply duration by phase", "Consumer lag",
        "Dead-lettered records", "Operations in flight");
  }
}
