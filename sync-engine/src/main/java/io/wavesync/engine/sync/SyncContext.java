package io.wavesync.engine.sync;

import io.wavesync.engine.health.HealthAssessor;
import io.wavesync.engine.health.HealthCheckException;
import io.wavesync.engine.health.HealthResult;
import io.wavesync.engine.health.HealthStatus;
import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.hook.Hooks;
import io.wavesync.engine.hook.SyncOptions;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of a sync operation: the engine's {@code Sync()} and {@code Terminate()} (spec §3.4, §5.4).
 *
 * <p>Level-triggered: every step rebuilds all tasks from the manifests, the live objects and the
 * persisted results, performs at most one (phase, wave) through {@link SyncIo}, and returns the new
 * operation state. A context is used for exactly one step.
 */
public final class SyncContext {

  /** Everything a step reads. */
  public record Input(
      List<KubeObject> targets,
      List<KubeObject> live,
      OperationState state,
      SyncSettings settings,
      Instant now,
      Function<ResourceKey, String> hookLogs) {

    public Input {
      targets = List.copyOf(targets);
      live = List.copyOf(live);
      hookLogs = hookLogs == null ? k -> null : hookLogs;
    }

    public Input(
        List<KubeObject> targets,
        List<KubeObject> live,
        OperationState state,
        SyncSettings settings,
        Instant now) {
      this(targets, live, state, settings, now, null);
    }
  }

  private final SyncSettings s;
  private final Reconciliation recon;
  private final SyncIo io;
  private final Instant now;
  private final Instant startedAt;
  private final Function<ResourceKey, String> hookLogs;
  private final LinkedHashMap<String, ResourceResult> syncRes = new LinkedHashMap<>();
  private final OperationState initial;
  private OperationPhase phase;
  private String message;
  private boolean waveApplied;
  private boolean finalWaveApplied;

  private SyncContext(Input in, SyncIo io) {
    this.s = in.settings();
    this.recon = Reconciliation.of(in.targets(), in.live(), s.namespace);
    this.io = io;
    this.now = in.now();
    this.initial = in.state();
    this.startedAt = in.state().startedAt();
    this.hookLogs = in.hookLogs();
    this.phase = in.state().phase();
    this.message = in.state().message();
    for (ResourceResult r : in.state().results()) {
      syncRes.put(r.resultKey(), r);
    }
  }

  /** Runs one step: termination when the operation is Terminating, else the next sync step. */
  public static OperationState step(Input in, SyncIo io) {
    SyncContext ctx = new SyncContext(in, io);
    if (in.state().phase() == OperationPhase.Terminating) {
      ctx.terminate();
    } else {
      ctx.sync();
    }
    return ctx.state();
  }

  /** Runs one step and also reports whether a (non-final) wave was applied. */
  public static StepResult run(Input in, SyncIo io) {
    SyncContext ctx = new SyncContext(in, io);
    if (in.state().phase() == OperationPhase.Terminating) {
      ctx.terminate();
    } else {
      ctx.sync();
    }
    return new StepResult(ctx.state(), ctx.waveApplied, ctx.finalWaveApplied);
  }

  /**
   * The step's outcome.
   *
   * @param waveApplied a (phase, wave) was applied in this step
   * @param finalWave that wave was the last one
   */
  public record StepResult(OperationState state, boolean waveApplied, boolean finalWave) {}

  /** The tasks a sync would run, in order, for the given manifests (no cluster access). */
  public static List<SyncTask> plan(Input in) {
    SyncContext ctx = new SyncContext(in, null);
    return ctx.getSyncTasks(false).tasks();
  }

  /** The tasks a step generates, in order, with cluster access (CreateNamespace lookups). */
  static List<SyncTask> tasksForTest(Input in, SyncIo io) {
    return new SyncContext(in, io).getSyncTasks(true).tasks();
  }

  OperationState state() {
    return new OperationState(
        phase,
        message,
        startedAt,
        initial.finishedAt(),
        initial.retryCount(),
        new ArrayList<>(syncRes.values()));
  }

  // ---------------------------------------------------------------------------------------------
  // Sync

