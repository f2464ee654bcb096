package io.wavesync.kubernetes;

import static io.wavesync.kubernetes.Sandbox.configMap;
import static io.wavesync.kubernetes.Sandbox.eventually;
import static io.wavesync.kubernetes.Sandbox.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.sandbox.SandboxCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HookFinalizersTest {

  private static final String HOOK = HookFinalizers.HOOK_FINALIZER;
  private static final String OTHER = "example.com/keep";

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

  private static ConfigMap create(String name, List<String> finalizers) {
    return client.configMaps().inNamespace("hooks").resource(configMap("hooks", name, finalizers))
        .create();
  }

  private static KubeRef ref(ConfigMap cm) {
    return new KubeRef("v1", "ConfigMap", "hooks", cm.getMetadata().getName(),
        cm.getMetadata().getUid());
  }

  private static List<RecordedRequest> drainRequests() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest r;
    while ((r = sandbox.server().takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
      requests.add(r);
    }
    return requests;
  }

  @Test
  void removesOnlyTheHookFinalizerWithAMetadataOnlyJsonPatch() throws Exception {
    ConfigMap cm = create("patched", List.of(OTHER, HOOK));
    drainRequests();

    assertThat(HookFinalizers.remove(resources, ref(cm))).isEqualTo(HookFinalizers.Outcome.REMOVED);

    ConfigMap after = client.configMaps().inNamespace("hooks").withName("patched").get();
    assertThat(after.getMetadata().getFinalizers()).containsExactly(OTHER);
    assertThat(after.getData()).containsEntry("key", "value");
    List<RecordedRequest> writes = drainRequests().stream()
        .filter(r -> !r.getMethod().equals("GET")).toList();
    assertThat(writes).hasSize(1);
    RecordedRequest patch = writes.get(0);
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getHeader("Content-Type")).startsWith("application/json-patch+json");
  }

  @Test
  void thePatchTestsTheUidAndTheFinalizerBeforeRemovingIt() {
    assertThat(HookFinalizers.patch(1, "u-1")).isEqualTo("["
        + "{\"op\":\"test\",\"path\":\"/metadata/uid\",\"value\":\"u-1\"},"
        + "{\"op\":\"test\",\"path\":\"/metadata/finalizers/1\",\"value\":\"" + HOOK + "\"},"
        + "{\"op\":\"remove\",\"path\":\"/metadata/finalizers/1\"}]");
  }

  @Test
  void aPatchWhoseTestFailsChangesNothing() {
    ConfigMap cm = create("moved", List.of(OTHER, HOOK));

    // index 0 holds another finalizer now: the test op must stop the removal. The sandbox answers
    // a failed test with a server error, which the client would retry with backoff; don't retry.
    Config noRetries = new ConfigBuilder(Config.empty()).withMasterUrl(sandbox.url())
        .withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient once = new KubernetesClientBuilder().withConfig(noRetries).build()) {
      assertThatThrownBy(() -> once.configMaps().inNamespace("hooks").withName("moved")
          .patch(PatchContext.of(PatchType.JSON),
              HookFinalizers.patch(0, cm.getMetadata().getUid())))
          .isInstanceOf(KubernetesClientException.class);
    }
    assertThat(client.configMaps().inNamespace("hooks").withName("moved").get().getMetadata()
        .getFinalizers()).containsExactly(OTHER, HOOK);
  }

  @Test
  void removingFromAJobWhoseTemplateWouldNoLongerValidateStillWorks() throws Exception {
    Job created = client.batch().v1().jobs().inNamespace("hooks")
        .resource(job("hooks", "immutable", List.of(HOOK))).create();
    KubeRef ref = new KubeRef("batch/v1", "Job", "hooks", "immutable",
        created.getMetadata().getUid());

    assertThat(HookFinalizers.remove(resources, ref)).isEqualTo(HookFinalizers.Outcome.REMOVED);

    Job after = client.batch().v1().jobs().inNamespace("hooks").withName("immutable").get();
    assertThat(after == null || after.getMetadata().getFinalizers() == null
        || !after.getMetadata().getFinalizers().contains(HOOK)).isTrue();
  }

  @Test
  void aMissingObjectOrFinalizerIsNothingToDo() throws ApiException {
    assertThat(HookFinalizers.remove(client, new KubeRef("v1", "ConfigMap", "hooks", "absent",
        null))).isEqualTo(HookFinalizers.Outcome.NOT_FOUND);
    ConfigMap plain = create("plain", List.of());
    assertThat(HookFinalizers.remove(resources, ref(plain)))
        .isEqualTo(HookFinalizers.Outcome.NOT_PRESENT);
    assertThat(HookFinalizers.remove(resources, new KubeRef("example.com/v1", "Widget", "hooks",
        "w", null))).isEqualTo(HookFinalizers.Outcome.NOT_FOUND);
  }

  @Test
  void anObjectWithAnotherUidIsLeftAlone() throws ApiException {
    ConfigMap cm = create("recreated", List.of(HOOK));
    KubeRef stale = new KubeRef("v1", "ConfigMap", "hooks", "recreated", "an-older-uid");

    assertThat(HookFinalizers.remove(resources, stale))
        .isEqualTo(HookFinalizers.Outcome.NOT_FOUND);
    assertThat(client.configMaps().inNamespace("hooks").withName("recreated").get().getMetadata()
        .getFinalizers()).containsExactly(HOOK);
    assertThat(cm.getMetadata().getUid()).isNotEqualTo("an-older-uid");
  }

  @Test
  void aConflictIsRetriedOnAFreshRead() throws ApiException {
    ConfigMap cm = create("contended", List.of(HOOK));
    sandbox.server().expect().patch()
        .withPath("/api/v1/namespaces/hooks/configmaps/contended")
        .andReturn(409, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"reason\":\"Conflict\",\"code\":409,\"message\":\"Operation cannot be fulfilled "
            + "on configmaps \\\"contended\\\": the object has been modified\"}")
        .once();

    assertThat(HookFinalizers.remove(resources, ref(cm))).isEqualTo(HookFinalizers.Outcome.REMOVED);
    assertThat(client.configMaps().inNamespace("hooks").withName("contended").get().getMetadata()
        .getFinalizers()).isNullOrEmpty();
  }

  @Test
  void otherFailuresAreReportedWithTheApisMessage() {
    ConfigMap cm = create("forbidden", List.of(HOOK));
    sandbox.server().expect().patch()
        .withPath("/api/v1/namespaces/hooks/configmaps/forbidden")
        .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"reason\":\"Forbidden\",\"code\":403,\"message\":\"configmaps \\\"forbidden\\\" "
            + "is forbidden: User cannot patch resource\"}")
        .once();

    assertThatThrownBy(() -> HookFinalizers.remove(resources, ref(cm)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(403);
          assertThat(e.getMessage()).contains("User cannot patch resource");
        });
  }

  @Test
  void aDeletedHookGoesAwayOnceTheFinalizerIsRemoved() throws ApiException {
    ConfigMap cm = create("terminating", List.of(HOOK));
    client.configMaps().inNamespace("hooks").withName("terminating").delete();
    assertThat(client.configMaps().inNamespace("hooks").withName("terminating").get()
        .getMetadata().getDeletionTimestamp()).isNotNull();

    assertThat(HookFinalizers.remove(resources, ref(cm))).isEqualTo(HookFinalizers.Outcome.REMOVED);

    eventually().until(() ->
        client.configMaps().inNamespace("hooks").withName("terminating").get() == null);
  }
}
