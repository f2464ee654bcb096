package io.wavesync.runner.health;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.wavesync.runner.config.PhaseRunnerConfig;
import io.wavesync.kubernetes.KubernetesApiProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kubernetes API answers: a runner that cannot reach it would fail every task
 * it takes. The probing itself (bounded by {@code phase-runner.kubernetes-health-timeout}) is the
 * shared {@link KubernetesApiProbe}; this bean only turns its result into a health response.
 */
@Readiness
@ApplicationScoped
public class KubernetesApiHealthCheck implements HealthCheck {

  static final String NAME = "Kubernetes API";

  private final KubernetesApiProbe probe;

  public KubernetesApiHealthCheck(KubernetesClient client, PhaseRunnerConfig config) {
    this.probe = new KubernetesApiProbe(client, config.kubernetesHealthTimeout());
  }

  @PreDestroy
  void stop() {
    probe.close();
  }

  @Override
  public HealthCheckResponse call() {
    KubernetesApiProbe.Result result = probe.check();
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(result.up());
    result.data().forEach(response::withData);
    return response.build();
  }
}
