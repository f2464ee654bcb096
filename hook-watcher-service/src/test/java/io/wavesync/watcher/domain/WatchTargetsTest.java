package io.wavesync.watcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.events.HealthObserved;
import io.wavesync.events.ResourceApplied;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.StepResult;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.TaskOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchTargetsTest {

  private static final ObjectRef JOB = new ObjectRef("batch", "v1", "Job", "x", "migrate", "u1");

  private static ResourceApplied applied(ObjectRef ref, ResultCode code, boolean dryRun) {
    return ResourceApplied.of(
        "shop", "op-1", "cmd-1", SyncPhase.PreSync, 0, ref, 1, "5", code, "applied", true, dryRun);
  }

  @Test
  void anAppliedObjectNamesTheInformerOfItsKindAndNamespace() {
    assertThat(WatchTargets.of(applied(JOB, ResultCode.Synced, false)))
        .containsExactly(new WatchKey("batch", "v1", "Job", "x"));
  }

  @Test
  void clusterScopedObjectsAreWatchedWithoutANamespace() {
    ObjectRef ns = new ObjectRef("", "v1", "Namespace", null, "shop", "u2");

    WatchKey key = WatchTargets.of(applied(ns, ResultCode.Synced, false)).iterator().next();

    assertThat(key.clusterScoped()).isTrue();
    assertThat(key.apiVersion()).isEqualTo("v1");
  }

  @Test
  void dryRunsAndFailedAppliesNameNothing() {
    assertThat(WatchTargets.of(applied(JOB.withUid(null), ResultCode.Synced, true))).isEmpty();
    assertThat(WatchTargets.of(applied(JOB.withUid(null), ResultCode.SyncFailed, false))).isEmpty();
  }

  @Test
  void aWavesOutcomesNameTheirObjectsOnce() {
    ObjectRef cm = new ObjectRef("", "v1", "ConfigMap", "x", "settings", "u3");
    WaveApplied wave =
        WaveApplied.of(
            "shop",
            "op-1",
            "cmd-1",
            StepResult.SUCCESSFUL,
            List.of(
                new TaskOutcome("k1", JOB, ResultCode.Synced, null, "ok", "u1", 1L, false, false),
                new TaskOutcome("k2", cm, ResultCode.Synced, null, "ok", "u3", 1L, false, false),
                new TaskOutcome(
                    "k3",
                    JOB.withUid(null),
                    ResultCode.Synced,
                    null,
                    "dry",
                    null,
                    null,
                    false,
                    false),
                new TaskOutcome(
                    "k4", cm, ResultCode.SyncFailed, null, "no", "u3", 1L, false, false)),
            List.of());

    assertThat(WatchTargets.of(wave))
        .containsExactly(
            new WatchKey("batch", "v1", "Job", "x"), new WatchKey("", "v1", "ConfigMap", "x"));
  }

  @Test
  void theWatchersOwnObservationsNameNothing() {
    HealthObserved observed =
        HealthObserved.of("shop", null, JOB, true, 1, null, null, List.of(), null, null, "5");

    assertThat(WatchTargets.of(observed)).isEmpty();
  }
}
