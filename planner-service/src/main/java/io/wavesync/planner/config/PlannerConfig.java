package io.wavesync.planner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the planner service. */
@ConfigMapping(prefix = "planner")
public interface PlannerConfig {

  /** Field manager the runners use for server-side apply. */
  @WithDefault("wavesync")
  String fieldManager();

  /** How often the planner checks timers (retry backoff, timeouts, wave delay) and resends. */
  @WithDefault("200ms")
  Duration tick();

  /** A command still unanswered after this long is sent again (consumers deduplicate). */
  @WithDefault("10s")
  Duration resendAfter();

  /** Steps run at least this often while an operation is running, even without observations. */
  @WithDefault("2s")
  Duration backstop();

  /** Sync requests larger than this (bytes) are refused with an Error operation. */
  @WithDefault("1048576")
  int maxRequestBytes();

  /** Parsed manifests of this many operations are kept in memory. */
  @WithDefault("64")
  int maxCachedTargets();

  /** The CloudEvents source of what the planner publishes. */
  @WithDefault("/wavesync/planner-service")
  String source();
}
