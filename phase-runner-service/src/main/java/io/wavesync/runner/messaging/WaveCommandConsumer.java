package io.wavesync.runner.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.kubernetes.CommandIntake;
import io.wavesync.runner.config.PhaseRunnerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads wave commands from the wave topics of the configured phases. A record is acknowledged only
 * after its answer is published; a record that is not a wave command, or that could not be
 * processed, goes to the topic's dead-letter topic with the reason in the {@value
 * CloudEventHeaders#DLQ_REASON} header, and the next record is read.
 */
@ApplicationScoped
public class WaveCommandConsumer {

  private static final Logger LOG = Logger.getLogger(WaveCommandConsumer.class);

  private final WaveCommandHandler handler;
  private final RunnerMetrics metrics;
  private final PhaseRunnerConfig config;

  public WaveCommandConsumer(WaveCommandHandler handler, RunnerMetrics metrics,
      PhaseRunnerConfig config) {
    this.handler = handler;
    this.metrics = metrics;
    this.config = config;
  }

  // every wave command is handled in a span that continues the trace of its record
  private CommandIntake.Traced<WaveApplyRequested> traced;

  @jakarta.inject.Inject
  void tracing(io.opentelemetry.api.trace.Tracer tracer) {
    this.traced = new CommandIntake.Traced<>(tracer,
        c -> "wave " + c.mode() + " " + c.phase() + "/" + c.wave(), WaveApplyRequested::operationId);
  }

  void onStart(@Observes StartupEvent event) {
    LOG.infof("consuming the wave commands of %s", config.phases());
  }

  @Incoming(Channels.WAVES_PRESYNC)
  @Blocking
  public CompletionStage<Void> presync(Message<String> record) {
    return consume(record);
  }

  @Incoming(Channels.WAVES_SYNC)
  @Blocking
  public CompletionStage<Void> sync(Message<String> record) {
    return consume(record);
  }

  @Incoming(Channels.WAVES_POSTSYNC)
  @Blocking
  public CompletionStage<Void> postsync(Message<String> record) {
    return consume(record);
  }

  @Incoming(Channels.WAVES_SYNCFAIL)
  @Blocking
  public CompletionStage<Void> syncfail(Message<String> record) {
    return consume(record);
  }

  private CompletionStage<Void> consume(Message<String> record) {
    metrics.consumed();
    return CommandIntake.consume(record, WaveApplyRequested.class, handler::handle,
        WaveApplyRequested::commandId, metrics::deadLettered, traced);
  }
}
