package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fixtures.health;
import static io.wavesync.engine.health.Fixtures.load;
import static io.wavesync.engine.health.Fixtures.result;
import static io.wavesync.engine.health.Fixtures.with;
import static io.wavesync.engine.health.HealthStatus.Healthy;
import static io.wavesync.engine.health.HealthStatus.Progressing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.wavesync.engine.model.KubeObject;
import org.junit.jupiter.api.Test;

class ServiceAndIngressHealthTest {

  @Test
  void clusterIpServiceIsHealthy() throws Exception {
    assertThat(health(load("svc-clusterip"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void serviceWithoutTypeIsHealthy() throws Exception {
    KubeObject svc = with(load("svc-clusterip"), null, "spec", "type");
    assertThat(health(svc)).isEqualTo(result(Healthy, ""));
  }

  @Test
  void loadBalancerServiceWithoutAddressIsProgressing() throws Exception {
    assertThat(health(load("svc-loadbalancer-pending"))).isEqualTo(result(Progressing, ""));
  }

  @Test
  void loadBalancerServiceWithEmptyIngressListIsProgressing() throws Exception {
    KubeObject svc =
        with(
            load("svc-loadbalancer-pending"),
            JsonNodeFactory.instance.arrayNode(),
            "status",
            "loadBalancer",
            "ingress");
    assertThat(health(svc)).isEqualTo(result(Progressing, ""));
  }

  @Test
  void loadBalancerServiceWithAddressIsHealthy() throws Exception {
    assertThat(health(load("svc-loadbalancer"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void serviceOfAnUnsupportedVersionIsAnEvaluationError() {
    KubeObject svc = with(load("svc-clusterip"), "v2", "apiVersion");
    assertThatThrownBy(() -> HealthAssessor.assess(svc, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage("unsupported Service GVK: /v2, Kind=Service");
  }

  @Test
  void ingressWithPublishedAddressIsHealthy() throws Exception {
    assertThat(health(load("ingress-assigned"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void ingressWithoutAddressIsProgressing() throws Exception {
    assertThat(health(load("ingress-unassigned"))).isEqualTo(result(Progressing, ""));
  }

  @Test
  void ingressInTheExtensionsGroupOfAnyVersionIsChecked() throws Exception {
    KubeObject ingress = with(load("ingress-assigned"), "extensions/v1beta1", "apiVersion");
    assertThat(health(ingress)).isEqualTo(result(Healthy, ""));
    KubeObject unassigned =
        with(load("ingress-unassigned"), "networking.k8s.io/v1beta1", "apiVersion");
    assertThat(health(unassigned)).isEqualTo(result(Progressing, ""));
  }
}
