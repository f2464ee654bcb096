package io.wavesync.planner.messaging;

import io.wavesync.events.Topics;
import io.wavesync.planner.config.PlannerConfig;
import io.wavesync.planner.domain.PlannerCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The planner's topology: requests and observations into one processor with the applications'
 * store (persistent, changelogged), and one sink per output topic.
 */
@ApplicationScoped
public class PlannerTopology {

  static final String SOURCE = "inputs";
  static final String PROCESSOR = "planner";

  /** Every topic the planner writes to. */
  static final List<String> OUTPUTS = List.of(Topics.WAVES_PRESYNC, Topics.WAVES_SYNC,
      Topics.WAVES_POSTSYNC, Topics.WAVES_SYNCFAIL, Topics.CLEANUP, Topics.OPERATIONS,
      Topics.dlq(Topics.SYNC_REQUESTS), Topics.dlq(Topics.OBSERVATIONS));

  static String sinkFor(String topic) {
    return "to-" + topic;
  }

  @Produces
  public Topology topology(PlannerConfig config, PlannerMetrics metrics,
      io.opentelemetry.api.OpenTelemetry otel) {
    return build(new PlannerCore(new PlannerCore.Config(config.fieldManager(),
            config.resendAfter(), config.backstop(), config.maxCachedTargets(),
            app -> projectFor(config, app))),
        new PlannerProcessor.Settings(config.fieldManager(), config.tick(),
            config.maxRequestBytes(), config.source()),
        metrics, otel);
  }

  static io.wavesync.engine.sync.ProjectPolicy projectFor(PlannerConfig config, String app) {
    java.util.Map<String, java.util.List<String>> apps = new java.util.HashMap<>();
    java.util.Map<String, io.wavesync.engine.sync.ProjectPolicy> projects = new java.util.HashMap<>();
    config.projects().forEach((name, p) -> {
      apps.put(name, p.applications());
      projects.put(name, new io.wavesync.engine.sync.ProjectPolicy(name, p.destinations(), p.kinds(),
          p.deniedKinds().orElse(java.util.List.of())));
    });
    return io.wavesync.engine.sync.ProjectPolicy.select(apps, projects, app);
  }

  public static Topology build(
      PlannerCore core, PlannerProcessor.Settings settings, PlannerMetrics metrics) {
    return build(core, settings, metrics, io.opentelemetry.api.OpenTelemetry.noop());
  }

  /** The topology, with each processor tracing its inputs and outputs through {@code otel}. */
  public static Topology build(PlannerCore core, PlannerProcessor.Settings settings,
      PlannerMetrics metrics, io.opentelemetry.api.OpenTelemetry otel) {
    Topology t = new Topology();
    t.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
        Topics.SYNC_REQUESTS, Topics.OBSERVATIONS);
    t.addProcessor(PROCESSOR,
        () -> new PlannerProcessor(core, settings, metrics, new PlannerTracing(otel)), SOURCE);
    t.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PlannerProcessor.APPS_STORE),
        Serdes.String(), Serdes.ByteArray()), PROCESSOR);
    t.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PlannerProcessor.ACTIVE_STORE),
        Serdes.String(), Serdes.ByteArray()), PROCESSOR);
    for (String topic : OUTPUTS) {
      t.addSink(sinkFor(topic), topic, Serdes.String().serializer(),
          Serdes.ByteArray().serializer(), PROCESSOR);
    }
    return t;
  }
}
