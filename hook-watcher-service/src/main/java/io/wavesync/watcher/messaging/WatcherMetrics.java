package io.wavesync.watcher.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.wavesync.events.HookCompleted;
import io.wavesync.events.Observation;
import io.wavesync.events.Topics;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.watcher.k8s.InformerManager;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The watcher's meters (catalogue in the module README). */
@Startup
@ApplicationScoped
public class WatcherMetrics {

  static final String SERVICE = "hook-watcher-service";

  private final MeterRegistry registry;

  public WatcherMetrics(MeterRegistry registry, InformerManager informers) {
    this.registry = registry;
    Gauge.builder("wavesync.watcher.informers", informers, InformerManager::informerCount)
        .description("Informers running, one per watched kind and namespace")
        .register(registry);
    // Registered up front so that dashboards see zeros rather than missing series.
    consumedCounter(Topics.OBSERVATIONS);
    counter("wavesync.events.failed", Topics.OBSERVATIONS);
    counter("wavesync.events.dlq", Topics.OBSERVATIONS);
    for (HookPhase result : List.of(HookPhase.Succeeded, HookPhase.Failed)) {
      completions(result);
    }
  }

  void consumed(String topic) {
    consumedCounter(topic).increment();
  }

  void failed(String topic) {
    counter("wavesync.events.failed", topic).increment();
  }

  void deadLettered(String topic) {
    counter("wavesync.events.dlq", topic).increment();
  }

  void emitted(Observation event, String kind) {
    Counter.builder("wavesync.observations.emitted")
        .description("Observations published, by object kind and event type")
        .tag("kind", kind)
        .tag("type", event.eventType())
        .register(registry)
        .increment();
    if (event instanceof HookCompleted done) {
      completions(done.hookPhase()).increment();
    }
  }

  private Counter completions(HookPhase result) {
    return Counter.builder("wavesync.hook.completions")
        .description("Job and Pod hooks seen finished, by how they ended")
        .tag("result", result.name())
        .register(registry);
  }

  private Counter consumedCounter(String topic) {
    return counter("wavesync.events.consumed", topic);
  }

  private Counter counter(String name, String topic) {
    return Counter.builder(name).tag("service", SERVICE).tag("topic", topic).register(registry);
  }
}
