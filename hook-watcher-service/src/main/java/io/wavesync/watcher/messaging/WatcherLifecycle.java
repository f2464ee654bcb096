package io.wavesync.watcher.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.wavesync.watcher.config.WatcherConfig;
import io.wavesync.watcher.k8s.InformerManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Brings the watcher up in the order that loses nothing across a restart:
 *
 * <ol>
 *   <li>replay {@code wavesync.observations} from the beginning (plain consumer, no group): the
 *       watch set, and the hooks already reported complete;
 *   <li>start the informers; their initial list publishes the current state of every watched
 *       object, including hooks that finished while the watcher was down;
 *   <li>resume the incoming channel, whose consumer group subscription is held back until then.
 * </ol>
 *
 * <p>Startup runs on its own thread and retries until the broker answers; readiness stays down
 * until it is done.
 */
@ApplicationScoped
public class WatcherLifecycle {

  private static final Logger LOG = Logger.getLogger(WatcherLifecycle.class);

  private final ObservationReplay replay;
  private final InformerManager informers;
  private final ObservationPipeline pipeline;
  private final ChannelRegistry channels;
  private final WatcherConfig config;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  public WatcherLifecycle(
      ObservationReplay replay,
      InformerManager informers,
      ObservationPipeline pipeline,
      ChannelRegistry channels,
      WatcherConfig config) {
    this.replay = replay;
    this.informers = informers;
    this.pipeline = pipeline;
    this.channels = channels;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    Thread thread = new Thread(this::startWithRetries, "watcher-startup");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    shuttingDown.set(true);
    started.set(false);
    // No drain here: a lane may be waiting on a broker that is going away too.
    informers.stop();
  }

  /** Whether the watch set has been rebuilt and the informers are running. */
  public boolean isStarted() {
    return started.get();
  }

  /**
   * Rebuilds the watch set from the topic and starts the informers. Blocks until done.
   *
   * @throws TimeoutException if the topic could not be read to its end in time
   */
  public synchronized void start() throws TimeoutException {
    if (started.get()) {
      return;
    }
    ObservationReplay.Result result = replay.replay(pipeline.ledger(), config.rebuild().timeout());
    informers.watch(result.keys());
    informers.start(pipeline);
    started.set(true);
    LOG.infof(
        "watching %d kind(s) and namespace(s) after reading %d record(s) (%d undecodable); "
            + "%d hook completion(s) already reported",
        result.keys().size(), result.records(), result.skipped(), pipeline.ledger().size());
    PausableChannel incoming = channels.getPausable(ObservationConsumer.CHANNEL);
    if (incoming != null && incoming.isPaused()) {
      incoming.resume();
    }
  }

  /**
   * Stops the informers and forgets all state, as a restart of the process would; {@link #start}
   * rebuilds it from the topic. The incoming channel keeps running: what it learns meanwhile is
   * remembered and watched at the next start.
   */
  public synchronized void stop() {
    started.set(false);
    informers.stop();
    pipeline.reset();
  }

  private void startWithRetries() {
    while (!shuttingDown.get()) {
      try {
        start();
        return;
      } catch (TimeoutException | RuntimeException e) {
        LOG.warnf(
            "cannot rebuild the watch set yet (%s); trying again in %s",
            e.getMessage(), config.rebuild().retryBackoff());
      }
      try {
        Thread.sleep(config.rebuild().retryBackoff().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
