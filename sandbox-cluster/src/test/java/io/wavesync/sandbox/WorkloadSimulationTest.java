package io.wavesync.sandbox;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.wavesync.sandbox.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkloadSimulationTest {

  private static SandboxCluster sandbox;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    sandbox = new SandboxCluster().start("127.0.0.1", 0);
    client = sandbox.client();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Deployment deployment(String name, int replicas, String image,
      Map<String, String> annotations) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace("workloads").withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate()
        .withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Deployment get(String name) {
    return client.apps().deployments().inNamespace("workloads").withName(name).get();
  }

  private static Optional<DeploymentCondition> condition(Deployment d, String type) {
    if (d.getStatus() == null || d.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return d.getStatus().getConditions().stream().filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  private static boolean available(Deployment d, long generation) {
    return d.getStatus() != null
        && Long.valueOf(generation).equals(d.getStatus().getObservedGeneration())
        && condition(d, "Progressing").map(c -> "NewReplicaSetAvailable".equals(c.getReason()))
            .orElse(false);
  }

  @Test
  void deploymentBecomesAvailableWithObservedGeneration() {
    client.apps().deployments().resource(deployment("web", 3, "nginx:1.27", Map.of())).create();

    eventually().until(() -> available(get("web"), 1));

    Deployment web = get("web");
    assertThat(web.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(web.getStatus().getReplicas()).isEqualTo(3);
    assertThat(web.getStatus().getUpdatedReplicas()).isEqualTo(3);
    assertThat(web.getStatus().getReadyReplicas()).isEqualTo(3);
    assertThat(web.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(condition(web, "Available").orElseThrow().getStatus()).isEqualTo("True");
  }

  @Test
  void specChangeRunsTheRolloutAgain() {
    client.apps().deployments().resource(deployment("api", 2, "api:1", Map.of())).create();
    eventually().until(() -> available(get("api"), 1));
    String firstMessage = condition(get("api"), "Progressing").orElseThrow().getMessage();

    client.apps().deployments().inNamespace("workloads").withName("api").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("api:2");
      return d;
    });

    eventually().until(() -> available(get("api"), 2));
    Deployment api = get("api");
    assertThat(api.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(condition(api, "Progressing").orElseThrow().getMessage())
        .isNotEqualTo(firstMessage);
  }

  @Test
  void degradedAnnotationExceedsTheProgressDeadline() {
    client.apps().deployments().resource(deployment("broken", 1, "broken:1",
        Map.of(SandboxAnnotations.OUTCOME, "Degraded"))).create();

    eventually().until(() -> condition(get("broken"), "Progressing")
        .map(c -> "ProgressDeadlineExceeded".equals(c.getReason())).orElse(false));

    Deployment broken = get("broken");
    assertThat(condition(broken, "Progressing").orElseThrow().getStatus()).isEqualTo("False");
    assertThat(condition(broken, "Available").orElseThrow().getStatus()).isEqualTo("False");
    assertThat(broken.getStatus().getObservedGeneration()).isEqualTo(1L);
  }

  @Test
  void progressingAnnotationKeepsTheRolloutGoing() {
    client.apps().deployments().resource(deployment("stuck", 2, "stuck:1",
        Map.of(SandboxAnnotations.OUTCOME, "Progressing"))).create();

    eventually().until(() -> get("stuck").getStatus() != null
        && Long.valueOf(1).equals(get("stuck").getStatus().getObservedGeneration()));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
      Deployment stuck = get("stuck");
      return stuck.getStatus().getAvailableReplicas() == null
          && condition(stuck, "Progressing").map(c -> "ReplicaSetUpdated".equals(c.getReason()))
              .orElse(false);
    });
  }

  @Test
  void statefulSetAndDaemonSetBecomeReady() {
    client.apps().statefulSets().resource(new StatefulSetBuilder()
        .withNewMetadata().withName("db").withNamespace("workloads").endMetadata()
        .withNewSpec().withReplicas(2).withServiceName("db")
        .withNewSelector().addToMatchLabels("app", "db").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "db").endMetadata()
        .withNewSpec().addNewContainer().withName("db").withImage("postgres").endContainer()
        .endSpec().endTemplate().endSpec().build()).create();
    client.apps().daemonSets().resource(new DaemonSetBuilder()
        .withNewMetadata().withName("log-shipper").withNamespace("workloads").endMetadata()
        .withNewSpec()
        .withNewSelector().addToMatchLabels("app", "log-shipper").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "log-shipper").endMetadata()
        .withNewSpec().addNewContainer().withName("log-shipper").withImage("log-shipper")
        .endContainer().endSpec().endTemplate().endSpec().build()).create();

    eventually().until(() -> {
      StatefulSet db = client.apps().statefulSets().inNamespace("workloads").withName("db").get();
      return db.getStatus() != null && Integer.valueOf(2).equals(db.getStatus().getReadyReplicas());
    });
    eventually().until(() -> {
      DaemonSet shipper = client.apps().daemonSets().inNamespace("workloads")
          .withName("log-shipper").get();
      return shipper.getStatus() != null
          && Integer.valueOf(1).equals(shipper.getStatus().getNumberAvailable());
    });
    StatefulSet db = client.apps().statefulSets().inNamespace("workloads").withName("db").get();
    assertThat(db.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(db.getStatus().getCurrentRevision()).isEqualTo(db.getStatus().getUpdateRevision());
    DaemonSet shipper = client.apps().daemonSets().inNamespace("workloads")
        .withName("log-shipper").get();
    assertThat(shipper.getStatus().getDesiredNumberScheduled()).isEqualTo(1);
    assertThat(shipper.getStatus().getUpdatedNumberScheduled()).isEqualTo(1);
  }

  @Test
  void loadBalancerServiceGetsAnAddress() {
    Service created = client.services().resource(new ServiceBuilder()
        .withNewMetadata().withName("front").withNamespace("workloads").endMetadata()
        .withNewSpec().withType("LoadBalancer").addToSelector("app", "web")
        .addNewPort().withPort(80).endPort().endSpec().build()).create();

    assertThat(created.getSpec().getClusterIP()).startsWith("10.96.");
    assertThat(created.getSpec().getPorts().get(0).getNodePort()).isNotNull();
    eventually().until(() -> {
      Service front = client.services().inNamespace("workloads").withName("front").get();
      return front.getStatus().getLoadBalancer().getIngress() != null
          && !front.getStatus().getLoadBalancer().getIngress().isEmpty();
    });
  }
}
