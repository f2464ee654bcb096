package io.wavesync.engine.sync;

import io.wavesync.engine.health.HealthOverride;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import java.time.Duration;
import java.util.Map;

/**
 * Operation options of one sync (Argo CD's sync context options). Immutable; use {@link #builder}.
 */
public final class SyncSettings {

  /** Decides whether the destination namespace must be created or changed (CreateNamespace). */
  @FunctionalInterface
  public interface NamespaceModifier {
    boolean modify(KubeObject managedNamespace, KubeObject liveNamespace) throws Exception;
  }

  /** Selective sync: which resources take part. */
  @FunctionalInterface
  public interface ResourceFilter {
    boolean accept(ResourceKey key, KubeObject target, KubeObject live);
  }

  /** Invoked after a step was applied (spec §2.6); an exception fails the operation with Error. */
  @FunctionalInterface
  public interface WaveHook {
    void afterWave(SyncPhase phase, long wave, boolean finalWave) throws Exception;
  }

  /** Validates that the operation may touch an object (project permissions upstream). */
  @FunctionalInterface
  public interface PermissionValidator {
    void validate(KubeObject obj, Discovery.ApiResource resource) throws Exception;
  }

  public static final String DEFAULT_FIELD_MANAGER = "wavesync";

  final String revision;
  final String namespace;
  final boolean dryRun;
  final boolean prune;
  final boolean force;
  final boolean skipHooks;
  final boolean validate;
  final boolean replace;
  final boolean serverSideApply;
  final String serverSideApplyManager;
  final boolean pruneLast;
  final boolean skipDryRunOnMissingResource;
  final String prunePropagationPolicy;
  final boolean pruneConfirmed;
  final String pruneDefault;
  final boolean applyOutOfSyncOnly;
  final Map<ResourceKey, Boolean> modificationResult;
  final NamespaceModifier namespaceModifier;
  final ResourceFilter resourcesFilter;
  final WaveHook waveHook;
  final PermissionValidator permissionValidator;
  final HealthOverride healthOverride;
  final Discovery discovery;
  final Duration defaultHookTimeout;

  private SyncSettings(Builder b) {
    this.revision = b.revision;
    this.namespace = b.namespace;
    this.dryRun = b.dryRun;
    this.prune = b.prune;
    this.force = b.force;
    this.skipHooks = b.skipHooks;
    this.validate = b.validate;
    this.replace = b.replace;
    this.serverSideApply = b.serverSideApply;
    this.serverSideApplyManager = b.serverSideApplyManager;
    this.pruneLast = b.pruneLast;
    this.skipDryRunOnMissingResource = b.skipDryRunOnMissingResource;
    this.prunePropagationPolicy = b.prunePropagationPolicy;
    this.pruneConfirmed = b.pruneConfirmed;
    this.pruneDefault = b.pruneDefault;
    this.applyOutOfSyncOnly = b.applyOutOfSyncOnly;
    this.modificationResult = b.modificationResult == null ? null : Map.copyOf(b.modificationResult);
    this.namespaceModifier = b.namespaceModifier;
    this.resourcesFilter = b.resourcesFilter;
    this.waveHook = b.waveHook;
    this.permissionValidator = b.permissionValidator;
    this.healthOverride = b.healthOverride;
    this.discovery = b.discovery;
    this.defaultHookTimeout = b.defaultHookTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.revision = revision;
    b.namespace = namespace;
    b.dryRun = dryRun;
    b.prune = prune;
    b.force = force;
    b.skipHooks = skipHooks;
    b.validate = validate;
    b.replace = replace;
    b.serverSideApply = serverSideApply;
    b.serverSideApplyManager = serverSideApplyManager;
    b.pruneLast = pruneLast;
    b.skipDryRunOnMissingResource = skipDryRunOnMissingResource;
    b.prunePropagationPolicy = prunePropagationPolicy;
    b.pruneConfirmed = pruneConfirmed;
    b.pruneDefault = pruneDefault;
    b.applyOutOfSyncOnly = applyOutOfSyncOnly;
    b.modificationResult = modificationResult;
    b.namespaceModifier = namespaceModifier;
    b.resourcesFilter = resourcesFilter;
    b.waveHook = waveHook;
    b.permissionValidator = permissionValidator;
    b.healthOverride = healthOverride;
    b.discovery = discovery;
    b.defaultHookTimeout = defaultHookTimeout;
    return b;
  }

