package io.wavesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.manifest.Manifest;
import io.wavesync.engine.manifest.ManifestLoader;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.Plan;
import io.wavesync.engine.sync.SyncPhase;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure what they claim only if the generated application has this shape. Most
 * checks use a smaller application from the same generator, which keeps them quick.
 */
class SyntheticApplicationTest {

  private static final int SIZE = 2_000;

  private static SyntheticApplication app;
  private static Plan plan;

  @BeforeAll
  static void generate() {
    app = SyntheticApplication.generate(SIZE, SyntheticApplication.SEED);
    plan = Plan.of(app.objects(), SyntheticApplication.NAMESPACE, SyntheticApplication.REVISION,
        SyntheticApplication.STARTED_AT);
  }

  @Test
  void sameSeedGivesTheSameApplication() {
    SyntheticApplication again = SyntheticApplication.generate(SIZE, SyntheticApplication.SEED);

    assertThat(again.toYaml()).isEqualTo(app.toYaml());
  }

  @Test
  void benchmarkApplicationHasTenThousandObjectsOfMixedKinds() {
    SyntheticApplication big = SyntheticApplication.generate(10_000, SyntheticApplication.SEED);

    assertThat(big.objects()).hasSize(10_000);
    assertThat(big.objects().stream().map(KubeObject::kind).collect(Collectors.toSet()))
        .contains("Namespace", "CustomResourceDefinition", "Widget", "ClusterRole",
            "ClusterRoleBinding", "Deployment", "Service", "ConfigMap", "Secret",
            "ServiceAccount", "Ingress", "Job", "CronJob", "Pod");
  }

  @Test
  void hasHooksInEveryPhaseSomeNamedByGenerateName() {
    assertThat(plan.tasks().stream().filter(Plan.Task::hook).map(Plan.Task::phase)
        .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(SyncPhase.values());
    assertThat(app.objects()).anySatisfy(o -> assertThat(o.generateName()).isNotEmpty());
    assertThat(plan.skipped()).isNotEmpty();
    assertThat(plan.ignored()).isNotEmpty();
  }

  @Test
  void spreadsOverTwentyWaves() {
    Set<Long> waves = plan.tasks().stream()
        .filter(t -> t.phase() == SyncPhase.Sync)
        .map(Plan.Task::wave)
        .collect(Collectors.toSet());

    assertThat(waves).hasSize(SyntheticApplication.WAVES);
  }

  @Test
  void yamlParsesBackIntoTheSameObjects() throws Exception {
    assertThat(ManifestLoader.parse(app.toYaml(), "shop.yaml"))
        .extracting(Manifest::object)
        .containsExactlyElementsOf(app.objects());
  }
}
