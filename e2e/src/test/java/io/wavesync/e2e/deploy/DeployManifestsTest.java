package io.wavesync.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.wavesync.events.Topics;
import io.wavesync.sandbox.SandboxCluster;
import io.wavesync.testsupport.EmbeddedKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests under deploy/: every overlay and alternative is rendered with {@code kubectl
 * kustomize}, checked for the shape the services need (one runner per phase, probes, resources,
 * least-privilege RBAC, disruption budgets, autoscaling on each phase's consumer lag), and applied
 * to the sandbox API server and read back. Custom resources (KafkaTopic, ScaledObject,
 * ServiceMonitor, PodMonitor) are applied too, after their CustomResourceDefinitions are created
 * in the sandbox. deploy/kafka/create-topics.sh is run against an in-JVM broker.
 */
class DeployManifestsTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Path ROOT = repositoryRoot();
  private static final Path DEPLOY = ROOT.resolve("deploy");
  private static final Path VARIANTS = Path.of("target", "deploy-variants").toAbsolutePath();
  private static final String NAMESPACE = "wavesync";

  /** Runner Deployment suffix to the phase name the runner's configuration expects. */
  private static final Map<String, String> PHASES = phases();

  /** HTTP port of each service (application name label = service account name). */
  private static final Map<String, Integer> HTTP_PORTS = Map.of(
      "wavesync-planner", 8081,
      "wavesync-phase-runner", 8082,
      "wavesync-hook-watcher", 8083,
      "wavesync-cleanup", 8084);

  private static final Set<String> RUNNER_VERBS =
      Set.of("create", "get", "list", "patch", "update", "delete");
  private static final Set<String> WATCHER_VERBS = Set.of("get", "list", "watch");
  private static final Set<String> CLEANUP_VERBS = Set.of("get", "patch", "delete");

  private static final int PARTITIONS = 12;
  private static final long TWO_WEEKS_MS = Duration.ofDays(14).toMillis();

  private static Path kubectl;

  @BeforeAll
  static void findKubectl() {
    kubectl = locateKubectl().orElse(null);
    if (kubectl == null) {
      fail("kubectl is needed to render deploy/ with its built-in kustomize, and none was found "
          + "at /usr/bin/kubectl or on the PATH. Install it (Debian: apt-get install "
          + "kubernetes-client) and run the test again.");
    }
    // deploy/ uses components, labels and replacements: kustomize v5 (kubectl 1.27 and later).
    try {
      ProcessResult r = run(List.of(kubectl.toString(), "version", "--client", "-o", "json"),
          Map.of(), ROOT);
      JsonNode v = YAML.readTree(r.output().isBlank() ? "{}" : r.output());
      String version = v.path("kustomizeVersion").asText("");
      if (!version.matches("v?([5-9]|\\d{2,})\\..*")) {
        fail(kubectl + " (" + v.path("clientVersion").path("gitVersion").asText("unknown version")
            + ") embeds kustomize " + (version.isEmpty() ? "older than v4.5" : version)
            + "; deploy/ needs kustomize v5, which kubectl 1.27 and later embed.");
      }
    } catch (IOException e) {
      fail("cannot run " + kubectl + " version: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- installations

  static Stream<Arguments> overlays() throws IOException {
    try (Stream<Path> dirs = Files.list(DEPLOY.resolve("overlays"))) {
      List<Path> found = dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
          .sorted().toList();
      assertThat(found).as("overlays under deploy/overlays").extracting(p -> p.getFileName()
          .toString()).contains("dev", "production");
      return found.stream().map(d -> Arguments.of(d.getFileName().toString(), d));
    }
  }

  @ParameterizedTest(name = "overlay {0}")
  @MethodSource("overlays")
  void everyOverlayInstallsTheServicesWithLeastPrivilege(String name, Path dir) {
    assertInstallation("overlay " + name, render(dir));
  }

  @Test
  void theDevOverlayKeepsThePlannerStateOnAnEmptyDirAndProductionOnAVolumePerMember() {
    ObjectNode dev = one(render(DEPLOY.resolve("overlays/dev")), "StatefulSet", "wavesync-planner");
    assertThat(dev.path("spec").has("volumeClaimTemplates")).isFalse();
    assertThat(volume(dev, "state").has("emptyDir")).isTrue();
    assertThat(env(container(dev, "planner"), "KAFKA_STREAMS_REPLICATION_FACTOR")).isEqualTo("1");

    ObjectNode production =
        one(render(DEPLOY.resolve("overlays/production")), "StatefulSet", "wavesync-planner");
    assertThat(texts(production.path("spec").path("volumeClaimTemplates"), "metadata", "name"))
        .containsExactly("state");
    assertThat(env(container(production, "planner"), "KAFKA_STREAMS_REPLICATION_FACTOR"))
        .isEqualTo("3");
  }

  @Test
  void productionScalesEachPhaseOnItsOwnConsumerLagWithKeda() {
    List<ObjectNode> objects = render(DEPLOY.resolve("overlays/production"));
    Properties runnerConfig = serviceProperties("phase-runner-service");
    String bootstrap = bootstrapServers(objects);

    List<ObjectNode> scaled = ofKind(objects, "ScaledObject");
    assertThat(names(scaled)).containsExactlyInAnyOrderElementsOf(
        PHASES.keySet().stream().map(p -> "wavesync-phase-runner-" + p).toList());
    for (String phase : PHASES.keySet()) {
      String deployment = "wavesync-phase-runner-" + phase;
      ObjectNode so = one(scaled, "ScaledObject", deployment);
      String channel = "mp.messaging.incoming.waves-" + phase;
      assertThat(so.path("spec").path("scaleTargetRef").path("name").asText())
          .isEqualTo(deployment);
      assertThat(so.path("spec").path("minReplicaCount").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(so.path("spec").path("maxReplicaCount").asInt()).isBetween(1, PARTITIONS);
      JsonNode triggers = so.path("spec").path("triggers");
      assertThat(triggers).hasSize(1);
      assertThat(triggers.get(0).path("type").asText()).isEqualTo("kafka");
      JsonNode md = triggers.get(0).path("metadata");
      assertThat(md.path("consumerGroup").asText())
          .isEqualTo("wavesync-phase-runner-" + phase)
          .isEqualTo(runnerConfig.getProperty(channel + ".group.id"));
      assertThat(md.path("topic").asText())
          .isEqualTo(Topics.waveTopic(PHASES.get(phase)))
          .isEqualTo(runnerConfig.getProperty(channel + ".topic"));
      assertThat(Integer.parseInt(md.path("lagThreshold").asText())).isPositive();
      assertThat(md.path("bootstrapServers").asText()).isEqualTo(bootstrap);
      // The autoscaler owns the count; a count in the manifest would fight it on every apply.
      assertThat(one(objects, "Deployment", deployment).path("spec").has("replicas"))
          .as("%s has no replica count under KEDA", deployment).isFalse();
    }

    ObjectNode monitor = one(objects, "ServiceMonitor", "wavesync");
    assertThat(monitor.path("metadata").path("namespace").asText()).isEqualTo(NAMESPACE);
    JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
    assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
    assertThat(endpoint.path("port").asText()).isEqualTo("http");
    Map<String, String> selector =
        labels(monitor.path("spec").path("selector").path("matchLabels"));
    for (ObjectNode workload : workloads(objects)) {
      assertThat(ofKind(objects, "Service").stream()
          .filter(s -> selects(s.path("spec").path("selector"), podLabels(workload)))
          .filter(s -> labels(s.path("metadata").path("labels")).entrySet()
              .containsAll(selector.entrySet()))
          .filter(s -> texts(s.path("spec").path("ports"), "name").contains("http")))
          .as("a monitored Service with an http port for %s", name(workload))
          .isNotEmpty();
    }
  }

  @Test
  void theHpaAlternativeScalesEveryRunnerDeploymentOnCpu() {
    List<ObjectNode> objects = render(variant("hpa", List.of("base"), List.of("autoscaling/hpa")));
    assertInstallation("base with autoscaling/hpa", objects);
    List<ObjectNode> hpas = ofKind(objects, "HorizontalPodAutoscaler");
    assertThat(hpas).hasSize(PHASES.size());
    for (String phase : PHASES.keySet()) {
      String deployment = "wavesync-phase-runner-" + phase;
      ObjectNode hpa = one(hpas, "HorizontalPodAutoscaler", deployment);
      JsonNode spec = hpa.path("spec");
      assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
      assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo(deployment);
      assertThat(spec.path("minReplicas").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(spec.path("maxReplicas").asInt()).isBetween(1, PARTITIONS);
      assertThat(texts(spec.path("metrics"), "resource", "name")).contains("cpu");
      ObjectNode target = one(objects, "Deployment", deployment);
      assertThat(target.path("spec").has("replicas")).isFalse();
      // Utilization is relative to the request: without one the HPA cannot compute it.
      assertThat(container(target, "phase-runner").path("resources").path("requests")
          .path("cpu").asText()).isNotEmpty();
    }
  }

  @Test
  void theNamespacedRbacAlternativeGrantsTheSameRulesInOneNamespaceOnly() {
    List<ObjectNode> base = render(DEPLOY.resolve("base"));
    List<ObjectNode> objects =
        render(variant("namespaced-rbac", List.of("base"), List.of("rbac/namespaced")));
    assertInstallation("base with rbac/namespaced", objects);
    assertThat(ofKind(objects, "ClusterRole")).isEmpty();
    assertThat(ofKind(objects, "ClusterRoleBinding")).isEmpty();
    List<ObjectNode> roles = ofKind(objects, "Role");
    assertThat(names(roles)).containsExactlyInAnyOrder(
        "wavesync-phase-runner", "wavesync-hook-watcher", "wavesync-cleanup");
    for (ObjectNode role : roles) {
      assertThat(namespace(role)).as("namespace of Role %s", name(role)).isNotEqualTo(NAMESPACE);
      assertThat(role.path("rules"))
          .as("rules of Role %s equal those of its ClusterRole", name(role))
          .isEqualTo(one(base, "ClusterRole", name(role)).path("rules"));
    }
  }

  // ---------------------------------------------------------------- topics

  @Test
  void strimziTopicsDeclareEveryTopicWithItsDeadLetterTopic() {
    List<ObjectNode> objects = render(DEPLOY.resolve("kafka/strimzi"));
    assertThat(objects).allSatisfy(o -> {
      assertThat(o.path("kind").asText()).isEqualTo("KafkaTopic");
      assertThat(o.path("apiVersion").asText()).startsWith("kafka.strimzi.io/");
      assertThat(labels(o.path("metadata").path("labels"))).containsKey("strimzi.io/cluster");
    });
    assertThat(objects.stream().map(DeployManifestsTest::namespace).distinct()).hasSize(1);
    Map<String, TopicSpec> topics = new TreeMap<>();
    for (ObjectNode o : objects) {
      JsonNode spec = o.path("spec");
      Map<String, String> config = new TreeMap<>();
      spec.path("config").fields().forEachRemaining(e -> config.put(e.getKey(),
          e.getValue().asText()));
      assertThat(spec.path("replicas").asInt()).isGreaterThanOrEqualTo(3);
      topics.put(spec.path("topicName").asText(), new TopicSpec(spec.path("partitions").asInt(),
          config));
    }
    assertTopicPlan("deploy/kafka/strimzi", topics);
  }

  @Test
  void createTopicsScriptPlansTheSameTopicsAsStrimzi() throws Exception {
    ProcessResult run = runScript(List.of("--dry-run"), Map.of());
    assertThat(run.exitCode()).as(run.output()).isZero();
    Map<String, TopicSpec> planned = parseDryRun(run.output());
    assertTopicPlan("create-topics.sh --dry-run", planned);

    Map<String, TopicSpec> strimzi = new TreeMap<>();
    for (ObjectNode o : render(DEPLOY.resolve("kafka/strimzi"))) {
      Map<String, String> config = new TreeMap<>();
      o.path("spec").path("config").fields()
          .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
      strimzi.put(o.path("spec").path("topicName").asText(),
          new TopicSpec(o.path("spec").path("partitions").asInt(), config));
    }
    assertThat(planned).isEqualTo(strimzi);
    assertThat(run.output()).contains("--replication-factor 3");
  }

  @Test
  void createTopicsScriptCreatesEveryTopicOnABrokerAndCanRunAgain() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(1)) {
      Map<String, String> env = new LinkedHashMap<>();
      // TopicCommand from this test's classpath (kafka-tools), not a tool on the machine.
      env.put("KAFKA_CLASSPATH", System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path")));
      env.put("JAVA_HOME", System.getProperty("java.home"));
      List<String> args = List.of("--bootstrap-server", kafka.bootstrapServers(),
          "--replication-factor", "1");

      ProcessResult first = runScript(args, env);
      assertThat(first.exitCode()).as(first.output()).isZero();
      ProcessResult second = runScript(args, env);
      assertThat(second.exitCode()).as("a second run changes nothing and succeeds:\n%s",
          second.output()).isZero();

      try (Admin admin = Admin.create(Map.of(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        List<String> expected = expectedTopics();
        assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS))
            .containsAll(expected);
        Map<String, TopicDescription> described =
            admin.describeTopics(expected).allTopicNames().get(60, TimeUnit.SECONDS);
        for (String topic : expected) {
          assertThat(described.get(topic).partitions()).as("partitions of %s", topic)
              .hasSize(topic.endsWith(Topics.DLQ_SUFFIX) ? 3 : PARTITIONS);
        }
        ConfigResource operations = new ConfigResource(ConfigResource.Type.TOPIC,
            Topics.OPERATIONS);
        ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC,
            Topics.dlq(Topics.OBSERVATIONS));
        Map<ConfigResource, Config> configs =
            admin.describeConfigs(List.of(operations, dlq)).all().get(60, TimeUnit.SECONDS);
        assertThat(configs.get(operations).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configs.get(operations).get("min.insync.replicas").value()).isEqualTo("1");
        assertThat(configs.get(dlq).get("retention.ms").value())
            .isEqualTo(String.valueOf(TWO_WEEKS_MS));
      }
    }
  }

  // ---------------------------------------------------------------- monitoring, images

  @Test
  void prometheusScrapeJobAndPodMonitorTargetTheMetricsEndpoint() throws IOException {
    JsonNode scrape = YAML.readTree(DEPLOY.resolve("prometheus/prometheus-scrape.yml").toFile());
    JsonNode job = scrape.path("scrape_configs").get(0);
    assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
    assertThat(job.path("kubernetes_sd_configs").get(0).path("role").asText()).isEqualTo("pod");
    assertThat(job.path("honor_labels").asBoolean()).isTrue();
    assertThat(texts(job.path("relabel_configs"), "target_label"))
        .doesNotContain("service", "phase");

    JsonNode podMonitor = YAML.readTree(DEPLOY.resolve("prometheus/podmonitor.yaml").toFile());
    assertThat(podMonitor.path("kind").asText()).isEqualTo("PodMonitor");
    JsonNode endpoint = podMonitor.path("spec").path("podMetricsEndpoints").get(0);
    assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
    assertThat(endpoint.path("port").asText()).isEqualTo("http");
  }

  @Test
  void everyServiceHasAnImageDefinitionExposingItsPort() throws IOException {
    Map<String, String> images = Map.of(
        "wavesync-planner", "planner-service",
        "wavesync-phase-runner", "phase-runner-service",
        "wavesync-hook-watcher", "hook-watcher-service",
        "wavesync-cleanup", "cleanup-service");
    List<ObjectNode> objects = render(DEPLOY.resolve("base"));
    for (Map.Entry<String, String> e : images.entrySet()) {
      String dockerfile = Files.readString(DEPLOY.resolve("images").resolve(e.getValue())
          .resolve("Dockerfile"));
      assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre")
          .contains("EXPOSE " + HTTP_PORTS.get(e.getKey()))
          .contains("quarkus-run.jar");
      for (ObjectNode w : workloads(objects)) {
        if (podLabels(w).get("app.kubernetes.io/name").equals(e.getKey())) {
          assertThat(w.path("spec").path("template").path("spec").path("containers").get(0)
              .path("image").asText()).startsWith("ghcr.io/wavesync/" + e.getValue() + ":");
        }
      }
    }
  }

  // ---------------------------------------------------------------- the API server

  static Stream<Arguments> installations() {
    return Stream.of(
        Arguments.of("overlay dev", DEPLOY.resolve("overlays/dev"), List.of()),
        Arguments.of("overlay production", DEPLOY.resolve("overlays/production"),
            List.of(DEPLOY.resolve("prometheus/podmonitor.yaml"))),
        Arguments.of("base with autoscaling/hpa",
            variant("hpa", List.of("base"), List.of("autoscaling/hpa")), List.of()),
        Arguments.of("base with rbac/namespaced",
            variant("namespaced-rbac", List.of("base"), List.of("rbac/namespaced")), List.of()),
        Arguments.of("kafka/strimzi", DEPLOY.resolve("kafka/strimzi"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installations")
  void everyRenderedObjectIsAcceptedByTheApiServerAndReadsBack(String name, Path dir,
      List<Path> extraFiles) throws IOException {
    List<ObjectNode> objects = new ArrayList<>(render(dir));
    for (Path file : extraFiles) {
      objects.addAll(parse(Files.readString(file)));
    }
    // Namespaces first, then everything in the order kustomize printed it.
    objects.sort(Comparator.comparing(o -> "Namespace".equals(o.path("kind").asText()) ? 0 : 1));

    try (SandboxCluster sandbox = new SandboxCluster().start("127.0.0.1", 0)) {
      KubernetesClient client = sandbox.client();
      for (String crd : CUSTOM_RESOURCE_DEFINITIONS) {
        client.resource(generic(YAML.readTree(crd))).create();
      }
      Set<String> declared = ofKind(objects, "Namespace").stream().map(DeployManifestsTest::name)
          .collect(Collectors.toSet());
      for (String ns : objects.stream().map(DeployManifestsTest::namespace)
          .filter(ns -> !ns.isEmpty() && !declared.contains(ns)).collect(Collectors.toSet())) {
        // The namespace of the applications (namespaced RBAC) or of the Kafka cluster.
        client.resource(generic(YAML.readTree("{apiVersion: v1, kind: Namespace, metadata: {name: "
            + ns + "}}"))).createOr(NonDeletingOperation::update);
      }
      for (ObjectNode o : objects) {
        client.resource(generic(o)).create();
      }
      for (ObjectNode o : objects) {
        var resources = client.genericKubernetesResources(o.path("apiVersion").asText(),
            o.path("kind").asText());
        GenericKubernetesResource read = namespace(o).isEmpty()
            ? resources.withName(name(o)).get()
            : resources.inNamespace(namespace(o)).withName(name(o)).get();
        assertThat(read).as("%s %s/%s read back", o.path("kind").asText(), namespace(o), name(o))
            .isNotNull();
        JsonNode back = YAML.valueToTree(client.getKubernetesSerialization()
            .convertValue(read, Map.class));
        assertContains(o, back, o.path("kind").asText() + " " + name(o));
      }
    }
  }

  // ---------------------------------------------------------------- structure checks

  private static void assertInstallation(String variant, List<ObjectNode> objects) {
    List<ObjectNode> workloads = workloads(objects);

    // One runner Deployment per phase, each with its own phase and nothing else.
    List<ObjectNode> runners = ofKind(objects, "Deployment").stream()
        .filter(d -> env(container(d, "phase-runner"), "PHASE_RUNNER_PHASES") != null)
        .toList();
    assertThat(runners).as("%s: runner Deployments", variant).hasSize(PHASES.size());
    for (Map.Entry<String, String> phase : PHASES.entrySet()) {
      String deployment = "wavesync-phase-runner-" + phase.getKey();
      List<ObjectNode> forPhase = runners.stream()
          .filter(d -> phase.getValue().equals(env(container(d, "phase-runner"),
              "PHASE_RUNNER_PHASES")))
          .toList();
      assertThat(forPhase).as("%s: runner Deployments of %s", variant, phase.getValue())
          .hasSize(1);
      ObjectNode d = forPhase.get(0);
      assertThat(name(d)).isEqualTo(deployment);
      assertThat(labels(d.path("spec").path("selector").path("matchLabels")))
          .containsEntry("wavesync.io/phase", phase.getKey());
    }

    ObjectNode planner = one(objects, "StatefulSet", "wavesync-planner");
    assertThat(planner.path("spec").path("replicas").asInt(1)).isEqualTo(1);
    assertThat(names(ofKind(objects, "Service")))
        .contains(planner.path("spec").path("serviceName").asText());
    JsonNode plannerContainer = container(planner, "planner");
    assertThat(plannerContainer.path("env").findValues("fieldPath").stream()
        .map(JsonNode::asText)).contains("metadata.name");
    assertThat(env(plannerContainer, "JAVA_OPTS_APPEND"))
        .contains("-Dkafka-streams.group.instance.id=$(KAFKA_STREAMS_GROUP_INSTANCE_ID)");
    assertThat(texts(plannerContainer.path("volumeMounts"), "mountPath"))
        .contains(env(plannerContainer, "PLANNER_STATE_DIR"));

    ObjectNode watcher = one(objects, "Deployment", "wavesync-hook-watcher");
    assertThat(watcher.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(watcher.path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
    one(objects, "Deployment", "wavesync-cleanup");
    assertThat(workloads).hasSize(PHASES.size() + 3);

    String bootstrap = bootstrapServers(objects);
    assertThat(bootstrap).isNotBlank();
    for (ObjectNode w : workloads) {
      String app = podLabels(w).get("app.kubernetes.io/name");
      assertThat(HTTP_PORTS).as("%s: known service %s", variant, app).containsKey(app);
      assertThat(namespace(w)).isEqualTo(NAMESPACE);
      JsonNode podSpec = w.path("spec").path("template").path("spec");
      assertThat(podSpec.path("serviceAccountName").asText())
          .as("%s: %s runs as its own service account", variant, name(w)).isEqualTo(app);
      List<JsonNode> containers = new ArrayList<>();
      podSpec.path("initContainers").forEach(containers::add);
      podSpec.path("containers").forEach(containers::add);
      assertThat(containers).isNotEmpty();
      for (JsonNode c : containers) {
        String where = variant + ": " + name(w) + "/" + c.path("name").asText();
        assertProbe(where, c, "readinessProbe", "/q/health/ready");
        assertProbe(where, c, "livenessProbe", "/q/health/live");
        JsonNode resources = c.path("resources");
        assertThat(resources.path("requests").path("cpu").asText()).as(where + " cpu request")
            .isNotEmpty();
        assertThat(resources.path("requests").path("memory").asText())
            .as(where + " memory request").isNotEmpty();
        assertThat(resources.path("limits").path("memory").asText()).as(where + " memory limit")
            .isNotEmpty();
        assertThat(containerPort(c, "http")).as(where + " http port")
            .isEqualTo(HTTP_PORTS.get(app));
        assertThat(env(c, "QUARKUS_HTTP_PORT")).as(where + " QUARKUS_HTTP_PORT")
            .isEqualTo(String.valueOf(HTTP_PORTS.get(app)));
        assertThat(texts(c.path("envFrom"), "configMapRef", "name"))
            .as(where + " reads the Kafka settings")
            .containsExactly(one(objects, "ConfigMap", null).path("metadata").path("name")
                .asText());
      }
    }

    assertServiceAccounts(variant, objects);
    assertDisruptionBudgetsAndServices(variant, objects, workloads);
  }

  private static void assertServiceAccounts(String variant, List<ObjectNode> objects) {
    List<ObjectNode> accounts = ofKind(objects, "ServiceAccount");
    assertThat(names(accounts)).as("%s: service accounts", variant)
        .containsExactlyInAnyOrderElementsOf(HTTP_PORTS.keySet());
    List<ObjectNode> bindings = new ArrayList<>(ofKind(objects, "ClusterRoleBinding"));
    bindings.addAll(ofKind(objects, "RoleBinding"));

    for (ObjectNode binding : bindings) {
      JsonNode subjects = binding.path("subjects");
      assertThat(subjects).as("%s: subjects of %s", variant, name(binding)).hasSize(1);
      assertThat(subjects.get(0).path("kind").asText()).isEqualTo("ServiceAccount");
      assertThat(subjects.get(0).path("namespace").asText()).isEqualTo(NAMESPACE);
    }

    Map<String, Set<String>> resourcesByRole = new TreeMap<>();
    for (ObjectNode account : accounts) {
      String sa = name(account);
      List<ObjectNode> bound = bindings.stream()
          .filter(b -> sa.equals(b.path("subjects").get(0).path("name").asText()))
          .toList();
      if (sa.equals("wavesync-planner")) {
        assertThat(bound).as("%s: the planner has no Kubernetes permissions", variant).isEmpty();
        assertThat(account.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(one(objects, "StatefulSet", "wavesync-planner").path("spec").path("template")
            .path("spec").path("automountServiceAccountToken").asBoolean(true)).isFalse();
        continue;
      }
      assertThat(bound).as("%s: bindings of %s", variant, sa).hasSize(1);
      JsonNode roleRef = bound.get(0).path("roleRef");
      assertThat(roleRef.path("name").asText()).as("%s: role of %s", variant, sa).isEqualTo(sa);
      String roleKind = roleRef.path("kind").asText();
      assertThat(roleKind).isEqualTo(
          "ClusterRoleBinding".equals(bound.get(0).path("kind").asText()) ? "ClusterRole"
              : "Role");
      ObjectNode role = ofKind(objects, roleKind).stream()
          .filter(r -> name(r).equals(sa))
          .filter(r -> roleKind.equals("ClusterRole")
              || namespace(r).equals(namespace(bound.get(0))))
          .findFirst()
          .orElseThrow(() -> new AssertionError(variant + ": no " + roleKind + " " + sa));

      Set<String> resources = new TreeSet<>();
      for (JsonNode rule : role.path("rules")) {
        Set<String> verbs = textSet(rule.path("verbs"));
        Set<String> ruleResources = textSet(rule.path("resources"));
        assertThat(textSet(rule.path("apiGroups"))).doesNotContain("*");
        assertThat(ruleResources).doesNotContain("*");
        Set<String> expected = switch (sa) {
          case "wavesync-phase-runner" -> RUNNER_VERBS;
          case "wavesync-hook-watcher" ->
              ruleResources.equals(Set.of("pods/log")) ? Set.of("get") : WATCHER_VERBS;
          case "wavesync-cleanup" -> CLEANUP_VERBS;
          default -> throw new AssertionError("unexpected service account " + sa);
        };
        assertThat(verbs).as("%s: verbs of %s on %s", variant, sa, ruleResources)
            .isEqualTo(expected);
        for (String group : textSet(rule.path("apiGroups"))) {
          for (String resource : ruleResources) {
            resources.add(group + "/" + resource);
          }
        }
      }
      if (sa.equals("wavesync-hook-watcher")) {
        assertThat(resources).contains("/pods", "/pods/log");
        resources.remove("/pods/log");
      }
      resourcesByRole.put(sa, resources);
    }
    // The watcher must see and the cleanup service must delete whatever the runners apply.
    assertThat(new HashSet<>(resourcesByRole.values()))
        .as("%s: the three roles name the same resources: %s", variant, resourcesByRole)
        .hasSize(1);
  }

  private static void assertDisruptionBudgetsAndServices(String variant, List<ObjectNode> objects,
      List<ObjectNode> workloads) {
    List<ObjectNode> budgets = ofKind(objects, "PodDisruptionBudget");
    assertThat(budgets).as("%s: one PodDisruptionBudget per workload", variant)
        .hasSize(workloads.size());
    List<ObjectNode> services = ofKind(objects, "Service");
    for (ObjectNode w : workloads) {
      Map<String, String> pod = podLabels(w);
      assertThat(labels(w.path("spec").path("selector").path("matchLabels")).entrySet())
          .isSubsetOf(pod.entrySet());
      List<ObjectNode> covering = budgets.stream()
          .filter(b -> selects(b.path("spec").path("selector").path("matchLabels"), pod))
          .toList();
      assertThat(covering).as("%s: budgets of %s", variant, name(w)).hasSize(1);
      JsonNode budget = covering.get(0).path("spec");
      assertThat(budget.has("maxUnavailable") || budget.has("minAvailable")).isTrue();
      List<ObjectNode> serving = services.stream()
          .filter(s -> s.path("spec").path("selector").size() > 0)
          .filter(s -> selects(s.path("spec").path("selector"), pod))
          .filter(s -> texts(s.path("spec").path("ports"), "name").contains("http"))
          .toList();
      assertThat(serving).as("%s: Services with an http port for %s", variant, name(w))
          .hasSize(1);
    }
    // No budget or Service reaches into another workload's pods.
    for (ObjectNode selectorOwner : Stream.concat(budgets.stream(), services.stream()).toList()) {
      JsonNode selector = selectorOwner.path("kind").asText().equals("Service")
          ? selectorOwner.path("spec").path("selector")
          : selectorOwner.path("spec").path("selector").path("matchLabels");
      assertThat(workloads.stream().filter(w -> selects(selector, podLabels(w))).count())
          .as("%s: workloads selected by %s %s", variant, selectorOwner.path("kind").asText(),
              name(selectorOwner))
          .isEqualTo(1);
    }
  }

  private static void assertProbe(String where, JsonNode container, String probe, String path) {
    JsonNode get = container.path(probe).path("httpGet");
    assertThat(get.path("path").asText()).as("%s %s", where, probe).isEqualTo(path);
    JsonNode port = get.path("port");
    int number = port.isInt() ? port.asInt() : containerPort(container, port.asText());
    assertThat(number).as("%s %s port", where, probe).isPositive();
  }

  private static void assertTopicPlan(String source, Map<String, TopicSpec> topics) {
    assertThat(topics.keySet()).as(source).containsExactlyInAnyOrderElementsOf(expectedTopics());
    for (Map.Entry<String, TopicSpec> e : topics.entrySet()) {
      String topic = e.getKey();
      TopicSpec spec = e.getValue();
      if (topic.endsWith(Topics.DLQ_SUFFIX)) {
        assertThat(spec.config()).as("%s: %s", source, topic)
            .containsEntry("cleanup.policy", "delete")
            .containsEntry("retention.ms", String.valueOf(TWO_WEEKS_MS));
      } else {
        assertThat(spec.partitions()).as("%s: partitions of %s", source, topic)
            .isEqualTo(PARTITIONS);
      }
    }
    assertThat(topics.get(Topics.OPERATIONS).config())
        .containsEntry("cleanup.policy", "compact")
        .doesNotContainKey("retention.ms");
    // The planner's tasks read both at once: equal counts keep an application in one task.
    assertThat(topics.get(Topics.SYNC_REQUESTS).partitions())
        .isEqualTo(topics.get(Topics.OBSERVATIONS).partitions());
  }

  private static void assertContains(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as("%s is an object in %s", path, actual).isTrue();
      expected.fields().forEachRemaining(e -> {
        assertThat(actual.has(e.getKey())).as("%s.%s read back", path, e.getKey()).isTrue();
        assertContains(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
      });
    } else if (expected.isArray()) {
      assertThat(actual.isArray() && actual.size() == expected.size())
          .as("%s read back as %s", path, actual).isTrue();
      for (int i = 0; i < expected.size(); i++) {
        assertContains(expected.get(i), actual.get(i), path + "[" + i + "]");
      }
    } else {
      assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
    }
  }

  // ---------------------------------------------------------------- rendering

  private static List<ObjectNode> render(Path dir) {
    try {
      ProcessResult r = run(List.of(kubectl.toString(), "kustomize", dir.toString()), Map.of(),
          dir);
      assertThat(r.exitCode()).as("kubectl kustomize %s:\n%s", dir, r.errors()).isZero();
      List<ObjectNode> objects = parse(r.output());
      assertThat(objects).as("objects rendered from %s", dir).isNotEmpty();
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A kustomization in target/ combining deploy/ directories, the way a user's own overlay
   * would, for the alternatives no overlay of deploy/ includes.
   */
  private static Path variant(String name, List<String> resources, List<String> components) {
    Path dir = VARIANTS.resolve(name);
    StringBuilder k = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\n"
        + "kind: Kustomization\nresources:\n");
    resources.forEach(r -> k.append("  - ").append(relative(dir, r)).append('\n'));
    k.append("components:\n");
    components.forEach(c -> k.append("  - ").append(relative(dir, c)).append('\n'));
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("kustomization.yaml"), k.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static String relative(Path from, String deployDir) {
    // kustomize accepts only relative paths to other kustomizations.
    return from.relativize(DEPLOY.resolve(deployDir)).toString();
  }

  private static List<ObjectNode> parse(String yaml) throws IOException {
    List<ObjectNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n != null && n.isObject() && n.size() > 0) {
          objects.add((ObjectNode) n);
        }
      }
    }
    return objects;
  }

  private static Map<String, TopicSpec> parseDryRun(String output) {
    Map<String, TopicSpec> topics = new TreeMap<>();
    for (String line : output.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      List<String> words = List.of(line.trim().split("\\s+"));
      assertThat(words).as(line).contains("--create", "--if-not-exists");
      String topic = words.get(words.indexOf("--topic") + 1);
      int partitions = Integer.parseInt(words.get(words.indexOf("--partitions") + 1));
      Map<String, String> config = new TreeMap<>();
      for (int i = 0; i < words.size() - 1; i++) {
        if (words.get(i).equals("--config")) {
          String[] kv = words.get(i + 1).split("=", 2);
          config.put(kv[0], kv[1]);
        }
      }
      topics.put(topic, new TopicSpec(partitions, config));
    }
    return topics;
  }

  private ProcessResult runScript(List<String> args, Map<String, String> env) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("bash",
        DEPLOY.resolve("kafka/create-topics.sh").toString()));
    cmd.addAll(args);
    Map<String, String> environment = new LinkedHashMap<>(env);
    // Only the tool this test chooses: nothing from the machine or the caller's environment.
    environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    environment.put("KAFKA_TOPICS_CMD", "");
    environment.put("KAFKA_HOME", "");
    environment.put("KAFKA_BOOTSTRAP_SERVERS", "");
    environment.put("REPLICATION_FACTOR", "");
    return run(cmd, environment, ROOT);
  }

  private static ProcessResult run(List<String> cmd, Map<String, String> env, Path dir)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    Path err = Files.createTempFile("deploy-test", ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    try (InputStream in = p.getInputStream()) {
      String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail("timed out: " + cmd);
      }
      return new ProcessResult(p.exitValue(), out, Files.readString(err));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  // ---------------------------------------------------------------- helpers

  private record ProcessResult(int exitCode, String output, String errors) {}

  private record TopicSpec(int partitions, Map<String, String> config) {}

  private static Map<String, String> phases() {
    Map<String, String> phases = new LinkedHashMap<>();
    phases.put("presync", "PreSync");
    phases.put("sync", "Sync");
    phases.put("postsync", "PostSync");
    phases.put("syncfail", "SyncFail");
    return phases;
  }

  private static List<String> expectedTopics() {
    List<String> topics = new ArrayList<>(Topics.ALL);
    Topics.ALL.forEach(t -> topics.add(Topics.dlq(t)));
    return topics;
  }

  private static List<ObjectNode> workloads(List<ObjectNode> objects) {
    List<ObjectNode> w = new ArrayList<>(ofKind(objects, "Deployment"));
    w.addAll(ofKind(objects, "StatefulSet"));
    return w;
  }

  private static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  /** The one object of a kind (with that name, unless name is null). */
  private static ObjectNode one(List<ObjectNode> objects, String kind, String name) {
    List<ObjectNode> found = ofKind(objects, kind).stream()
        .filter(o -> name == null || name.equals(name(o)))
        .toList();
    assertThat(found).as("%s %s", kind, name == null ? "" : name).hasSize(1);
    return found.get(0);
  }

  private static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  private static String namespace(JsonNode o) {
    return o.path("metadata").path("namespace").asText("");
  }

  private static List<String> names(List<ObjectNode> objects) {
    return objects.stream().map(DeployManifestsTest::name).toList();
  }

  private static Map<String, String> labels(JsonNode map) {
    Map<String, String> labels = new TreeMap<>();
    map.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static Map<String, String> podLabels(JsonNode workload) {
    return labels(workload.path("spec").path("template").path("metadata").path("labels"));
  }

  private static boolean selects(JsonNode selector, Map<String, String> pod) {
    return selector.size() > 0 && pod.entrySet().containsAll(labels(selector).entrySet());
  }

  private static JsonNode container(JsonNode workload, String name) {
    for (JsonNode c : workload.path("spec").path("template").path("spec").path("containers")) {
      if (name.equals(c.path("name").asText())) {
        return c;
      }
    }
    return YAML.createObjectNode();
  }

  private static JsonNode volume(JsonNode workload, String name) {
    for (JsonNode v : workload.path("spec").path("template").path("spec").path("volumes")) {
      if (name.equals(v.path("name").asText())) {
        return v;
      }
    }
    return YAML.createObjectNode();
  }

  private static String env(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (name.equals(e.path("name").asText())) {
        return e.path("value").asText();
      }
    }
    return null;
  }

  private static int containerPort(JsonNode container, String name) {
    for (JsonNode p : container.path("ports")) {
      if (name.equals(p.path("name").asText())) {
        return p.path("containerPort").asInt();
      }
    }
    return -1;
  }

  private static String bootstrapServers(List<ObjectNode> objects) {
    return one(objects, "ConfigMap", null).path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText();
  }

  /** The text values at a path below every element of an array. */
  private static List<String> texts(JsonNode array, String... path) {
    List<String> values = new ArrayList<>();
    for (JsonNode element : array) {
      JsonNode n = element;
      for (String p : path) {
        n = n.path(p);
      }
      if (!n.isMissingNode()) {
        values.add(n.asText());
      }
    }
    return values;
  }

  private static Set<String> textSet(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static GenericKubernetesResource generic(JsonNode node) {
    return YAML.convertValue(node, GenericKubernetesResource.class);
  }

  private static Properties serviceProperties(String module) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(
        ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static Optional<Path> locateKubectl() {
    Path usual = Path.of("/usr/bin/kubectl");
    if (Files.isExecutable(usual)) {
      return Optional.of(usual);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(java.io.File.pathSeparator))
        .filter(s -> !s.isEmpty())
        .map(s -> Path.of(s, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("deploy/base/kustomization.yaml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no deploy/base/kustomization.yaml above " + dir);
  }

  /** Enough of each definition for the API server to serve the kind. */
  private static final List<String> CUSTOM_RESOURCE_DEFINITIONS = List.of(
      crd("kafka.strimzi.io", "KafkaTopic", "kafkatopics", "v1", "v1beta2"),
      crd("keda.sh", "ScaledObject", "scaledobjects", "v1alpha1"),
      crd("monitoring.coreos.com", "ServiceMonitor", "servicemonitors", "v1"),
      crd("monitoring.coreos.com", "PodMonitor", "podmonitors", "v1"),
      crd("monitoring.coreos.com", "PrometheusRule", "prometheusrules", "v1"));

  private static String crd(String group, String kind, String plural, String... versions) {
    StringBuilder v = new StringBuilder();
    for (int i = 0; i < versions.length; i++) {
      v.append("    - name: ").append(versions[i]).append('\n')
          .append("      served: true\n")
          .append("      storage: ").append(i == 0).append('\n')
          .append("      schema:\n")
          .append("        openAPIV3Schema:\n")
          .append("          type: object\n")
          .append("          x-kubernetes-preserve-unknown-fields: true\n");
    }
    return "apiVersion: apiextensions.k8s.io/v1\n"
        + "kind: CustomResourceDefinition\n"
        + "metadata:\n"
        + "  name: " + plural + "." + group + "\n"
        + "spec:\n"
        + "  group: " + group + "\n"
        + "  scope: Namespaced\n"
        + "  names:\n"
        + "    kind: " + kind + "\n"
        + "    plural: " + plural + "\n"
        + "    singular: " + kind.toLowerCase() + "\n"
        + "  versions:\n"
        + v;
  }
}
