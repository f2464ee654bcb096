package io.wavesync.cleanup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything the cleanup service reads from configuration, under {@code cleanup.}. */
@ConfigMapping(prefix = "cleanup")
public interface CleanupConfig {

  /** How many answered commands are remembered to answer a redelivered command again. */
  @WithDefault("1000")
  int answeredCommands();

  /** How long the readiness check waits for the Kubernetes API to answer. */
  @WithDefault("5s")
  Duration kubernetesHealthTimeout();
}
