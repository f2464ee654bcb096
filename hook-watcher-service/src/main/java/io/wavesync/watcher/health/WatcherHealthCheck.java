package io.wavesync.watcher.health;

import io.wavesync.watcher.k8s.InformerManager;
import io.wavesync.watcher.messaging.WatcherLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the watch set has been rebuilt from the topic and the informers run; before that the
 * watcher would miss objects an earlier instance was watching.
 */
@Readiness
@ApplicationScoped
public class WatcherHealthCheck implements HealthCheck {

  private final WatcherLifecycle lifecycle;
  private final InformerManager informers;

  public WatcherHealthCheck(WatcherLifecycle lifecycle, InformerManager informers) {
    this.lifecycle = lifecycle;
    this.informers = informers;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("hook-watcher")
        .status(lifecycle.isStarted())
        .withData("watched", informers.watched().size())
        .withData("informers", informers.informerCount())
        .withData("synced", informers.synced().size())
        .build();
  }
}
