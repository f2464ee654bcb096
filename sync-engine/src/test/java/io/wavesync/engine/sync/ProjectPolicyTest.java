package io.wavesync.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.model.KubeObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectPolicyTest {

  final ProjectPolicy shop = new ProjectPolicy("shop", List.of("shop", "shop-*"),
      List.of("/*", "apps/*", "batch/Job"), List.of("/Secret"));

  @Test
  void objectsInAllowedNamespacesAndKindsPass() {
    assertThat(shop.violation(KubeObject.of("v1", "ConfigMap", "shop-eu", "c"), true)).isEmpty();
    assertThat(shop.violation(KubeObject.of("batch/v1", "Job", "shop", "migrate"), true)).isEmpty();
  }

  @Test
  void aNamespaceOutsideTheDestinationsIsNamedWithTheRule() {
    assertThat(shop.violation(KubeObject.of("apps/v1", "Deployment", "kube-system", "x"), true))
        .contains("apps/Deployment kube-system/x: namespace kube-system is not permitted in project"
            + " shop (destinations: shop, shop-*)");
  }

  @Test
  void deniedAndUnlistedKindsAreRefused() {
    assertThat(shop.violation(KubeObject.of("v1", "Secret", "shop", "s"), true))
        .contains("Secret shop/s: kind /Secret is not permitted in project shop (denied by /Secret)");
    assertThat(shop.violation(KubeObject.of("rbac.authorization.k8s.io/v1", "ClusterRole", null, "r"), false))
        .hasValueSatisfying(v -> assertThat(v).contains("is not permitted in project shop (allowed kinds"));
  }

  @Test
  void aViolatingTaskMakesTheSyncInvalidBeforeAnythingIsApplied() {
    Scenario s = new Scenario().targets(KubeObject.of("v1", "ConfigMap", "kube-system", "c"))
        .settings(b -> b.permissionValidator(shop.validator()));
    s.step();
    assertThat(s.phase()).isEqualTo(OperationPhase.Failed);
    assertThat(s.message()).isEqualTo("one or more synchronization tasks are not valid: ConfigMap"
        + " kube-system/c: namespace kube-system is not permitted in project shop (destinations: shop, shop-*)");
    assertThat(s.cluster.applies).isEmpty();
  }
}
