package io.wavesync.runner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.wavesync.events.payload.SyncPhase;
import java.time.Duration;
import java.util.List;

/** Everything the phase runner reads from configuration, under {@code phase-runner.}. */
@ConfigMapping(prefix = "phase-runner")
public interface PhaseRunnerConfig {

  /**
   * The phases whose wave topics this instance consumes. Production runs one deployment per phase
   * ({@code PHASE_RUNNER_PHASES=PreSync}), each scaled on its own; the default takes all four.
   */
  @WithDefault("PreSync,Sync,PostSync,SyncFail")
  List<SyncPhase> phases();

  /** How many Kubernetes calls of one kind group run at the same time. */
  @WithDefault("4")
  int applyConcurrency();

  /** How many answered commands are remembered to answer a redelivered command again. */
  @WithDefault("1000")
  int answeredCommands();

  /** How long a forced replace waits for the old object to disappear before re-creating it. */
  @WithDefault("60s")
  Duration forceReplaceTimeout();

  /** How long the readiness check waits for the Kubernetes API to answer. */
  @WithDefault("5s")
  Duration kubernetesHealthTimeout();

  /**
   * Projects, as the planner has them: where applications may deploy. The runner checks every
   * object again before writing it, so a command that bypassed the planner cannot escape them.
   */
  java.util.Map<String, Project> projects();

  /** One project: application globs, namespace globs, allowed and denied {@code group/Kind} globs. */
  interface Project {
    java.util.List<String> applications();

    @WithDefault("*")
    java.util.List<String> destinations();

    @WithDefault("*/*")
    java.util.List<String> kinds();

    java.util.Optional<java.util.List<String>> deniedKinds();
  }
}
