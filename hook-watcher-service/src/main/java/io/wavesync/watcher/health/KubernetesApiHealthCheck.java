package io.wavesync.watcher.health;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kubernetes API answers: without it no informer sees anything. */
@Readiness
@ApplicationScoped
public class KubernetesApiHealthCheck implements HealthCheck {

  private final KubernetesClient client;

  public KubernetesApiHealthCheck(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("kubernetes-api")
            .withData("url", client.getMasterUrl().toString());
    try {
      // /version is readable by every authenticated client, so RBAC never makes this fail
      VersionInfo version = client.getKubernetesVersion();
      if (version != null && version.getGitVersion() != null) {
        response.withData("version", version.getGitVersion());
      }
      return response.up().build();
    } catch (RuntimeException e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
