package io.wavesync.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.wavesync.sandbox.Fixtures.eventually;
import static io.wavesync.sandbox.Fixtures.hasCondition;
import static io.wavesync.sandbox.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

class DeletionTest {

  private static final String HOOK_FINALIZER = "argocd.argoproj.io/hook-finalizer";

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

  private static Job createAndFinish(String namespace, Job job) {
    Job created = client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
    eventually().until(() -> hasCondition(
        client.batch().v1().jobs().inNamespace(namespace).withName(job.getMetadata().getName())
            .get(), "Complete"));
    return created;
  }

  private static List<Pod> podsOf(String namespace, Job job) {
    return client.pods().inNamespace(namespace)
        .withLabel("batch.kubernetes.io/controller-uid", job.getMetadata().getUid())
        .list().getItems();
  }

  private static Job get(String namespace, String name) {
    return client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
  }

  @Test
  void hookFinalizerKeepsADeletedJobWithDeletionTimestampUntilRemoved() {
    Job spec = job("finalizers", "hook", List.of("true"));
    spec.getMetadata().setFinalizers(new ArrayList<>(List.of(HOOK_FINALIZER)));
    createAndFinish("finalizers", spec);

    client.batch().v1().jobs().inNamespace("finalizers").withName("hook").delete();

    Job deleting = get("finalizers", "hook");
    assertThat(deleting).isNotNull();
    assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(deleting.getMetadata().getFinalizers()).containsExactly(HOOK_FINALIZER);

    // Removing the finalizer the way the engine does: an update of the live object.
    client.batch().v1().jobs().inNamespace("finalizers").withName("hook").edit(j -> {
      j.getMetadata().getFinalizers().remove(HOOK_FINALIZER);
      return j;
    });

    eventually().until(() -> get("finalizers", "hook") == null);
  }

  @Test
  void foregroundDeletionRemovesThePodsBeforeTheJob() {
    Job job = createAndFinish("foreground", job("foreground", "cleanup", List.of("true")));
    assertThat(podsOf("foreground", job)).hasSize(1);

    client.batch().v1().jobs().inNamespace("foreground").withName("cleanup")
        .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();

    eventually().until(() -> get("foreground", "cleanup") == null);
    assertThat(podsOf("foreground", job)).isEmpty();
  }

  @Test
  void foregroundDeletionOfAJobWithAHookFinalizerRemovesPodsAndKeepsTheJob() {
    Job spec = job("foreground-hook", "hook", List.of("true"));
    spec.getMetadata().setFinalizers(new ArrayList<>(List.of(HOOK_FINALIZER)));
    Job job = createAndFinish("foreground-hook", spec);

    client.batch().v1().jobs().inNamespace("foreground-hook").withName("hook")
        .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();

    eventually().until(() -> podsOf("foreground-hook", job).isEmpty()
        && get("foreground-hook", "hook").getMetadata().getFinalizers()
            .equals(List.of(HOOK_FINALIZER)));
    assertThat(get("foreground-hook", "hook").getMetadata().getDeletionTimestamp()).isNotNull();
  }

  @Test
  void backgroundDeletionGarbageCollectsThePods() {
    Job job = createAndFinish("background", job("background", "report", List.of("true")));

    client.batch().v1().jobs().inNamespace("background").withName("report")
        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();

    assertThat(get("background", "report")).isNull();
    eventually().until(() -> podsOf("background", job).isEmpty());
  }

  @Test
  void orphanDeletionLeavesThePodsWithoutOwner() {
    Job job = createAndFinish("orphan", job("orphan", "keep", List.of("true")));

    client.batch().v1().jobs().inNamespace("orphan").withName("keep")
        .withPropagationPolicy(DeletionPropagation.ORPHAN).delete();

    eventually().until(() -> get("orphan", "keep") == null);
    List<Pod> pods = podsOf("orphan", job);
    assertThat(pods).hasSize(1);
    assertThat(pods.get(0).getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void ttlSecondsAfterFinishedDeletesTheJobAndItsPods() {
    Job spec = job("ttl", "short-lived", List.of("true"));
    spec.getSpec().setTtlSecondsAfterFinished(1);
    Job job = createAndFinish("ttl", spec);

    eventually().until(() -> get("ttl", "short-lived") == null);
    assertThat(podsOf("ttl", job)).isEmpty();
  }

  @Test
  void ttlOnAJobWithAHookFinalizerOnlyMarksItForDeletion() {
    Job spec = job("ttl-hook", "hook", List.of("true"));
    spec.getSpec().setTtlSecondsAfterFinished(0);
    spec.getMetadata().setFinalizers(new ArrayList<>(List.of(HOOK_FINALIZER)));
    createAndFinish("ttl-hook", spec);

    eventually().until(() -> get("ttl-hook", "hook").getMetadata().getDeletionTimestamp() != null
        && get("ttl-hook", "hook").getMetadata().getFinalizers().equals(List.of(HOOK_FINALIZER)));
    Fixtures.eventually().during(Duration.ofSeconds(1))
        .until(() -> get("ttl-hook", "hook") != null);
  }

  @Test
  void deletingANamespaceDeletesWhatIsInIt() {
    client.configMaps().inNamespace("doomed").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("settings").endMetadata().addToData("a", "1").build()).create();
    assertThat(client.namespaces().withName("doomed").get().getStatus().getPhase())
        .isEqualTo("Active");

    client.namespaces().withName("doomed").delete();

    eventually().until(() -> client.namespaces().withName("doomed").get() == null);
    assertThat(client.configMaps().inNamespace("doomed").withName("settings").get()).isNull();
  }
}
