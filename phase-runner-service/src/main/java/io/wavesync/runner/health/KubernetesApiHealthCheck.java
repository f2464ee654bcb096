package io.wavesync.runner.health;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.wavesync.runner.config.PhaseRunnerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kubernetes API answers: a runner that cannot reach it would fail every task
 * it takes. Bounded by a timeout, because the client retries unreachable servers with backoff.
 */
@Readiness
@ApplicationScoped
public class KubernetesApiHealthCheck implements HealthCheck {

  static final String NAME = "Kubernetes API";

  private final KubernetesClient client;
  private final Duration timeout;
  // its own thread: a hanging API must not hold a thread that anything else needs
  private final ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kubernetes-health");
    t.setDaemon(true);
    return t;
  });

  public KubernetesApiHealthCheck(KubernetesClient client, PhaseRunnerConfig config) {
    this.client = client;
    this.timeout = config.kubernetesHealthTimeout();
  }

  @PreDestroy
  void stop() {
    probe.shutdownNow();
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
        .withData("url", String.valueOf(client.getMasterUrl()));
    CompletableFuture<VersionInfo> version =
        CompletableFuture.supplyAsync(client::getKubernetesVersion, probe);
    try {
      VersionInfo info = version.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return response.up()
          .withData("version", info == null ? "unknown" : String.valueOf(info.getGitVersion()))
          .build();
    } catch (TimeoutException e) {
      version.cancel(true);
      return response.down().withData("error", "no answer within " + timeout).build();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return response.down().withData("error", String.valueOf(cause.getMessage())).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("error", "interrupted").build();
    }
  }
}