  void sync() {
    TaskList generated = getSyncTasks(true);
    List<SyncTask> tasks = generated.tasks();
    if (!generated.valid()) {
      TreeSet<String> reasons = new TreeSet<>();
      for (SyncTask t : tasks) {
        if (t.syncStatus == ResultCode.SyncFailed && !t.message.isEmpty()) {
          reasons.add(t.message);
        }
      }
      String msg = "one or more synchronization tasks are not valid";
      setPhase(OperationPhase.Failed, reasons.isEmpty() ? msg : msg + ": " + String.join("; ", reasons));
      return;
    }

    if (!started()) {
      // validate everything with a client-side dry run once per operation, after creating the
      // destination namespace (validation of namespaced objects fails without it)
      List<SyncTask> dryRunTasks = tasks;
      SyncTask nsCreate = namespaceCreationTask(tasks);
      if (nsCreate != null) {
        List<SyncTask> nsTasks = List.of(nsCreate);
        if (runTasks(RunTasksRequest.Purpose.NAMESPACE, nsTasks, false).state() == RunState.FAILED) {
          executeSyncFailPhase(List.of(), nsTasks, "the namespace failed to apply");
          return;
        }
        dryRunTasks = filter(tasks, t -> t != nsCreate);
      }
      if (s.applyOutOfSyncOnly) {
        dryRunTasks = filterOutOfSyncTasks(dryRunTasks);
      }
      if (runTasks(RunTasksRequest.Purpose.VALIDATE, dryRunTasks, true).state() == RunState.FAILED) {
        setPhase(OperationPhase.Failed, "one or more objects failed to apply (dry run)");
        return;
      }
    }

    refreshRunningTasks(tasks);

    // decision 3: SyncFail hooks do not change what is waited for
    boolean multiStep = SyncTasks.multiStep(filter(tasks, t -> t.phase != SyncPhase.SyncFail));
    List<SyncTask> runningTasks = filter(tasks, t -> (multiStep || t.isHook()) && t.running());
    if (!runningTasks.isEmpty()) {
      checkMissing(runningTasks);
      setRunningPhase(runningTasks, false);
      return;
    }

    List<SyncTask> prunedPendingDelete =
        filter(tasks, t -> t.pruned() && t.live != null && t.live.isBeingDeleted());
    if (!prunedPendingDelete.isEmpty()) {
      setRunningPhase(prunedPendingDelete, true);
      return;
    }

    List<SyncTask> hooksCompleted = filter(tasks, t -> t.isHook() && t.completed());
    removeHookFinalizers(hooksCompleted, "Failed to remove hook finalizer: ");

    List<SyncTask> deleteOnSuccess =
        filter(tasks, t -> t.isHook() && t.live != null && !t.running() && t.deleteOnPhaseSuccessful());
    List<SyncTask> deleteOnFailure =
        filter(tasks, t -> t.isHook() && t.live != null && !t.running() && t.deleteOnPhaseFailed());

    List<SyncTask> syncFailTasks = filter(tasks, t -> t.phase == SyncPhase.SyncFail);
    List<SyncTask> regular = filter(tasks, t -> t.phase != SyncPhase.SyncFail);
    List<SyncTask> syncFailedTasks = filter(regular, t -> t.syncStatus == ResultCode.SyncFailed);

    if (regular.stream().anyMatch(t -> t.completed() && !t.successful())) {
      deleteHooks(deleteOnFailure, SyncIo.REASON_HOOK_FAILED);
      executeSyncFailPhase(
          syncFailTasks, syncFailedTasks, "one or more synchronization tasks completed unsuccessfully");
      return;
    }

    List<SyncTask> pending = filter(regular, SyncTask::pending);
    if (s.applyOutOfSyncOnly) {
      pending = filterOutOfSyncTasks(pending);
    }
    if (pending.isEmpty()) {
      deleteHooks(deleteOnSuccess, SyncIo.REASON_HOOK_SUCCEEDED);
      setPhase(OperationPhase.Succeeded, "successfully synced (no more tasks)");
      return;
    }

    SyncTask first = pending.get(0);
    SyncTask last = pending.get(pending.size() - 1);
    SyncPhase stepPhase = first.phase;
    long stepWave = first.wave();
    boolean finalWave = stepPhase == last.phase && stepWave == last.wave();
    List<SyncTask> stepTasks = filter(pending, t -> t.phase == stepPhase && t.wave() == stepWave);
    List<SyncTask> remaining = filter(pending, t -> !(t.phase == stepPhase && t.wave() == stepWave));

    setPhase(OperationPhase.Running, "one or more tasks are running");
    RunTasksResult run = runTasks(RunTasksRequest.Purpose.STEP, stepTasks, false);
    RunState runState = run.state();

    if (runState != RunState.FAILED) {
      waveApplied = true;
      finalWaveApplied = finalWave;
      if (s.waveHook != null) {
        try {
          s.waveHook.afterWave(stepPhase, stepWave, finalWave);
        } catch (Exception e) {
          // not related to a task: stop without SyncFail hooks
          terminateHooksPreemptively(filter(stepTasks, SyncTask::isHook));
          setPhase(OperationPhase.Error, "SyncWaveHook failed: " + e.getMessage());
          return;
        }
      }
    }

    switch (runState) {
      case FAILED -> {
        List<SyncTask> failedInStep = filter(stepTasks, t -> t.syncStatus == ResultCode.SyncFailed);
        List<SyncTask> runningInStep = filter(stepTasks, SyncTask::running);
        if (!runningInStep.isEmpty()) {
          // an apply error does not abort hooks already running: wait for them first
          List<SyncTask> waitFor = new ArrayList<>(runningInStep);
          if (!syncFailTasks.isEmpty()) {
            boolean completed =
                executeSyncFailPhase(syncFailTasks, failedInStep, "one or more objects failed to apply");
            if (!completed) {
              waitFor.addAll(filter(syncFailTasks, t -> !t.completed()));
            }
          }
          setRunningPhase(waitFor, false);
        } else {
          boolean completed =
              executeSyncFailPhase(syncFailTasks, failedInStep, "one or more objects failed to apply");
          if (completed) {
            deleteHooks(deleteOnFailure, SyncIo.REASON_HOOK_FAILED);
          }
        }
      }
      case SUCCESSFUL -> {
        if (remaining.isEmpty() && stepTasks.stream().noneMatch(SyncTask::isHook)) {
          // the last wave of plain resources is not waited for, even if it degrades later
          deleteHooks(deleteOnSuccess, SyncIo.REASON_HOOK_SUCCEEDED);
          setPhase(OperationPhase.Succeeded, "successfully synced (all tasks run)");
        } else {
          // decision 3: in a single-step sync only the hooks are waited for, so only they are named
          setRunningPhase(filter(stepTasks, t -> multiStep || t.isHook()), false);
        }
      }
      case PENDING -> {
        if (!run.awaitingConfirmation().isEmpty()) {
          List<SyncTask> waiting =
              filter(stepTasks, t -> run.awaitingConfirmation().contains(t.resultKey()));
          SyncTask f = waiting.get(0);
          String msg = "waiting for pruning confirmation of " + f.resourceKey().groupKindName();
          if (waiting.size() > 1) {
            msg += " and " + (waiting.size() - 1) + " more resources";
          }
          setPhase(OperationPhase.Running, msg);
        } else {
          setRunningPhase(
              filter(stepTasks, t -> t.deleteBeforeCreation() || (t.isPrune() && t.pending())), true);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Terminate

  void terminate() {
    List<SyncTask> tasks = getSyncTasks(true).tasks();
    removeHookFinalizers(
        filter(tasks, t -> t.isHook() && t.completed()), "Failed to remove hook finalizer: ");
    boolean ok = terminateHooksPreemptively(filter(tasks, SyncTask::isHook));
    if (ok) {
      setPhase(OperationPhase.Failed, "Operation terminated");
    } else {
      setPhase(OperationPhase.Error, "Operation termination had errors");
    }
  }

  /**
   * Stops running hooks: un-finalizes and deletes them. A hook that turns out to be complete keeps
   * its real result; one whose object is gone is recorded Failed (decision 5).
   */
  private boolean terminateHooksPreemptively(List<SyncTask> hooks) {
    boolean ok = true;
    List<SyncTask> running = filter(hooks, t -> t.isHook() && t.running());
    List<SyncTask> unknownLive = filter(running, t -> t.live == null);
    if (!unknownLive.isEmpty()) {
      Map<ResourceKey, SyncIo.Lookup> found = io.get(objs(unknownLive));
      for (SyncTask t : unknownLive) {
        SyncIo.Lookup l = found.getOrDefault(t.resourceKey(), SyncIo.Lookup.notFound());
        if (!l.isNotFound()) {
          if (l.error() != null) {
            setResult(t, t.syncStatus, OperationPhase.Error,
                "Failed to get live resource: " + l.error().getMessage());
            ok = false;
          } else {
            t.live = l.object();
          }
        }
      }
    }
    List<SyncTask> toStop = new ArrayList<>();
    Map<SyncTask, HookState> states = new HashMap<>();
    for (SyncTask t : running) {
      if (t.operationState == OperationPhase.Error && t.live == null) {
        continue;
      }
      if (t.live == null) {
        setResult(t, t.syncStatus, OperationPhase.Failed, "Terminated");
        continue;
      }
      HookState st = hookState(t.live);
      if (st.error() != null) {
        setResult(t, t.syncStatus, OperationPhase.Error, "Failed to get hook health: " + st.error());
      }
      states.put(t, st);
      toStop.add(t);
    }
    Map<ResourceKey, String> finErrors = io.removeHookFinalizers(liveObjs(toStop));
    List<SyncTask> toDelete = new ArrayList<>();
    List<SyncTask> stopped = new ArrayList<>();
    for (SyncTask t : toStop) {
      String err = finErrors.get(ResourceKey.of(t.live));
      if (err != null) {
        setResult(t, t.syncStatus, OperationPhase.Error, "Failed to remove hook finalizer: " + err);
        ok = false;
        continue;
      }
      HookState st = states.get(t);
      if (st.error() != null || st.phase().isRunning() || t.deleteOnPhaseFailed()) {
        toDelete.add(t);
      }
      stopped.add(t);
    }
    Map<ResourceKey, ApiException> delErrors = toDelete.isEmpty() ? Map.of()
        : io.delete(liveObjs(toDelete), s.prunePropagationPolicy, SyncIo.REASON_TERMINATE);
    for (SyncTask t : stopped) {
      ApiException e = toDelete.contains(t) ? delErrors.get(ResourceKey.of(t.live)) : null;
      if (e != null && !e.isNotFound()) {
        setResult(t, t.syncStatus, OperationPhase.Failed, "Failed to delete: " + e.getMessage());
        ok = false;
        continue;
      }
      HookState st = states.get(t);
      if (st.error() == null && st.phase().isCompleted()) {
        setResult(t, t.syncStatus, st.phase(), st.message());
      } else if (t.operationState != OperationPhase.Error) {
        setResult(t, t.syncStatus, OperationPhase.Failed, "Terminated");
      }
    }
    return ok;
  }

  // ---------------------------------------------------------------------------------------------
  // Task generation (spec §2.2)

  private record TaskList(List<SyncTask> tasks, boolean valid) {}

  private TaskList getSyncTasks(boolean withCluster) {
    List<SyncTask> tasks = new ArrayList<>();
    for (Reconciliation.Resource r : recon.resources()) {
      if (s.resourcesFilter != null && !s.resourcesFilter.accept(r.key(), r.target(), r.live())) {
        continue;
      }
      KubeObject obj = r.target() != null ? r.target() : r.live();
      if (Hooks.isHook(obj)) {
        continue; // previous copies of hooks are never pruned
      }
      for (SyncPhase p : Hooks.phases(obj)) {
        tasks.add(new SyncTask(p, r.target(), r.live()));
      }
    }
    if (!s.skipHooks) {
      for (KubeObject h : recon.hooks()) {
        for (SyncPhase p : Hooks.phases(h)) {
          String name = h.name().isEmpty() ? h.generateName() + generatedNameSuffix(p) : null;
          String ns = h.namespace().isEmpty() && !s.namespace.isEmpty() ? s.namespace : null;
          tasks.add(new SyncTask(p, h.withHookIdentity(name, ns, Annotations.HOOK_FINALIZER), null));
        }
      }
    }
    for (SyncTask t : tasks) {
      if (t.target != null && t.target.namespace().isEmpty() && !s.namespace.isEmpty()) {
        t.setTarget(t.target.withNamespace(s.namespace));
      }
    }
    if (withCluster && s.namespaceModifier != null && !s.namespace.isEmpty()) {
      autoCreateNamespace(tasks);
    }
    for (SyncTask t : tasks) {
      if (t.target != null && t.live == null) {
        t.live = liveObj(t.target);
      }
    }

    boolean valid = true;
    Map<String, Object> discovered = new HashMap<>();
    for (SyncTask t : tasks) {
      String gvk = t.group() + "/" + t.version() + "/" + t.kind();
      Object res = discovered.computeIfAbsent(gvk, k -> discover(t));
      if (res instanceof ApiException e) {
        if (e.isNotFound() && shouldSkipDryRunOnMissingResource(t)) {
          t.skipDryRun = true;
        } else {
          setResult(t, ResultCode.SyncFailed, null, e.getMessage());
          valid = false;
        }
      } else if (s.permissionValidator != null) {
        try {
          s.permissionValidator.validate(t.obj(), (Discovery.ApiResource) res);
        } catch (Exception e) {
          setResult(t, ResultCode.SyncFailed, null, e.getMessage());
          valid = false;
        }
      }
    }

    reversePruneWaves(tasks);
    SyncTasks.sort(tasks);

    for (SyncTask t : syncRes.isEmpty() ? List.<SyncTask>of() : tasks) {
      ResourceResult r = syncRes.get(t.resultKey());
      if (r != null) {
        t.syncStatus = r.status();
        t.operationState = r.hookPhase();
        t.message = r.message();
        t.appliedGeneration = r.appliedGeneration();
        t.appliedUid = r.uid();
        t.runningSince = r.runningSince();
      }
    }
    return new TaskList(tasks, valid);
  }

  /** {@code <rev7>-<phase>-<startedAt unix seconds>}, lower-cased (spec §2.2 H2). */
  private String generatedNameSuffix(SyncPhase p) {
    String rev = s.revision.length() >= 8 ? s.revision.substring(0, 7) : s.revision;
    return (rev + "-" + p.name() + "-" + startedAt.getEpochSecond()).toLowerCase(java.util.Locale.ROOT);
  }

  /** Discovery with up to 5 attempts on 401 Unauthorized (client-go's default retry). */
  private Object discover(SyncTask t) {
    ApiException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return s.discovery.resolve(t.group(), t.version(), t.kind());
      } catch (ApiException e) {
        last = e;
        if (!e.isUnauthorized()) {
          break;
        }
      }
    }
    return last;
  }

  private boolean shouldSkipDryRunOnMissingResource(SyncTask t) {
    if (s.skipDryRunOnMissingResource) {
      return true;
    }
    if (t.target != null && SyncOptions.has(t.target, SyncOptions.SKIP_DRY_RUN_ON_MISSING_RESOURCE)) {
      return true;
    }
    List<KubeObject> all = new ArrayList<>(recon.hooks());
    for (Reconciliation.Resource r : recon.resources()) {
      if (r.target() != null) {
        all.add(r.target());
      }
    }
    for (KubeObject o : all) {
      if (SyncTasks.isCrd(o)
          && t.group().equals(o.pathText("spec", "group"))
          && t.kind().equals(o.pathText("spec", "names", "kind"))) {
        return true;
      }
    }
    return false;
  }

  private void autoCreateNamespace(List<SyncTask> tasks) {
    for (Reconciliation.Resource r : recon.resources()) {
      if (isNamespaceWithName(r.target(), s.namespace)) {
        return;
      }
    }
    KubeObject managedNs = KubeObject.of("v1", "Namespace", null, s.namespace);
    SyncIo.Lookup l = io.get(List.of(managedNs)).getOrDefault(
        ResourceKey.of(managedNs), SyncIo.Lookup.notFound());
    if (l.object() != null || l.isNotFound()) {
      KubeObject liveNs = l.object();
      try {
        if (s.namespaceModifier.modify(managedNs, liveNs)) {
          tasks.add(new SyncTask(SyncPhase.PreSync, managedNs, liveNs));
        }
      } catch (Exception e) {
        appendFailedNsTask(tasks, managedNs, "namespaceModifier error: " + e.getMessage());
      }
    } else {
      appendFailedNsTask(tasks, managedNs, "namespace auto creation failed: " + l.error().getMessage());
    }
  }

  private void appendFailedNsTask(List<SyncTask> tasks, KubeObject ns, String msg) {
    SyncTask t = new SyncTask(SyncPhase.PreSync, ns, null);
    setResult(t, ResultCode.SyncFailed, OperationPhase.Error, msg);
    tasks.add(t);
  }

  private static boolean isNamespaceWithName(KubeObject obj, String ns) {
    return SyncTasks.isNamespace(obj) && obj.name().equals(ns);
  }

  private SyncTask namespaceCreationTask(List<SyncTask> tasks) {
    for (SyncTask t : tasks) {
      if (t.live == null && isNamespaceWithName(t.target, s.namespace)) {
        return t;
      }
    }
    return null;
  }

  /** E2: the reconciled live object of a target (a live key without namespace matches any). */
  private KubeObject liveObj(KubeObject target) {
    if (resourcesByName == null) {
      resourcesByName = new HashMap<>();
      for (Reconciliation.Resource r : recon.resources()) {
        ResourceKey k = r.key();
        resourcesByName.computeIfAbsent(k.group() + "/" + k.kind() + "/" + k.name(),
            x -> new ArrayList<>()).add(new Object[] {k, r});
      }
    }
    List<Object[]> candidates =
        resourcesByName.get(target.group() + "/" + target.kind() + "/" + target.name());
    if (candidates != null) {
      for (Object[] c : candidates) {
        ResourceKey k = (ResourceKey) c[0];
        if (k.namespace().isEmpty() || k.namespace().equals(target.namespace())) {
          return ((Reconciliation.Resource) c[1]).live();
        }
      }
    }
    return null;
  }

  /** Reconciled resources by group/kind/name, built on first use. */
  private Map<String, List<Object[]>> resourcesByName;

  /** Prune tasks run in mirrored wave order, PruneLast ones after the last Sync wave (§5.7). */
  private void reversePruneWaves(List<SyncTask> tasks) {
    Map<Long, List<SyncTask>> pruneByWave = new HashMap<>();
    for (SyncTask t : tasks) {
      if (t.isPrune()) {
        pruneByWave.computeIfAbsent(t.wave(), w -> new ArrayList<>()).add(t);
      }
    }
    List<Long> waves = new ArrayList<>(new TreeSet<>(pruneByWave.keySet()));
    int n = waves.size();
    for (int i = 0; i < n / 2; i++) {
      long start = waves.get(i);
      long end = waves.get(n - 1 - i);
      for (SyncTask t : pruneByWave.get(start)) {
        t.waveOverride = end;
      }
      for (SyncTask t : pruneByWave.get(end)) {
        t.waveOverride = start;
      }
    }
    long lastSyncWave = 0;
    for (SyncTask t : tasks) {
      if (t.phase == SyncPhase.Sync && t.wave() > lastSyncWave) {
        lastSyncWave = t.wave();
      }
    }
    long pruneLastWave = lastSyncWave + 1;
    for (SyncTask t : tasks) {
      if (t.isPrune() && (s.pruneLast || SyncOptions.has(t.live, SyncOptions.PRUNE_LAST))) {
        t.waveOverride = pruneLastWave;
      }
    }
  }

  private List<SyncTask> filterOutOfSyncTasks(List<SyncTask> tasks) {
    return filter(tasks, t -> {
      if (t.isHook()) {
        return true;
      }
      // the diff is keyed by the live object (cluster-scoped objects have no namespace there)
      ResourceKey key = t.live != null ? ResourceKey.of(t.live) : t.resourceKey();
      Boolean modified = s.modificationResult == null ? null : s.modificationResult.get(key);
      return !(modified != null && !modified && t.target != null && t.live != null);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // State evaluation (spec §3.2, §3.3, decisions 6–8)

  private record HookState(OperationPhase phase, String message, String error) {}

  /** Hook phase from the live object's health (spec §3.2). */
  private HookState hookState(KubeObject live) {
    try {
      Optional<HealthResult> h = HealthAssessor.assess(live, s.healthOverride);
      if (h.isEmpty()) {
        return new HookState(OperationPhase.Succeeded, live.name() + " created", null);
      }
      HealthResult r = h.get();
      return switch (r.status()) {
        case Unknown, Degraded -> new HookState(OperationPhase.Failed, r.message(), null);
        case Progressing, Suspended -> new HookState(OperationPhase.Running, r.message(), null);
        case Healthy -> new HookState(OperationPhase.Succeeded, r.message(), null);
        case Missing -> new HookState(OperationPhase.Succeeded, live.name() + " created", null);
      };
    } catch (HealthCheckException e) {
      return new HookState(null, "", e.getMessage());
    }
  }

  /**
   * Decision 6: health counts only when observed on what this operation applied: same uid, and a
   * generation (and observedGeneration, for kinds reporting it) at least the applied one.
   */
  private static boolean fresh(SyncTask t) {
    if (!t.appliedUid.isEmpty() && !t.live.uid().isEmpty() && !t.appliedUid.equals(t.live.uid())) {
      return false;
    }
    long applied = t.appliedGeneration;
    if (applied <= 0) {
      return true;
    }
    long gen = t.live.generation();
    if (gen != 0 && gen < applied) {
      return false;
    }
    Optional<Long> observed = t.live.observedGeneration();
    return observed.isEmpty() || observed.get() >= applied;
  }

  private void refreshRunningTasks(List<SyncTask> tasks) {
    List<SyncTask> timedOut = new ArrayList<>();
    for (SyncTask t : filter(tasks, t -> t.running() && t.live != null)) {
      if (!fresh(t)) {
        continue;
      }
      if (t.isHook()) {
        HookState st = hookState(t.live);
        if (st.error() != null) {
          setResult(t, t.syncStatus, OperationPhase.Error, "failed to get resource health: " + st.error());
        } else {
          setResult(t, t.syncStatus, st.phase(), st.message());
          if (st.phase().isCompleted()) {
            captureLogs(t);
          } else if (hookTimedOut(t)) {
            timedOut.add(t);
          }
        }
      } else {
        try {
          Optional<HealthResult> h = HealthAssessor.assess(t.live, s.healthOverride);
          if (h.isEmpty()) {
            setResult(t, t.syncStatus, OperationPhase.Succeeded, t.message);
          } else if (h.get().status() == HealthStatus.Healthy) {
            setResult(t, t.syncStatus, OperationPhase.Succeeded, h.get().message());
          } else if (h.get().status() == HealthStatus.Degraded) {
            setResult(t, t.syncStatus, OperationPhase.Failed, h.get().message());
          }
        } catch (HealthCheckException e) {
          // an evaluation error leaves a resource running (spec §3.3)
        }
      }
    }
    if (!timedOut.isEmpty()) {
      stopTimedOutHooks(timedOut);
    }
  }

  private void captureLogs(SyncTask t) {
    String logs = hookLogs.apply(ResourceKey.of(t.live));
    ResourceResult r = syncRes.get(t.resultKey());
    if (logs != null && r != null) {
      syncRes.put(t.resultKey(), r.withLogTail(logs));
    }
  }

  private Duration hookTimeout(SyncTask t) {
    String a = t.obj().annotation(Annotations.HOOK_TIMEOUT);
    if (a != null) {
      try {
        return Durations.parse(a);
      } catch (IllegalArgumentException e) {
        return s.defaultHookTimeout;
      }
    }
    return s.defaultHookTimeout;
  }

  private boolean hookTimedOut(SyncTask t) {
    Duration timeout = hookTimeout(t);
    return timeout != null
        && t.runningSince != null
        && !now.isBefore(t.runningSince.plus(timeout));
  }

  /** Decision 7: a hook over its timeout is stopped and recorded Failed. */
  private void stopTimedOutHooks(List<SyncTask> hooks) {
    Map<ResourceKey, String> finErrors = io.removeHookFinalizers(liveObjs(hooks));
    List<SyncTask> toDelete = filter(hooks, t -> !finErrors.containsKey(ResourceKey.of(t.live)));
    Map<ResourceKey, ApiException> delErrors = toDelete.isEmpty() ? Map.of()
        : io.delete(liveObjs(toDelete), s.prunePropagationPolicy, SyncIo.REASON_HOOK_TIMEOUT);
    for (SyncTask t : hooks) {
      ResourceKey k = ResourceKey.of(t.live);
      ApiException de = delErrors.get(k);
      if (finErrors.containsKey(k)) {
        setResult(t, t.syncStatus, OperationPhase.Error,
            "Failed to remove hook finalizer: " + finErrors.get(k));
      } else if (de != null && !de.isNotFound()) {
        setResult(t, t.syncStatus, OperationPhase.Error, "Failed to delete: " + de.getMessage());
      } else {
        setResult(t, t.syncStatus, OperationPhase.Failed,
            "hook timed out after " + Durations.format(hookTimeout(t)));
      }
    }
  }

  /** Rule 5: a running task whose object is not in the cache is read from the API. */
  private void checkMissing(List<SyncTask> running) {
    List<SyncTask> noLive = filter(running, t -> t.live == null);
    if (noLive.isEmpty()) {
      return;
    }
    Map<ResourceKey, SyncIo.Lookup> found = io.get(objs(noLive));
    for (SyncTask t : noLive) {
      SyncIo.Lookup l = found.getOrDefault(t.resourceKey(), SyncIo.Lookup.notFound());
      if (l.object() != null) {
        continue;
      }
      if (!l.isNotFound()) {
        setResult(t, t.syncStatus, OperationPhase.Error,
            "Failed to get live resource " + l.error().getMessage());
      } else if (syncRes.containsKey(t.resultKey())) {
        setResult(t, ResultCode.SyncFailed, OperationPhase.Error,
            "Resource " + t.resourceKey().groupKindName() + " is missing, it might have been deleted");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Failure handling (spec §3.5, decision 2)

  private boolean executeSyncFailPhase(
      List<SyncTask> syncFailTasks, List<SyncTask> failedTasks, String baseMessage) {
    String msg = withReasons(baseMessage, failedTasks);
    if (syncFailTasks.isEmpty()) {
      setPhase(OperationPhase.Failed, msg);
      return true;
    }
    if (syncFailTasks.stream().allMatch(SyncTask::completed)) {
      List<SyncTask> failedSyncFail =
          filter(syncFailTasks, t -> t.syncStatus == ResultCode.SyncFailed);
      if (!failedSyncFail.isEmpty()) {
        msg = msg + "\n" + withReasons("one or more SyncFail hooks failed", failedSyncFail);
      }
      setPhase(OperationPhase.Failed, msg);
      return true;
    }
    List<SyncTask> running = filter(syncFailTasks, SyncTask::running);
    if (!running.isEmpty()) {
      setRunningPhase(running, false);
      return false;
    }
    // decision 2: one SyncFail wave at a time, every wave gets its chance
    List<SyncTask> pending = filter(syncFailTasks, t -> !t.completed() && !t.running());
    long wave = pending.get(0).wave();
    List<SyncTask> toStart = filter(pending, t -> t.wave() == wave);
    runTasks(RunTasksRequest.Purpose.SYNC_FAIL, toStart, false);
    setRunningPhase(toStart, false);
    return false;
  }

  /** {@code <base>, reason: <m1>,<m2>} over distinct, sorted messages (decision 1). */
  private static String withReasons(String base, List<SyncTask> failed) {
    TreeSet<String> reasons = new TreeSet<>();
    for (SyncTask t : failed) {
      reasons.add(t.message);
    }
    return reasons.isEmpty() ? base : base + ", reason: " + String.join(",", reasons);
  }

  /** Deletes hooks by their delete policy; {@code policy} names it for the record. */
  private void deleteHooks(List<SyncTask> hooks, String policy) {
    // a dry run changes nothing in the cluster (spec §5.6)
    if (hooks.isEmpty() || s.dryRun) {
      return;
    }
    Map<ResourceKey, ApiException> errors =
        io.delete(liveObjs(hooks), s.prunePropagationPolicy, policy);
    for (SyncTask t : hooks) {
      ApiException e = errors.get(ResourceKey.of(t.live));
      if (e != null && !e.isNotFound()) {
        setResult(t, t.syncStatus, OperationPhase.Error, "failed to delete resource: " + e.getMessage());
      }
    }
  }

  private void removeHookFinalizers(List<SyncTask> hooks, String errorPrefix) {
    List<SyncTask> withFinalizer =
        filter(hooks, t -> t.live != null && t.live.hasFinalizer(Annotations.HOOK_FINALIZER));
    if (withFinalizer.isEmpty() || s.dryRun) {
      return;
    }
    Map<ResourceKey, String> errors = io.removeHookFinalizers(liveObjs(withFinalizer));
    for (SyncTask t : withFinalizer) {
      String e = errors.get(ResourceKey.of(t.live));
      if (e != null) {
        setResult(t, t.syncStatus, OperationPhase.Error, errorPrefix + e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Applying tasks

  private RunTasksResult runTasks(RunTasksRequest.Purpose purpose, List<SyncTask> tasks, boolean dryRun) {
    List<RunTask> runTasks = new ArrayList<>();
    Map<String, SyncTask> byKey = new LinkedHashMap<>();
    for (SyncTask t : tasks) {
      byKey.put(t.resultKey(), t);
      runTasks.add(toRunTask(t, dryRun));
    }
    SyncPhase p = tasks.isEmpty() ? SyncPhase.Sync : tasks.get(0).phase;
    long w = tasks.isEmpty() ? 0 : tasks.get(0).wave();
    RunTasksResult result =
        io.runTasks(new RunTasksRequest(purpose, p, w, runTasks, dryRun, s.dryRun,
            s.pruneConfirmed, s.prunePropagationPolicy));
    for (TaskUpdate u : result.updates()) {
      SyncTask t = byKey.get(u.resultKey());
      if (t == null) {
        continue;
      }
      if (u.liveGone()) {
        t.live = null;
      }
      if (u.record()) {
        t.appliedUid = u.uid() == null ? "" : u.uid();
        t.appliedGeneration = u.generation();
        setResult(t, u.status(), u.phase(), u.message());
      }
    }
    return result;
  }

  RunTask toRunTask(SyncTask t, boolean dryRun) {
    PruneMode pruneMode = null;
    boolean needsConfirmation = false;
    if (t.isPrune()) {
      String option = SyncOptions.value(t.live, SyncOptions.PRUNE_KEY).orElse(s.pruneDefault);
      pruneMode = !s.prune ? PruneMode.SKIP_REQUIRES_PRUNING
          : "false".equals(option) ? PruneMode.SKIP_NO_PRUNE : PruneMode.PRUNE;
      needsConfirmation = "confirm".equals(option);
    }
    ApplyStrategy strategy = null;
    if (t.target != null) {
      boolean replace = s.replace || SyncOptions.has(t.target, SyncOptions.REPLACE)
          || SyncOptions.has(t.live, SyncOptions.REPLACE);
      boolean force = s.force || SyncOptions.has(t.target, SyncOptions.FORCE)
          || SyncOptions.has(t.live, SyncOptions.FORCE);
      boolean validate = s.validate && !SyncOptions.has(t.target, SyncOptions.VALIDATE_OFF);
      // never SSA for dry runs: the validation only checks the manifests (argo-cd#13874)
      boolean ssa = !s.dryRun && !dryRun && !replace
          && !SyncOptions.has(t.target, SyncOptions.SERVER_SIDE_APPLY_OFF)
          && (s.serverSideApply || SyncOptions.has(t.target, SyncOptions.SERVER_SIDE_APPLY));
      strategy = new ApplyStrategy(replace, force, validate, ssa, s.serverSideApplyManager);
    }
    return new RunTask(t.resultKey(), t.phase, t.wave(), t.target, t.live, t.isHook(), t.pending(),
        t.deleteBeforeCreation(), t.skipDryRun, pruneMode, needsConfirmation, strategy,
        t.syncStatus);
  }

  // ---------------------------------------------------------------------------------------------
  // State

  private boolean started() {
    return !syncRes.isEmpty();
  }

  private void setPhase(OperationPhase p, String msg) {
    this.phase = p;
    this.message = msg;
  }

  /** The "waiting for …" message of spec §5.2. */
  private void setRunningPhase(List<SyncTask> tasks, boolean pendingDeletion) {
    setPhase(OperationPhase.Running, runningMessage(tasks, pendingDeletion));
  }

  static String runningMessage(List<SyncTask> tasks, boolean pendingDeletion) {
    if (tasks.isEmpty()) {
      return "";
    }
    List<SyncTask> hooks = filter(tasks, SyncTask::isHook);
    List<SyncTask> resources = filter(tasks, t -> !t.isHook());
    String reason = hooks.isEmpty() ? "healthy state of" : "completion of hook";
    String taskType = resources.isEmpty() ? "hooks" : "resources";
    if (pendingDeletion) {
      reason = "deletion of" + (hooks.isEmpty() ? "" : " hook");
    }
    SyncTask first = hooks.isEmpty() ? resources.get(0) : hooks.get(0);
    String msg = "waiting for " + reason + " " + first.resourceKey().groupKindName();
    if (tasks.size() > 1) {
      msg += " and " + (tasks.size() - 1) + " more " + taskType;
    }
    return msg;
  }

  /** Records a task's status, state and (non-empty) message, keeping result order (spec §5.3). */
  private void setResult(SyncTask t, ResultCode status, OperationPhase state, String msg) {
    boolean wasRunning = t.operationState == OperationPhase.Running;
    t.syncStatus = status;
    t.operationState = state;
    if (msg != null && !msg.isEmpty()) {
      t.message = msg;
    }
    if (state == OperationPhase.Running && (!wasRunning || t.runningSince == null)) {
      t.runningSince = now;
    }
    ResourceResult existing = syncRes.get(t.resultKey());
    KubeObject obj = t.obj();
    if (existing != null) {
      syncRes.put(t.resultKey(), existing.with(status, state, t.message)
          .withApplied(t.appliedUid, t.appliedGeneration)
          .withRunningSince(t.runningSince));
    } else {
      syncRes.put(t.resultKey(), new ResourceResult(obj.group(), obj.version(), obj.kind(),
          obj.namespace(), obj.name(), t.phase, status, state, t.message, t.hookType(), t.wave(),
          Images.of(obj), t.appliedGeneration, t.appliedUid, t.runningSince, null));
    }
  }

  private static List<SyncTask> filter(Collection<SyncTask> tasks, Predicate<SyncTask> p) {
    List<SyncTask> out = new ArrayList<>();
    for (SyncTask t : tasks) {
      if (p.test(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<KubeObject> objs(List<SyncTask> tasks) {
    List<KubeObject> out = new ArrayList<>();
    for (SyncTask t : tasks) {
      out.add(t.obj());
    }
    return out;
  }

  private static List<KubeObject> liveObjs(List<SyncTask> tasks) {
    Map<ResourceKey, KubeObject> unique = new LinkedHashMap<>();
    for (SyncTask t : tasks) {
      unique.putIfAbsent(ResourceKey.of(t.live), t.live);
    }
    return new ArrayList<>(unique.values());
  }
}
