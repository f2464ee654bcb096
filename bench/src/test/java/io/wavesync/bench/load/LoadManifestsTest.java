package io.wavesync.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.manifest.ManifestLoader;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.Plan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadManifestsTest {

  static List<KubeObject> parse(String yaml) throws Exception {
    return ManifestLoader.parse(yaml, "test").stream().map(m -> m.object()).toList();
  }

  static String annotation(KubeObject o, String name) {
    return o.json().path("metadata").path("annotations").path(name).asText(null);
  }

  @Test
  void aHooksApplicationHasKWavesInPreSyncSyncAndPostSyncAndASyncFailHook() throws Exception {
    List<KubeObject> objects = parse(LoadManifests.hooks("app-1", 3, 7));
    assertThat(objects).hasSize(3 + 3 + 1 + 3 + 1);
    assertThat(objects.stream().filter(o -> "Job".equals(o.kind()))
        .map(o -> annotation(o, "argocd.argoproj.io/hook") + "/"
            + annotation(o, "argocd.argoproj.io/sync-wave")))
        .containsExactly("PreSync/0", "PreSync/1", "PreSync/2", "Sync/2", "PostSync/0",
            "PostSync/1", "PostSync/2", "SyncFail/0");
    assertThat(objects.stream().filter(o -> "ConfigMap".equals(o.kind()))
        .map(o -> o.name() + "@" + annotation(o, "argocd.argoproj.io/sync-wave")))
        .containsExactly("app-1-cfg-0@0", "app-1-cfg-1@1", "app-1-cfg-2@2");
    assertThat(LoadManifests.stepWaves(3)).isEqualTo(9);
    assertThat(LoadManifests.hooksRun(3)).isEqualTo(7);
  }

  @Test
  void everyHookRunsForZeroSecondsInTheSandboxAndIsDeletedWhenTheSyncSucceeds() throws Exception {
    for (KubeObject job : parse(LoadManifests.hooks("app-1", 2, 1))) {
      if (!"Job".equals(job.kind())) {
        continue;
      }
      assertThat(annotation(job, "argocd.argoproj.io/hook-delete-policy")).isEqualTo("HookSucceeded");
      assertThat(annotation(job, LoadManifests.SANDBOX_DURATION)).isEqualTo("0s");
      assertThat(job.json().path("spec").path("template").path("metadata").path("annotations")
          .path(LoadManifests.SANDBOX_DURATION).asText()).isEqualTo("0s");
      assertThat(job.json().path("metadata").path("generateName").asText()).startsWith("app-1-");
    }
  }

  @Test
  void theEngineOrdersAHooksApplicationPhaseByPhaseAndWaveByWave() throws Exception {
    Plan plan = Plan.of(parse(LoadManifests.hooks("app-1", 2, 1)), "bench", "0123456789abcdef",
        Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(plan.tasks().stream().map(t -> t.phase() + "/" + t.wave())
        .filter(w -> !w.startsWith("SyncFail")).distinct())
        .containsExactly("PreSync/0", "PreSync/1", "Sync/0", "Sync/1", "PostSync/0", "PostSync/1");
    assertThat(plan.tasks()).hasSize(2 + 2 + 1 + 2 + 1);
  }

  @Test
  void aTrivialApplicationIsOneConfigMapWithoutHooksOrWaves() throws Exception {
    List<KubeObject> objects = parse(LoadManifests.trivial("app-2", 42));
    assertThat(objects).hasSize(1);
    KubeObject cm = objects.get(0);
    assertThat(cm.kind()).isEqualTo("ConfigMap");
    assertThat(cm.name()).isEqualTo("app-2-cfg");
    assertThat(cm.json().path("metadata").has("annotations")).isFalse();
    assertThat(cm.json().path("data").path("sequence").asText()).isEqualTo("42");
  }

  @Test
  void anApplicationNeedsAtLeastOneWave() {
    assertThatThrownBy(() -> LoadManifests.hooks("app-1", 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
