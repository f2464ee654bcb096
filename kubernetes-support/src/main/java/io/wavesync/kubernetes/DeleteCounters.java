package io.wavesync.kubernetes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Deletions of cluster objects by the services that delete: the runner (BeforeHookCreation, prunes)
 * and the cleanup service (HookSucceeded, HookFailed, terminate and hook timeout), under one name so
 * that one query covers both (Prometheus: {@code wavesync_deletes_total{service, kind, policy,
 * result}}).
 *
 * <p>Every label is bounded: {@code kind} is the object's kind (few per installation), {@code
 * policy} a delete policy or one of the few reasons the engine names, {@code result} one of {@code
 * RESULT_*}.
 */
public final class DeleteCounters {

  /**
   * The delete policy the runner carries out; the cleanup service's values (HookSucceeded,
   * HookFailed, Terminate, HookTimeout) come with its commands.
   */
  public static final String POLICY_BEFORE_HOOK_CREATION = "BeforeHookCreation";

  /** A deletion no hook policy asked for: a prune. */
  public static final String REASON_PRUNE = "Prune";
  /** A deletion whose command did not say why (a planner older than the reason field). */
  public static final String REASON_UNKNOWN = "Unknown";

  public static final String RESULT_DELETED = "Deleted";
  /** Already gone, which is as good as deleted. */
  public static final String RESULT_NOT_FOUND = "NotFound";
  public static final String RESULT_FAILED = "Failed";

  private final MeterRegistry registry;
  private final String service;

  public DeleteCounters(MeterRegistry registry, String service) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.service = Objects.requireNonNull(service, "service");
  }

  /** One deletion of an object of {@code kind}, asked for by {@code policy}, and how it ended. */
  public void deleted(String kind, String policy, String result) {
    Counter.builder("wavesync.deletes")
        .description("Deletions of cluster objects by kind, delete policy (or reason) and result")
        .tag("service", service)
        .tag("kind", kind == null || kind.isEmpty() ? "unknown" : kind)
        .tag("policy", policy == null || policy.isEmpty() ? REASON_UNKNOWN : policy)
        .tag("result", result)
        .register(registry).increment();
  }
}
