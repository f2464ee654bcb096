package io.wavesync.runner.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.kubernetes.GenericResources;
import io.wavesync.runner.domain.CallLog;
import io.wavesync.sandbox.SandboxCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both appliers and the methods of {@code Replace=true}, against the sandbox cluster. */
class AppliersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ApplyStrategy CLIENT_SIDE =
      new ApplyStrategy(false, false, true, false, "wavesync");
  private static final ApplyStrategy SERVER_SIDE =
      new ApplyStrategy(false, false, true, true, "wavesync");

  private static SandboxCluster sandbox;
  private static KubernetesClient client;
  private static KubernetesClusterOps ops;

  @BeforeAll
  static void start() {
    sandbox = new SandboxCluster().start("127.0.0.1", 0);
    client = sandbox.client();
    GenericResources resources = new GenericResources(client);
    Duration wait = Duration.ofSeconds(60);
    ops = new KubernetesClusterOps(resources, new CreateOrUpdateApplier(resources, wait),
        new ServerSideApplier(resources, wait), new CallLog());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static KubeObject object(String json) {
    try {
      return KubeObject.of((ObjectNode) JSON.readTree(json.replace('\'', '"')));
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static KubeObject configMap(String ns, String name, String data) {
    return object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'" + name
        + "','namespace':'" + ns + "'},'data':" + data + "}");
  }

  private static KubeObject job(String ns, String name, String command) {
    return object("{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'" + name
        + "','namespace':'" + ns + "'},'spec':{'backoffLimit':0,'template':{'spec':{"
        + "'restartPolicy':'Never','containers':[{'name':'main','image':'busybox:1.36',"
        + "'command':['sh','-c','" + command + "']}]}}}}");
  }

  private static ApiException refusal(ThrowingApply apply) {
    try {
      apply.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("the API accepted the write");
  }

  @FunctionalInterface
  private interface ThrowingApply {
    void run() throws ApiException;
  }

  @Test
  void clientSideApplyCreatesThenLeavesAloneThenConfigures() throws ApiException {
    var created = ops.apply(configMap("csa", "c", "{'a':'1','b':'2'}"), null,
        ApplyStrategy.Method.APPLY, CLIENT_SIDE, false);
    assertThat(created.message()).isEqualTo("configmap/c created");
    ConfigMap live = client.configMaps().inNamespace("csa").withName("c").get();
    assertThat(created.uid()).isEqualTo(live.getMetadata().getUid());
    assertThat(live.getMetadata().getAnnotations())
        .containsKey(ClientSideMerge.LAST_APPLIED);

    assertThat(ops.apply(configMap("csa", "c", "{'a':'1','b':'2'}"), null,
        ApplyStrategy.Method.APPLY, CLIENT_SIDE, false).message())
        .isEqualTo("configmap/c unchanged");

    // b is dropped from the manifest: kubectl removes it, and keeps what others added
    client.configMaps().inNamespace("csa").withName("c")
        .edit(cm -> {
          cm.getMetadata().getLabels().put("added-by", "someone-else");
          return cm;
        });
    var configured = ops.apply(configMap("csa", "c", "{'a':'3'}"), null,
        ApplyStrategy.Method.APPLY, CLIENT_SIDE, false);
    assertThat(configured.message()).isEqualTo("configmap/c configured");
    ConfigMap after = client.configMaps().inNamespace("csa").withName("c").get();
    assertThat(after.getData()).containsExactly(java.util.Map.entry("a", "3"));
    assertThat(after.getMetadata().getLabels()).containsEntry("added-by", "someone-else");
    assertThat(after.getMetadata().getUid()).isEqualTo(live.getMetadata().getUid());
  }

  @Test
  void reapplyingAJobKeepsWhatTheServerFilledIn() throws ApiException {
    var created = ops.apply(job("jobs", "migrate", "true"), null, ApplyStrategy.Method.APPLY,
        CLIENT_SIDE, false);
    assertThat(created.message()).isEqualTo("job.batch/migrate created");
    Job live = client.batch().v1().jobs().inNamespace("jobs").withName("migrate").get();
    assertThat(live.getSpec().getSelector()).isNotNull();

    assertThat(ops.apply(job("jobs", "migrate", "true"), null, ApplyStrategy.Method.APPLY,
        CLIENT_SIDE, false).message()).isEqualTo("job.batch/migrate unchanged");
  }

  @Test
  void anImmutableChangeIsRefusedUnlessForced() throws ApiException {
    var first = ops.apply(job("force", "seed", "true"), null, ApplyStrategy.Method.APPLY,
        CLIENT_SIDE, false);

    ApiException refused = refusal(() -> ops.apply(job("force", "seed", "exit 0"), null,
        ApplyStrategy.Method.APPLY, CLIENT_SIDE, false));
    assertThat(refused.code()).isEqualTo(422);
    assertThat(refused.getMessage()).contains("field is immutable");

    var forced = ops.apply(job("force", "seed", "exit 0"), null, ApplyStrategy.Method.APPLY,
        new ApplyStrategy(false, true, true, false, "wavesync"), false);
    assertThat(forced.message()).isEqualTo("job.batch/seed replaced");
    assertThat(forced.uid()).isNotEqualTo(first.uid());
  }

  @Test
  void serverSideApplyCreatesAndUpdates() throws ApiException {
    var created = ops.apply(configMap("ssa", "s", "{'a':'1'}"), null, ApplyStrategy.Method.APPLY,
        SERVER_SIDE, false);
    assertThat(created.message()).isEqualTo("configmap/s serverside-applied");
    var updated = ops.apply(configMap("ssa", "s", "{'a':'2'}"), null, ApplyStrategy.Method.APPLY,
        SERVER_SIDE, false);
    assertThat(updated.message()).isEqualTo("configmap/s serverside-applied");
    assertThat(updated.uid()).isEqualTo(created.uid());
    assertThat(client.configMaps().inNamespace("ssa").withName("s").get().getData())
        .containsEntry("a", "2");
  }

  @Test
  void replaceCreateAndUpdateDoWhatTheySay() throws ApiException {
    ApplyStrategy replace = new ApplyStrategy(true, false, true, false, "wavesync");
    assertThat(ops.apply(configMap("methods", "r", "{'a':'1'}"), null,
        ApplyStrategy.Method.CREATE, replace, false).message())
        .isEqualTo("configmap/r created");
    assertThat(refusal(() -> ops.apply(configMap("methods", "r", "{'a':'1'}"), null,
        ApplyStrategy.Method.CREATE, replace, false)).code()).isEqualTo(409);
    assertThat(ops.apply(configMap("methods", "r", "{'a':'2'}"), null,
        ApplyStrategy.Method.REPLACE, replace, false).message())
        .isEqualTo("configmap/r replaced");
    assertThat(ops.apply(object("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':"
        + "'methods','labels':{'team':'a'}}}"), null, ApplyStrategy.Method.UPDATE, replace,
        false).message()).isEqualTo("namespace/methods updated");
    assertThat(client.configMaps().inNamespace("methods").withName("r").get().getData())
        .containsEntry("a", "2");
    assertThat(client.namespaces().withName("methods").get().getMetadata().getLabels())
        .containsEntry("team", "a");
  }

  @Test
  void aDryRunDescribesTheWriteAndWritesNothing() throws ApiException {
    assertThat(ops.apply(configMap("dry", "d", "{'a':'1'}"), null, ApplyStrategy.Method.APPLY,
        CLIENT_SIDE, true).message()).isEqualTo("configmap/d created (dry run)");
    assertThat(client.configMaps().inNamespace("dry").withName("d").get()).isNull();

    ops.apply(configMap("dry", "d", "{'a':'1'}"), null, ApplyStrategy.Method.APPLY, CLIENT_SIDE,
        false);
    var same = ops.apply(configMap("dry", "d", "{'a':'1'}"), null, ApplyStrategy.Method.APPLY,
        CLIENT_SIDE, true);
    assertThat(same.message()).isEqualTo("configmap/d unchanged (dry run)");
    assertThat(same.uid()).isNotEmpty();
    assertThat(ops.apply(configMap("dry", "d", "{'a':'2'}"), null, ApplyStrategy.Method.APPLY,
        CLIENT_SIDE, true).message()).isEqualTo("configmap/d configured (dry run)");
    assertThat(client.configMaps().inNamespace("dry").withName("d").get().getData())
        .containsEntry("a", "1");
  }

  @Test
  void whatCannotBeSentFailsWithAClearMessage() {
    ApiException unknown = refusal(() -> ops.apply(object("{'apiVersion':'example.com/v1',"
        + "'kind':'Widget','metadata':{'name':'w','namespace':'x'}}"), null,
        ApplyStrategy.Method.APPLY, CLIENT_SIDE, true));
    assertThat(unknown.getMessage())
        .isEqualTo("no matches for kind \"Widget\" in version \"example.com/v1\"");

    ApiException unnamed = refusal(() -> ops.apply(object("{'apiVersion':'v1','kind':'ConfigMap',"
        + "'metadata':{'generateName':'cm-','namespace':'x'}}"), null,
        ApplyStrategy.Method.APPLY, CLIENT_SIDE, false));
    assertThat(unnamed.getMessage()).isEqualTo("resource name may not be empty");
    assertThat(unnamed.code()).isZero();
  }

  @Test
  void createWithAGeneratedNameGetsTheNameFromTheServer() throws ApiException {
    var created = ops.apply(object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{"
        + "'generateName':'hook-','namespace':'gen'}}"), null, ApplyStrategy.Method.CREATE,
        new ApplyStrategy(true, false, true, false, "wavesync"), false);
    assertThat(created.message()).startsWith("configmap/hook-").endsWith(" created");
    String name = created.message().substring("configmap/".length(),
        created.message().length() - " created".length());
    assertThat(client.configMaps().inNamespace("gen").withName(name).get()).isNotNull();
  }
}
