package io.wavesync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.SyncOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real Prometheus (Debian's {@code prometheus} package) scraping the four packaged services every
 * second while the example application syncs: the metrics arrive with the labels the catalogue
 * names, Prometheus loads the alerting rules and promtool accepts them, and every query of the
 * alerting rules and of the Grafana dashboard is accepted, the dashboard's key panels with data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusIT {

  static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  /** The scrape jobs, named as the Kubernetes Services are, and the service each scrapes. */
  static final Map<String, String> JOBS = Map.of(
      "wavesync-planner", "planner-service",
      "wavesync-phase-runner", "phase-runner-service",
      "wavesync-hook-watcher", "hook-watcher-service",
      "wavesync-cleanup", "cleanup-service");

  /** The dashboard panels that must show data after one sync. */
  static final Set<String> KEY_PANELS = Set.of("Sync outcomes",
      "Hook duration p50 by phase and kind", "Hook duration p95 by phase and kind",
      "Wave-transition latency");

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static Pipeline pipeline;
  static Process prometheus;
  static int port;
  static Path rules;
  static OperationUpdated synced;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(PROMETHEUS), "no Prometheus at " + PROMETHEUS
        + ": install Debian's prometheus package (apt-get install prometheus, as .ci/run does)"
        + " to run this test");
    // assigned before start, so that a failed start still ends the processes it began
    pipeline = new Pipeline();
    pipeline.start();
    rules = pipeline.root.resolve("deploy/prometheus/alerts.rules.yml");
    startPrometheus();

    // every target up, and the planner's zero-valued outcome counters scraped before the sync, so
    // that increase() sees the sync's outcome
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> {
          assertThat(values("up")).as("targets up").hasSize(JOBS.size())
              .allSatisfy((labels, v) -> assertThat(v).as(labels.toString()).isEqualTo(1.0));
          assertThat(values("wavesync_operations_completed_total{result=\"Succeeded\"}"))
              .isNotEmpty();
        });

    String opId = pipeline.sync("demo", "demo", pipeline.manifests("examples/hooks-demo"),
        SyncOptions.defaults());
    synced = pipeline.awaitCompleted(opId, Duration.ofSeconds(90));
  }

  static void startPrometheus() throws IOException, InterruptedException {
    Path dir = pipeline.root.resolve("e2e/target/prometheus-it");
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir);
    StringBuilder config = new StringBuilder("""
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        rule_files:
          - "%s"
        scrape_configs:
        """.formatted(rules));
    JOBS.forEach((job, service) -> config.append("""
          - job_name: %s
            metrics_path: /q/metrics
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """.formatted(job, pipeline.service(service).port())));
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, config);

    port = freePort();
    Path log = pipeline.root.resolve("e2e/target/e2e-logs/prometheus.log");
    Files.createDirectories(log.getParent());
    prometheus = new ProcessBuilder(PROMETHEUS.toString(),
        "--config.file=" + file,
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          assertThat(prometheus.isAlive()).as("prometheus exited; see " + log).isTrue();
          try {
            return get("/-/ready").statusCode() == 200;
          } catch (IOException e) {
            return false;
          }
        });
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null && prometheus.isAlive()) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor();
      }
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  // ------------------------------------------------------------------------------------------

  @Test
  void hookDurationsWaveTransitionsAndOutcomesArriveWithTheirLabels() {
    assertThat(synced.phase()).as(pipeline.logs()).isEqualTo(OperationPhase.Succeeded);
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> {
          // three PreSync and three PostSync Jobs of examples/hooks-demo, by phase, kind, result
          assertThat(values("sum by (phase, kind, result) (wavesync_hook_duration_seconds_count)"))
              .containsEntry(Map.of("phase", "PreSync", "kind", "Job", "result", "Succeeded"), 3.0)
              .containsEntry(Map.of("phase", "PostSync", "kind", "Job", "result", "Succeeded"), 3.0);
          assertThat(values("count by (job, phase) (wavesync_hook_duration_seconds_bucket{le=\"+Inf\"})"))
              .containsKey(Map.of("job", "wavesync-planner", "phase", "PreSync"));
          // a transition into every phase's waves, with buckets for histogram_quantile
          assertThat(values("sum by (phase) (wavesync_wave_transition_seconds_count)").keySet())
              .contains(Map.of("phase", "PreSync"), Map.of("phase", "Sync"),
                  Map.of("phase", "PostSync"));
          assertThat(values("count by (le) (wavesync_wave_transition_seconds_bucket{phase=\"PreSync\"})"))
              .hasSizeGreaterThan(10).containsKey(Map.of("le", "+Inf"));
          assertThat(values("wavesync_operations_completed_total{result=\"Succeeded\"}"))
              // no application label: it is off by default, and Prometheus drops empty labels
              .containsEntry(Map.of("__name__", "wavesync_operations_completed_total",
                  "instance", instanceOf("planner-service"), "job", "wavesync-planner",
                  "result", "Succeeded"), 1.0);
        });
  }

  @Test
  void taskDeletionAndRunningHookMetricsArriveWithTheirLabels() {
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> {
          assertThat(values("sum by (kind, result) (wavesync_tasks_applied_total{job=\"wavesync-phase-runner\"})"))
              .containsKeys(Map.of("kind", "Job", "result", "Synced"),
                  Map.of("kind", "ConfigMap", "result", "Synced"),
                  Map.of("kind", "Deployment", "result", "Synced"),
                  Map.of("kind", "Service", "result", "Synced"));
          assertThat(values("count by (kind) (wavesync_task_apply_duration_seconds_bucket{dry_run=\"false\",le=\"+Inf\"})").keySet())
              .contains(Map.of("kind", "Job"), Map.of("kind", "Deployment"));
          // the four HookSucceeded hooks, deleted by the cleanup service once the sync succeeded
          assertThat(values("sum by (service, kind, policy) (wavesync_deletes_total{result=~\"Deleted|NotFound\"})"))
              .containsEntry(Map.of("service", "cleanup-service", "kind", "Job",
                  "policy", "HookSucceeded"), 4.0);
          // hooks were seen running during the sync, none runs now
          assertThat(values("max_over_time(wavesync_hooks_running[5m])").values())
              .singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(1.0));
          assertThat(values("wavesync_hooks_running").values()).containsExactly(0.0);
          assertThat(values("wavesync_hooks_running_oldest_age_seconds").values()).containsExactly(0.0);
          assertThat(values("wavesync_hooks_running_overdue").values()).containsExactly(0.0);
        });
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void consumerLagOfEveryServiceArrivesThePlannersKafkaStreamsConsumerIncluded() throws Exception {
    // Micrometer binds a Kafka client's new metrics once a minute, and the per-partition lag
    // exists once the consumer has its partitions: so up to a minute after the services started
    Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(values(
            "count by (job) (kafka_consumer_fetch_manager_records_lag{topic=~\"wavesync[.].+\"})")
            .keySet()).containsExactlyInAnyOrderElementsOf(
                JOBS.keySet().stream().map(j -> Map.of("job", j)).toList()));
    assertThat(values("sum by (topic) (kafka_consumer_fetch_manager_records_lag{job=\"wavesync-planner\","
        + "topic=~\"wavesync[.].+\"})").keySet())
        .containsExactlyInAnyOrder(Map.of("topic", "wavesync.sync-requests"),
            Map.of("topic", "wavesync.observations"));
  }

  @Test
  void prometheusLoadsTheAlertingRulesAndPromtoolAcceptsThem() throws Exception {
    JsonNode loaded = JSON.readTree(get("/api/v1/rules").body());
    List<String> names = new ArrayList<>();
    for (JsonNode group : loaded.path("data").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        names.add(rule.path("name").asText());
        assertThat(rule.path("health").asText()).as(rule.path("name").asText()).isNotEqualTo("err");
      }
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(
        alertExpressions().keySet());

    assumeTrue(Files.isExecutable(PROMTOOL), "no promtool at " + PROMTOOL
        + ": install Debian's prometheus package to check the rules with it");
    Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", rules.toString())
        .redirectErrorStream(true).start();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(out).isZero();
    assertThat(out).contains("SUCCESS: " + names.size() + " rules found");
  }

  @Test
  void everyAlertAndDashboardQueryIsAcceptedAndTheKeyPanelsShowTheSync() throws Exception {
    for (Map.Entry<String, String> alert : alertExpressions().entrySet()) {
      JsonNode answer = query(alert.getValue());
      assertThat(answer.path("status").asText()).as("alert %s: %s -> %s", alert.getKey(),
          alert.getValue(), answer).isEqualTo("success");
    }
    JsonNode dashboard = JSON.readTree(
        pipeline.root.resolve("deploy/grafana/wavesync-dashboard.json").toFile());
    int queries = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      String title = panel.path("title").asText();
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        queries++;
        JsonNode answer = query(expr);
        assertThat(answer.path("status").asText()).as("panel %s: %s -> %s", title, expr, answer)
            .isEqualTo("success");
        if (KEY_PANELS.contains(title)) {
          Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
              .untilAsserted(() -> assertThat(values(expr).values())
                  .as("panel %s: %s", title, expr)
                  .anySatisfy(v -> assertThat(v).isFinite().isPositive()));
        }
      }
    }
    assertThat(queries).isGreaterThan(KEY_PANELS.size());
    assertThat(values("sum by (result) (increase(wavesync_operations_completed_total[5m]))"))
        .hasEntrySatisfying(Map.of("result", "Succeeded"), v -> assertThat(v).isGreaterThan(0.5))
        .hasEntrySatisfying(Map.of("result", "Failed"), v -> assertThat(v).isZero());
  }

  // ------------------------------------------------------------------------------------------

  static String instanceOf(String service) {
    return "127.0.0.1:" + pipeline.service(service).port();
  }

  /** Every alert of the rules file: name and expression. */
  static Map<String, String> alertExpressions() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode group : new YAMLMapper().readTree(rules.toFile()).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        out.put(rule.path("alert").asText(), rule.path("expr").asText());
      }
    }
    return out;
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The answer of the instant-query API to {@code promql}. */
  static JsonNode query(String promql) throws IOException, InterruptedException {
    return JSON.readTree(get("/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body());
  }

  /** The instant vector of a successful query: labels to value. */
  static Map<Map<String, String>, Double> values(String promql)
      throws IOException, InterruptedException {
    JsonNode answer = query(promql);
    assertThat(answer.path("status").asText()).as(promql + " -> " + answer).isEqualTo("success");
    assertThat(answer.path("data").path("resultType").asText()).isEqualTo("vector");
    Map<Map<String, String>, Double> out = new LinkedHashMap<>();
    for (JsonNode series : answer.path("data").path("result")) {
      Map<String, String> labels = new LinkedHashMap<>();
      series.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      out.put(labels, Double.parseDouble(series.path("value").get(1).asText()));
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
