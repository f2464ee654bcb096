package io.wavesync.kubernetes;

import static io.wavesync.kubernetes.Sandbox.configMap;
import static io.wavesync.kubernetes.Sandbox.eventually;
import static io.wavesync.kubernetes.Sandbox.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.sandbox.SandboxCluster;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeletesTest {

  private static SandboxCluster sandbox;
  private static KubernetesClient client;
  private static GenericResources resources;

  @BeforeAll
  static void start() {
    sandbox = new SandboxCluster().start("127.0.0.1", 0);
    client = sandbox.client();
    resources = new GenericResources(client);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static ConfigMap createConfigMap(String name) {
    return client.configMaps().inNamespace("deletes").resource(configMap("deletes", name,
        List.of())).create();
  }

  @Test
  void deletesAndSaysSoTheKubectlWay() throws ApiException {
    ConfigMap cm = createConfigMap("gone-soon");

    Deletes.Result result = Deletes.delete(resources, new KubeRef("v1", "ConfigMap", "deletes",
        "gone-soon", cm.getMetadata().getUid()), "Background");

    assertThat(result.outcome()).isEqualTo(Deletes.Outcome.DELETED);
    assertThat(result.message()).isEqualTo("configmap/gone-soon deleted");
    eventually().until(() -> client.configMaps().inNamespace("deletes").withName("gone-soon")
        .get() == null);
  }

  @Test
  void aMissingObjectIsReportedAsNotFound() throws ApiException {
    Deletes.Result result = Deletes.delete(resources, new KubeRef("v1", "ConfigMap", "deletes",
        "never-existed", null), "Foreground");

    assertThat(result.outcome()).isEqualTo(Deletes.Outcome.NOT_FOUND);
    assertThat(result.message()).contains("never-existed").contains("not found");
  }

  @Test
  void aNewerObjectWithTheSameNameIsNotDeleted() throws ApiException {
    ConfigMap current = createConfigMap("recreated");

    Deletes.Result result = Deletes.delete(resources, new KubeRef("v1", "ConfigMap", "deletes",
        "recreated", "uid-of-the-deleted-one"), "Background");

    assertThat(result.outcome()).isEqualTo(Deletes.Outcome.NOT_FOUND);
    assertThat(result.message()).contains("uid-of-the-deleted-one");
    assertThat(client.configMaps().inNamespace("deletes").withName("recreated").get()
        .getMetadata().getUid()).isEqualTo(current.getMetadata().getUid());
  }

  @Test
  void foregroundDeletionRemovesTheDependentsFirst() throws ApiException {
    Job created = client.batch().v1().jobs().inNamespace("deletes")
        .resource(job("deletes", "migrate", List.of())).create();
    eventually().until(() -> !podsOf(created).isEmpty());

    Deletes.Result result = Deletes.delete(resources, new KubeRef("batch/v1", "Job", "deletes",
        "migrate", created.getMetadata().getUid()), "foreground");

    assertThat(result.message()).isEqualTo("job.batch/migrate deleted");
    eventually().until(() -> client.batch().v1().jobs().inNamespace("deletes").withName("migrate")
        .get() == null);
    assertThat(podsOf(created)).isEmpty();
  }

  @Test
  void aKindTheServerDoesNotServeHasNoObjectsToDelete() throws ApiException {
    Deletes.Result result = Deletes.delete(resources, new KubeRef("example.com/v1", "Widget",
        "deletes", "w", null), null);

    assertThat(result.outcome()).isEqualTo(Deletes.Outcome.NOT_FOUND);
    assertThat(result.message())
        .isEqualTo("no matches for kind \"Widget\" in version \"example.com/v1\"");
  }

  @Test
  void refusalsKeepTheApisMessage() {
    assertThatThrownBy(() -> Deletes.delete(resources, new KubeRef("v1", "Namespace", null,
        "default", null), "Background"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(403);
          assertThat(e.getMessage()).contains("may not be deleted");
        });
  }

  @Test
  void propagationPoliciesAreSpelledAsKubernetesExpects() {
    assertThat(Deletes.propagationPolicy("foreground")).isEqualTo("Foreground");
    assertThat(Deletes.propagationPolicy("Background")).isEqualTo("Background");
    assertThat(Deletes.propagationPolicy("ORPHAN")).isEqualTo("Orphan");
    assertThat(Deletes.propagationPolicy(null)).isNull();
    assertThatThrownBy(() -> Deletes.propagationPolicy("cascade"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cascade");
  }

  private static List<Pod> podsOf(Job job) {
    return client.pods().inNamespace("deletes")
        .withLabel("batch.kubernetes.io/controller-uid", job.getMetadata().getUid())
        .list().getItems();
  }
}
