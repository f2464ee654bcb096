package io.wavesync.runner.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.ProjectPolicy;
import io.wavesync.kubernetes.GenericResources;
import io.wavesync.runner.domain.CallLog;
import io.wavesync.sandbox.SandboxCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner checks the application's project again before it writes anything. */
class ProjectCheckTest {

  private static SandboxCluster sandbox;
  private static KubernetesClusterOps ops;

  @BeforeAll
  static void start() {
    sandbox = new SandboxCluster().start("127.0.0.1", 0);
    GenericResources resources = new GenericResources(sandbox.client());
    Duration wait = Duration.ofSeconds(60);
    ProjectPolicy shop = new ProjectPolicy("shop", List.of("shop"), List.of("*/*"), List.of("/Secret"));
    ops = new KubernetesClusterOps(resources, new CreateOrUpdateApplier(resources, wait),
        new ServerSideApplier(resources, wait), new CallLog(), shop);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static final ApplyStrategy APPLY = new ApplyStrategy(false, false, true, false, "wavesync");

  @Test
  void anObjectOutsideTheProjectsDestinationsIsRefusedWithTheRuleItBreaks() {
    KubeObject cm = KubeObject.of("v1", "ConfigMap", "kube-system", "sneaky");
    assertThatThrownBy(() -> ops.apply(cm, null, ApplyStrategy.Method.APPLY, APPLY, false))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(403);
          assertThat(e.getMessage()).isEqualTo("ConfigMap kube-system/sneaky: namespace kube-system"
              + " is not permitted in project shop (destinations: shop)");
        });
    assertThat(sandbox.client().configMaps().inNamespace("kube-system").withName("sneaky").get()).isNull();
  }

  @Test
  void aDeniedKindIsRefusedAndAnAllowedObjectIsWritten() throws ApiException {
    assertThatThrownBy(() -> ops.apply(KubeObject.of("v1", "Secret", "shop", "s"), null,
        ApplyStrategy.Method.APPLY, APPLY, false))
        .hasMessageContaining("kind /Secret is not permitted in project shop (denied by /Secret)");
    ops.apply(KubeObject.of("v1", "ConfigMap", "shop", "fine"), null, ApplyStrategy.Method.APPLY,
        APPLY, false);
    assertThat(sandbox.client().configMaps().inNamespace("shop").withName("fine").get()).isNotNull();
  }
}
