package io.wavesync.planner.domain;

import io.wavesync.engine.sync.RetryStrategy;
import java.util.List;

/**
 * What the planner keeps of a sync request: the manifests and every option that shapes the
 * operation. Mapped from the {@code SyncRequested} event; persisted with the application's record.
 *
 * @param applyStrategy the {@code apply} sync strategy: resources only, no hooks (spec §3.9)
 * @param resources selective sync; empty = the whole application
 * @param syncOptions application-level sync options ({@code CreateNamespace=true}, ...)
 */
public record OperationRequest(
    String application,
    String operationId,
    String requestedBy,
    String revision,
    String namespace,
    String manifests,
    boolean dryRun,
    boolean prune,
    boolean force,
    boolean applyStrategy,
    List<Selector> resources,
    List<String> syncOptions,
    RetryStrategy retry,
    String timeout,
    String waveDelay,
    String hookTimeout) {

  public OperationRequest {
    revision = revision == null ? "" : revision;
    namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
    resources = resources == null ? List.of() : List.copyOf(resources);
    syncOptions = syncOptions == null ? List.of() : List.copyOf(syncOptions);
    retry = retry == null ? RetryStrategy.NONE : retry;
  }

  /** One resource of a selective sync; empty fields match anything. */
  public record Selector(String group, String kind, String namespace, String name) {}
}
