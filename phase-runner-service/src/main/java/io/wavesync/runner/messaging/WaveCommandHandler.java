package io.wavesync.runner.messaging;

import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.wavesync.engine.sync.ResultCode;
import io.wavesync.engine.sync.TaskUpdate;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.WavesyncEvent;
import io.wavesync.kubernetes.AnsweredCommands;
import io.wavesync.runner.config.PhaseRunnerConfig;
import io.wavesync.runner.domain.WaveRun;
import io.wavesync.runner.k8s.KubernetesCluster;
import io.wavesync.runner.k8s.TracedClusterOps;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Carries out one wave command: answers a command it has answered before with the same {@link
 * WaveApplied}, otherwise runs the wave against the cluster and publishes the answer.
 */
@ApplicationScoped
public class WaveCommandHandler {

  private static final Logger LOG = Logger.getLogger(WaveCommandHandler.class);

  private final KubernetesCluster cluster;
  private final ObservationPublisher publisher;
  private final RunnerMetrics metrics;
  private final AnsweredCommands<WaveApplied> answered;
  private final ExecutorService calls;

  @Inject Tracer tracer;

  public WaveCommandHandler(KubernetesCluster cluster, ObservationPublisher publisher,
      RunnerMetrics metrics, PhaseRunnerConfig config) {
    this.cluster = cluster;
    this.publisher = publisher;
    this.metrics = metrics;
    this.answered = new AnsweredCommands<>(config.answeredCommands());
    this.calls = Executors.newFixedThreadPool(config.applyConcurrency(), threads());
  }

  @PreDestroy
  void stop() {
    calls.shutdownNow();
  }

  /** Carries out {@code command} (or repeats its answer) and publishes the answer. */
  public void handle(WaveApplyRequested command) {
    Optional<WaveApplied> previous = answered.answerTo(command.commandId());
    if (previous.isPresent()) {
      LOG.debugf("command %s was answered before; answering again", command.commandId());
      publisher.publish(List.of(previous.get()));
      return;
    }
    String phase = command.phase().name();
    Timer.Sample sample = Timer.start();
    var request = WaveMapper.request(command);
    // each cluster call is a span, child of the command's, on whichever thread runs it
    WaveRun.Report report = WaveRun.run(request, log -> new TracedClusterOps(new MeteredClusterOps(
        cluster.opsFor(log, command.application()), metrics, phase, request.tasks()), tracer),
        Context.taskWrapping(calls));
    List<WavesyncEvent> answer = WaveMapper.answer(command, report);
    publisher.publish(answer);
    sample.stop(metrics.waveApply(phase));
    for (WaveRun.TaskReport r : report.recorded()) {
      metrics.taskApplied(phase, r.task().obj().kind(), result(r));
    }
    answered.remember(command.commandId(), (WaveApplied) answer.get(answer.size() - 1));
    LOG.infof("command %s (%s %s/%d): %s, %d task result(s)", command.commandId(),
        command.mode(), phase, command.wave(), report.state(), report.recorded().size());
  }

  // the metric's result: the task's result code, or Error for a failed finalizer removal or
  // deletion, which has none of its own
  private static String result(WaveRun.TaskReport r) {
    TaskUpdate u = r.update().orElseThrow();
    if (u.status() == ResultCode.SyncFailed) {
      return ResultCode.SyncFailed.name();
    }
    return r.failed() || u.status() == null ? "Error" : u.status().name();
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "wave-apply-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
