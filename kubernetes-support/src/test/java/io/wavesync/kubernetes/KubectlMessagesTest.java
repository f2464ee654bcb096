package io.wavesync.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubectlMessagesTest {

  @Test
  void coreKindsAreNamedByTheirLowerCaseKind() {
    assertThat(KubectlMessages.message("", "ConfigMap", "app", KubectlMessages.CONFIGURED))
        .isEqualTo("configmap/app configured");
    assertThat(KubectlMessages.message(null, "Pod", "x", KubectlMessages.UNCHANGED))
        .isEqualTo("pod/x unchanged");
    assertThat(KubectlMessages.message("", "Service", "x", KubectlMessages.SERVER_SIDE_APPLIED))
        .isEqualTo("service/x serverside-applied");
  }

  @Test
  void groupedKindsAreQualifiedByTheirGroup() {
    assertThat(KubectlMessages.message("batch", "Job", "migrate", KubectlMessages.CREATED))
        .isEqualTo("job.batch/migrate created");
    assertThat(KubectlMessages.resource("rbac.authorization.k8s.io", "RoleBinding", "rb"))
        .isEqualTo("rolebinding.rbac.authorization.k8s.io/rb");
  }

  @Test
  void aReferenceKnowsItsDisplayNameGroupAndVersion() {
    KubeRef ref = KubeRef.of("apps", "v1", "Deployment", "ns", "web", "");
    assertThat(ref.apiVersion()).isEqualTo("apps/v1");
    assertThat(ref.group()).isEqualTo("apps");
    assertThat(ref.version()).isEqualTo("v1");
    assertThat(ref.uid()).isNull();
    assertThat(ref.displayName()).isEqualTo("deployment.apps/web");
    assertThat(ref.key().toString()).isEqualTo("apps/Deployment/ns/web");
    assertThat(KubeRef.of("", "v1", "Namespace", null, "team", "u1").apiVersion()).isEqualTo("v1");
  }
}
