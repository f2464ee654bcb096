package io.wavesync.watcher.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.events.Observation;
import io.wavesync.watcher.config.WatcherConfig;
import io.wavesync.watcher.domain.ChangeProcessor;
import io.wavesync.watcher.domain.HookLedger;
import io.wavesync.watcher.domain.ObservationDeduper;
import io.wavesync.watcher.k8s.ObjectEvents;
import io.wavesync.watcher.k8s.PodLogReader;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * From informer events to published observations. Informer callbacks must not block, and reading
 * logs and waiting for the broker do; so each event is handed to one of a few worker lanes, chosen
 * by the object's UID. One object's events stay in order on one lane, which keeps a hook's {@code
 * HookCompleted} ahead of its {@code HealthObserved} and the deduplication exact.
 */
@ApplicationScoped
public class ObservationPipeline implements ObjectEvents {

  private static final Logger LOG = Logger.getLogger(ObservationPipeline.class);
  private static final Duration DELETION_RETRY = Duration.ofSeconds(5);

  private final ObservationDeduper deduper;
  private final HookLedger ledger;
  private final ChangeProcessor processor;
  private final List<ScheduledExecutorService> lanes = new ArrayList<>();

  private final ObservationTracing tracing;

  public ObservationPipeline(
      WatcherConfig config, PodLogReader logs, ObservationPublisher publisher,
      ObservationTracing tracing) {
    this.tracing = tracing;
    this.deduper = new ObservationDeduper(config.rememberedUids());
    this.ledger = new HookLedger(config.rememberedUids());
    this.processor =
        new ChangeProcessor(
            deduper,
            ledger,
            new ChangeProcessor.Effects() {
              @Override
              public String hookLogs(KubeObject hook) {
                return logs.tail(hook);
              }

              @Override
              public void publish(Observation event) {
                publisher.publish(event);
              }
            });
    for (int i = 0; i < Math.max(1, config.workers()); i++) {
      String name = "observation-lane-" + i;
      lanes.add(
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
              }));
    }
  }

  @Override
  public void changed(ObjectNode object) {
    laneOf(object)
        .execute(
            () -> {
              try {
                // in the trace of the apply that wrote the object, with its application and
                // operation on every log line
                tracing.observe("observe", object, () -> logCompletions(processor.onChange(object)));
              } catch (Exception e) {
                // Nothing was recorded for this state: the object's next event or resync retries.
                warn("change", object, e, "the next event or resync retries it");
              }
            });
  }

  @Override
  public void deleted(ObjectNode last) {
    laneOf(last).execute(() -> publishDeletion(last));
  }

  // A deleted object has no further events or resyncs, so its deletion is retried here. Nothing
  // else of that uid can follow it on the lane, so retrying later keeps the order.
  private void publishDeletion(ObjectNode last) {
    try {
      tracing.observe("observe deletion of", last, () -> processor.onDelete(last));
    } catch (Exception e) {
      warn("deletion", last, e, "retrying in " + DELETION_RETRY.toSeconds() + "s");
      laneOf(last)
          .schedule(() -> publishDeletion(last), DELETION_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static void logCompletions(List<Observation> published) {
    for (Observation o : published) {
      if (o instanceof io.wavesync.events.HookCompleted done) {
        LOG.infof("hook %s %s completed: %s", done.ref().kind(), done.ref().name(), done.hookPhase());
      }
    }
  }

  /** The completed hooks, seeded from the topic before the informers start. */
  public HookLedger ledger() {
    return ledger;
  }

  /** Waits until every event handed in so far has been processed. */
  public void drain() {
    List<CompletableFuture<Void>> barriers = new ArrayList<>();
    for (ScheduledExecutorService lane : lanes) {
      barriers.add(CompletableFuture.runAsync(() -> {}, lane));
    }
    CompletableFuture.allOf(barriers.toArray(CompletableFuture[]::new)).join();
  }

  /** Forgets what was published and which hooks completed, as a restart would. */
  public void reset() {
    drain();
    deduper.clear();
    ledger.clear();
  }

  @PreDestroy
  void shutdown() {
    lanes.forEach(ExecutorService::shutdownNow);
  }

  private ScheduledExecutorService laneOf(ObjectNode object) {
    JsonNode uid = object.path("metadata").path("uid");
    return lanes.get(Math.floorMod(uid.asText("").hashCode(), lanes.size()));
  }

  private static void warn(String what, ObjectNode object, Exception e, String next) {
    KubeObject obj = KubeObject.of(object);
    ObservationTracing.logContext(obj.labels().get(io.wavesync.watcher.domain.Observations.APPLICATION_LABEL),
        obj.annotations().get(io.wavesync.watcher.domain.Observations.OPERATION_ANNOTATION));
    try {
      LOG.warnf(
          "cannot publish the %s of %s %s/%s (%s); %s",
          what, obj.kind(), obj.namespace(), obj.name(), e.getMessage(), next);
    } finally {
      ObservationTracing.clearLogContext();
    }
  }
}
