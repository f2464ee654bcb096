package io.wavesync.watcher.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.wavesync.watcher.config.WatcherConfig;
import io.wavesync.watcher.domain.Observations;
import io.wavesync.watcher.domain.WatchKey;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs one informer per watch key (kind and namespace), on the objects that carry the {@value
 * Observations#APPLICATION_LABEL} label. Applications share informers.
 *
 * <p>Keys can be added at any time; while the manager is stopped they are only remembered, and
 * {@link #start} starts informers for all of them. Starting an informer needs API discovery, which
 * blocks, so it happens on the manager's own thread and {@link #watch} never blocks.
 */
@ApplicationScoped
public class InformerManager {

  private static final Logger LOG = Logger.getLogger(InformerManager.class);
  private static final Duration DISCOVERY_RETRY = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final WatcherConfig config;
  private final Set<WatchKey> wanted = ConcurrentHashMap.newKeySet();
  private final Map<WatchKey, SharedIndexInformer<GenericKubernetesResource>> informers =
      new ConcurrentHashMap<>();
  private final ScheduledExecutorService starter =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "informer-starter");
            t.setDaemon(true);
            return t;
          });
  private ObjectEvents events;
  // Bumped by every start and stop, so that a start scheduled before a stop does nothing after it.
  private long generation;
  private boolean running;

  public InformerManager(KubernetesClient client, WatcherConfig config) {
    this.client = client;
    this.config = config;
  }

  /** Watches the kinds and namespaces of {@code keys}; keys already watched are ignored. */
  public void watch(Collection<WatchKey> keys) {
    for (WatchKey key : keys) {
      if (wanted.add(key)) {
        schedule(key, Duration.ZERO);
      }
    }
  }

  /** Starts informers for every key watched so far, and for later keys as they come. */
  public synchronized void start(ObjectEvents events) {
    if (running) {
      return;
    }
    this.events = events;
    running = true;
    generation++;
    for (WatchKey key : wanted) {
      schedule(key, Duration.ZERO);
    }
  }

  /** Stops every informer and forgets every key, as a restart would. */
  public synchronized void stop() {
    running = false;
    generation++;
    informers.values().forEach(SharedIndexInformer::stop);
    informers.clear();
    wanted.clear();
  }

  /** How many informers are running. */
  public int informerCount() {
    return informers.size();
  }

  /** The keys whose informers have finished their initial list. */
  public Set<WatchKey> synced() {
    Set<WatchKey> keys = new TreeSet<>(Comparator.comparing(WatchKey::toString));
    informers.forEach(
        (key, informer) -> {
          if (informer.hasSynced()) {
            keys.add(key);
          }
        });
    return keys;
  }

  /** Every key watched, whether or not its informer runs yet. */
  public Set<WatchKey> watched() {
    return Set.copyOf(wanted);
  }

  @PreDestroy
  void shutdown() {
    stop();
    starter.shutdownNow();
  }

  private synchronized void schedule(WatchKey key, Duration delay) {
    if (!running) {
      return;
    }
    long scheduledIn = generation;
    starter.schedule(
        () -> startInformer(key, scheduledIn), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void startInformer(WatchKey key, long scheduledIn) {
    ObjectEvents sink;
    synchronized (this) {
      if (!running || generation != scheduledIn || informers.containsKey(key)) {
        return;
      }
      sink = events;
    }
    ResourceDefinitionContext context;
    try {
      context = ResourceContexts.resolve(client, key);
    } catch (KubernetesClientException e) {
      LOG.warnf(
          "cannot discover %s (%s); trying again in %s", key, e.getMessage(), DISCOVERY_RETRY);
      schedule(key, DISCOVERY_RETRY);
      return;
    }
    SharedIndexInformer<GenericKubernetesResource> informer = informerFor(key, context);
    informer.addEventHandler(new Handler(sink));
    // Keep listing and watching whatever happens: a kind may appear later (a CRD installed by
    // the same sync), and an unreachable API server comes back.
    informer.exceptionHandler(
        (started, t) -> {
          LOG.warnf("informer for %s: %s; retrying", key, t.getMessage());
          return true;
        });
    synchronized (this) {
      if (!running || generation != scheduledIn || informers.containsKey(key)) {
        return;
      }
      informers.put(key, informer);
    }
    informer
        .start()
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                LOG.infof("watching %s", key);
              } else {
                LOG.warnf("informer for %s did not start: %s", key, error.getMessage());
              }
            });
  }

  private SharedIndexInformer<GenericKubernetesResource> informerFor(
      WatchKey key, ResourceDefinitionContext context) {
    long resync = config.resyncPeriod().toMillis();
    var resources = client.genericKubernetesResources(context);
    if (!context.isNamespaceScoped()) {
      return resources.withLabel(Observations.APPLICATION_LABEL).runnableInformer(resync);
    }
    if (key.clusterScoped()) {
      // a namespaced kind named without a namespace: watch it everywhere rather than guess one
      return resources
          .inAnyNamespace()
          .withLabel(Observations.APPLICATION_LABEL)
          .runnableInformer(resync);
    }
    return resources
        .inNamespace(key.namespace())
        .withLabel(Observations.APPLICATION_LABEL)
        .runnableInformer(resync);
  }

  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {

    private final ObjectEvents sink;

    Handler(ObjectEvents sink) {
      this.sink = sink;
    }

    @Override
    public void onAdd(GenericKubernetesResource obj) {
      sink.changed(json(obj));
    }

    @Override
    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
      sink.changed(json(newObj));
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
      sink.deleted(json(obj));
    }

    private ObjectNode json(GenericKubernetesResource obj) {
      return client.getKubernetesSerialization().convertValue(obj, ObjectNode.class);
    }
  }
}
