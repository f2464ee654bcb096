package io.wavesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.wavesync.sandbox.Fixtures.eventually;
import static io.wavesync.sandbox.Fixtures.hasCondition;
import static io.wavesync.sandbox.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static SandboxCluster sandbox;
  private static KubernetesClient client;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sandbox = new SandboxCluster().start("127.0.0.1", 0);
    client = sandbox.client();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static HttpResponse<String> http(String method, String path, String body,
      String contentType) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.url() + path));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void podLogsShowTheCommandItsOutputAndTheExitCode() {
    Job job = client.batch().v1().jobs().resource(job("logs", "noisy",
        List.of("sh", "-c", "echo first line; echo second line; exit 2"))).create();
    eventually().until(() -> hasCondition(
        client.batch().v1().jobs().inNamespace("logs").withName("noisy").get(), "Failed"));
    String pod = client.pods().inNamespace("logs")
        .withLabel("job-name", "noisy").list().getItems().get(0).getMetadata().getName();

    String log = client.pods().inNamespace("logs").withName(pod).getLog();

    assertThat(log).contains("echo first line; echo second line; exit 2")
        .contains("first line\nsecond line\n")
        .contains("exited with code 2 (Error)");
    assertThat(job.getMetadata().getUid()).isNotBlank();
  }

  @Test
  void serverSideApplyCreatesThenUpdatesWithAFieldManager() {
    ConfigMap desired = new ConfigMapBuilder()
        .withNewMetadata().withName("app-settings").withNamespace("apply").endMetadata()
        .addToData("color", "blue")
        .build();

    ConfigMap created = client.configMaps().resource(desired).fieldManager("wavesync")
        .forceConflicts().serverSideApply();
    desired.getData().put("size", "large");
    ConfigMap updated = client.configMaps().resource(desired).fieldManager("wavesync")
        .forceConflicts().serverSideApply();

    assertThat(created.getMetadata().getUid()).isEqualTo(updated.getMetadata().getUid());
    assertThat(client.configMaps().inNamespace("apply").withName("app-settings").get().getData())
        .isEqualTo(Map.of("color", "blue", "size", "large"));
  }

  @Test
  void serverSideApplyOfAJobCreatesItAndTheSimulatorRunsIt() {
    client.batch().v1().jobs().resource(job("apply", "applied", List.of("true")))
        .fieldManager("wavesync").forceConflicts().serverSideApply();

    eventually().until(() -> hasCondition(
        client.batch().v1().jobs().inNamespace("apply").withName("applied").get(), "Complete"));
  }

  @Test
  void strategicMergePatchMergesContainersByName() {
    client.apps().deployments().resource(new DeploymentBuilder()
        .withNewMetadata().withName("patched").withNamespace("patch").endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", "p").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "p").endMetadata()
        .withNewSpec()
        .addNewContainer().withName("app").withImage("app:1").endContainer()
        .addNewContainer().withName("sidecar").withImage("proxy:1").endContainer()
        .endSpec().endTemplate().endSpec().build()).create();

    client.apps().deployments().inNamespace("patch").withName("patched")
        .patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\","
                + "\"image\":\"app:2\"}]}}}}");

    Deployment patched = client.apps().deployments().inNamespace("patch").withName("patched").get();
    assertThat(patched.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getName() + "=" + c.getImage())
        .containsExactly("app=app:2", "sidecar=proxy:1");
    assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void scaleSubresourceChangesTheReplicas() {
    client.apps().deployments().resource(new DeploymentBuilder()
        .withNewMetadata().withName("scaled").withNamespace("scale").endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "s").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "s").endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("app:1").endContainer()
        .endSpec().endTemplate().endSpec().build()).create();

    client.apps().deployments().inNamespace("scale").withName("scaled").scale(4);

    eventually().until(() -> {
      Deployment scaled = client.apps().deployments().inNamespace("scale").withName("scaled")
          .get();
      return scaled.getSpec().getReplicas() == 4 && scaled.getStatus() != null
          && Integer.valueOf(4).equals(scaled.getStatus().getAvailableReplicas());
    });
  }

  @Test
  void updatesOfTheMainResourceKeepTheStatus() {
    client.batch().v1().jobs().resource(job("status", "kept", List.of("true"))).create();
    eventually().until(() -> hasCondition(
        client.batch().v1().jobs().inNamespace("status").withName("kept").get(), "Complete"));

    Job live = client.batch().v1().jobs().inNamespace("status").withName("kept").get();
    live.getMetadata().getLabels().put("touched", "yes");
    live.setStatus(null);
    client.batch().v1().jobs().resource(live).update();

    Job after = client.batch().v1().jobs().inNamespace("status").withName("kept").get();
    assertThat(after.getMetadata().getLabels()).containsEntry("touched", "yes");
    assertThat(hasCondition(after, "Complete")).isTrue();
  }

  @Test
  void aJobTemplateCannotChange() {
    client.batch().v1().jobs().resource(job("immutable", "fixed", List.of("true"))).create();

    // the simulator writes the new Job's status concurrently: an edit that lost that race gets
    // 409 Conflict, as on a real cluster, and is tried again
    KubernetesClientException refused = null;
    for (int attempt = 0; attempt < 20 && (refused == null || refused.getCode() == 409);
        attempt++) {
      refused = catchThrowableOfType(KubernetesClientException.class,
          () -> client.batch().v1().jobs().inNamespace("immutable").withName("fixed")
              .edit(j -> {
                j.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("other");
                return j;
              }));
      assertThat(refused).as("the changed template must be refused").isNotNull();
    }
    assertThat(refused.getCode()).isEqualTo(422);
    assertThat(refused).hasMessageContaining("field is immutable");
  }

  @Test
  void generateNameGetsAShortRandomSuffix() {
    ConfigMap created = client.configMaps().resource(new ConfigMapBuilder()
        .withNewMetadata().withGenerateName("hook-").withNamespace("names").endMetadata()
        .build()).create();

    assertThat(created.getMetadata().getName()).matches("hook-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(client.configMaps().inNamespace("names").withName(created.getMetadata().getName())
        .get()).isNotNull();
  }

  @Test
  void notFoundAndAlreadyExistsAreStatusObjects() throws Exception {
    HttpResponse<String> missing = http("GET", "/apis/batch/v1/namespaces/default/jobs/nope",
        null, null);
    assertThat(missing.statusCode()).isEqualTo(404);
    JsonNode notFound = JSON.readTree(missing.body());
    assertThat(notFound.path("kind").asText()).isEqualTo("Status");
    assertThat(notFound.path("reason").asText()).isEqualTo("NotFound");
    assertThat(notFound.path("message").asText()).isEqualTo("jobs.batch \"nope\" not found");

    String body =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"twice\"}}";
    assertThat(http("POST", "/api/v1/namespaces/default/configmaps", body, "application/json")
        .statusCode()).isEqualTo(201);
    HttpResponse<String> again = http("POST", "/api/v1/namespaces/default/configmaps", body,
        "application/json");
    assertThat(again.statusCode()).isEqualTo(409);
    JsonNode exists = JSON.readTree(again.body());
    assertThat(exists.path("reason").asText()).isEqualTo("AlreadyExists");
    assertThat(exists.path("message").asText()).isEqualTo("configmaps \"twice\" already exists");
  }

  @Test
  void discoveryListsTheBuiltInGroupsAndListsAreTyped() throws Exception {
    JsonNode groups = JSON.readTree(http("GET", "/apis", null, null).body());
    assertThat(groups.path("groups").findValuesAsText("name"))
        .contains("apps", "batch", "networking.k8s.io", "rbac.authorization.k8s.io", "policy",
            "autoscaling", "apiextensions.k8s.io", "argoproj.io");
    JsonNode core = JSON.readTree(http("GET", "/api/v1", null, null).body());
    assertThat(core.path("resources").findValuesAsText("name"))
        .contains("pods", "pods/log", "services", "configmaps", "secrets", "namespaces",
            "serviceaccounts", "persistentvolumeclaims", "events", "endpoints");
    JsonNode list = JSON.readTree(http("GET", "/api/v1/namespaces", null, null).body());
    assertThat(list.path("kind").asText()).isEqualTo("NamespaceList");
    assertThat(list.path("items").findValuesAsText("name")).contains("default", "kube-system");
  }

  @Test
  void kubeconfigPointsAtTheSandbox(@TempDir Path dir) throws IOException {
    Path written = sandbox.writeKubeconfig(dir.resolve("nested/kubeconfig"));

    String kubeconfig = Files.readString(written);
    assertThat(kubeconfig).contains("server: " + sandbox.url())
        .contains("namespace: default")
        .contains("current-context: wavesync-sandbox");
  }
}