  public String revision() {
    return revision;
  }

  public String namespace() {
    return namespace;
  }

  public boolean dryRun() {
    return dryRun;
  }

  public boolean skipHooks() {
    return skipHooks;
  }

  public String prunePropagationPolicy() {
    return prunePropagationPolicy;
  }

  /** Builder with upstream's defaults: validate on, foreground propagation, no prune. */
  public static final class Builder {
    private String revision = "";
    private String namespace = "";
    private boolean dryRun;
    private boolean prune;
    private boolean force;
    private boolean skipHooks;
    private boolean validate = true;
    private boolean replace;
    private boolean serverSideApply;
    private String serverSideApplyManager = DEFAULT_FIELD_MANAGER;
    private boolean pruneLast;
    private boolean skipDryRunOnMissingResource;
    private String prunePropagationPolicy = "foreground";
    private boolean pruneConfirmed;
    private String pruneDefault;
    private boolean applyOutOfSyncOnly;
    private Map<ResourceKey, Boolean> modificationResult;
    private NamespaceModifier namespaceModifier;
    private ResourceFilter resourcesFilter;
    private WaveHook waveHook;
    private PermissionValidator permissionValidator;
    private HealthOverride healthOverride;
    private Discovery discovery = Discovery.PERMISSIVE;
    private Duration defaultHookTimeout;

    public Builder revision(String v) {
      revision = v == null ? "" : v;
      return this;
    }

    public Builder namespace(String v) {
      namespace = v == null ? "" : v;
      return this;
    }

    public Builder dryRun(boolean v) {
      dryRun = v;
      return this;
    }

    public Builder prune(boolean v) {
      prune = v;
      return this;
    }

    public Builder force(boolean v) {
      force = v;
      return this;
    }

    public Builder skipHooks(boolean v) {
      skipHooks = v;
      return this;
    }

    public Builder validate(boolean v) {
      validate = v;
      return this;
    }

    public Builder replace(boolean v) {
      replace = v;
      return this;
    }

    public Builder serverSideApply(boolean v) {
      serverSideApply = v;
      return this;
    }

    public Builder serverSideApplyManager(String v) {
      serverSideApplyManager = v;
      return this;
    }

    public Builder pruneLast(boolean v) {
      pruneLast = v;
      return this;
    }

    public Builder skipDryRunOnMissingResource(boolean v) {
      skipDryRunOnMissingResource = v;
      return this;
    }

    public Builder prunePropagationPolicy(String v) {
      prunePropagationPolicy = v == null || v.isEmpty() ? "foreground" : v;
      return this;
    }

    public Builder pruneConfirmed(boolean v) {
      pruneConfirmed = v;
      return this;
    }

    /** Application-level {@code Prune=} default: null, "true", "false" or "confirm". */
    public Builder pruneDefault(String v) {
      pruneDefault = v;
      return this;
    }

    /** ApplyOutOfSyncOnly with the diff: key → modified. Null = no diff information. */
    public Builder applyOutOfSyncOnly(boolean enabled, Map<ResourceKey, Boolean> modified) {
      applyOutOfSyncOnly = enabled;
      modificationResult = enabled ? modified : null;
      return this;
    }

    public Builder namespaceModifier(NamespaceModifier v) {
      namespaceModifier = v;
      return this;
    }

    public Builder resourcesFilter(ResourceFilter v) {
      resourcesFilter = v;
      return this;
    }

    public Builder waveHook(WaveHook v) {
      waveHook = v;
      return this;
    }

    public Builder permissionValidator(PermissionValidator v) {
      permissionValidator = v;
      return this;
    }

    public Builder healthOverride(HealthOverride v) {
      healthOverride = v;
      return this;
    }

    public Builder discovery(Discovery v) {
      discovery = v == null ? Discovery.PERMISSIVE : v;
      return this;
    }

    /** Timeout for hooks without a {@code wavesync.io/hook-timeout} annotation; null = none. */
    public Builder defaultHookTimeout(Duration v) {
      defaultHookTimeout = v;
      return this;
    }

    public SyncSettings build() {
      return new SyncSettings(this);
    }
  }
}
