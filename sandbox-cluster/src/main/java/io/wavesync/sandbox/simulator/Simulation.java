package io.wavesync.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.wavesync.sandbox.SandboxSettings;
import io.wavesync.sandbox.server.PodLogStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every simulated controller shares: the client, the settings, the pod log store, and one
 * thread on which all controller work runs, so controllers never race each other.
 */
final class Simulation {

  private static final Logger LOG = Logger.getLogger(WorkloadSimulator.class.getName());

  final KubernetesClient client;
  final SandboxSettings settings;
  final PodLogStore logs;
  private final ScheduledExecutorService executor;

  Simulation(KubernetesClient client, SandboxSettings settings, PodLogStore logs,
      ScheduledExecutorService executor) {
    this.client = client;
    this.settings = settings;
    this.logs = logs;
    this.executor = executor;
  }

  void run(Runnable task) {
    schedule(Duration.ZERO, task);
  }

  void schedule(Duration delay, Runnable task) {
    if (executor.isShutdown()) {
      return;
    }
    try {
      executor.schedule(() -> {
        try {
          task.run();
        } catch (KubernetesClientException e) {
          if (e.getCode() == 404) {
            // The object went away while we worked on it: nothing left to simulate.
            LOG.fine(() -> "object gone: " + e.getMessage());
          } else if (!executor.isShutdown()) {
            LOG.log(Level.WARNING, "simulator step failed", e);
          }
        } catch (RuntimeException e) {
          if (!executor.isShutdown()) {
            LOG.log(Level.WARNING, "simulator step failed", e);
          }
        }
      }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.fine("simulator stopped");
    }
  }

  /**
   * Runs a read-modify-write (such as {@code editStatus}) again when someone else changed the
   * object in between, so a status update is never lost to a concurrent label or finalizer edit.
   */
  private <T> T retryOnConflict(Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 10) {
          throw e;
        }
      }
    }
  }

  /** {@code editStatus}, retried when the object changed between the read and the write. */
  <T extends HasMetadata> T editStatus(Resource<T> resource, UnaryOperator<T> change) {
    return retryOnConflict(() -> resource.editStatus(change));
  }

  /** {@code edit}, retried when the object changed between the read and the write. */
  <T extends HasMetadata> T edit(Resource<T> resource, UnaryOperator<T> change) {
    return retryOnConflict(() -> resource.edit(change));
  }

  static void info(String message) {
    LOG.info(message);
  }

  static String ref(HasMetadata object) {
    String ns = object.getMetadata().getNamespace();
    return (ns == null ? "" : ns + "/") + object.getMetadata().getName();
  }

  static Map<String, String> annotations(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? new HashMap<>() : new HashMap<>(annotations);
  }

  static boolean deleting(HasMetadata object) {
    return object.getMetadata().getDeletionTimestamp() != null;
  }
}
