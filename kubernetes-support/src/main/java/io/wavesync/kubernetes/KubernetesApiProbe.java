package io.wavesync.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the Kubernetes API answers, for the services' readiness checks: a service that cannot
 * reach it would fail every task or action it takes. Asks for {@code /version}, which every
 * authenticated client may read, so RBAC never makes the probe fail. Bounded by a timeout, because
 * the client retries unreachable servers with backoff.
 *
 * <p>Plain Java on purpose: each service keeps a thin health-check bean that turns a {@link Result}
 * into its framework's response, so this library needs no CDI and no MicroProfile.
 */
public final class KubernetesApiProbe implements AutoCloseable {

  private final KubernetesClient client;
  private final Duration timeout;
  // its own thread: a hanging API must not hold a thread that anything else needs
  private final ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kubernetes-health");
    t.setDaemon(true);
    return t;
  });

  public KubernetesApiProbe(KubernetesClient client, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * One answer of the probe: up or down, and the details to show with it, in order: {@code url},
   * then {@code version} when up or {@code error} when down.
   */
  public record Result(boolean up, Map<String, String> data) {

    public Result {
      // a copy that keeps the order, so the health output reads the same every time
      data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
  }

  /** Asks the API server for its version, waiting at most the timeout. */
  public Result check() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("url", String.valueOf(client.getMasterUrl()));
    CompletableFuture<VersionInfo> version =
        CompletableFuture.supplyAsync(client::getKubernetesVersion, probe);
    try {
      VersionInfo info = version.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      data.put("version", info == null ? "unknown" : String.valueOf(info.getGitVersion()));
      return new Result(true, data);
    } catch (TimeoutException e) {
      version.cancel(true);
      data.put("error", "no answer within " + timeout);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      data.put("error", String.valueOf(cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      data.put("error", "interrupted");
    }
    return new Result(false, data);
  }

  /** Stops the probe's thread, interrupting a call still waiting for the API. */
  @Override
  public void close() {
    probe.shutdownNow();
  }
}
