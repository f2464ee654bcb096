package io.wavesync.planner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /**
   * Parsed manifests of this many operations are kept in memory. Below the number of operations
   * in flight, most inputs parse their operation's YAML again (the load driver's profile at 200
   * concurrent syncs: YAML parsing was among the planner's top costs).
   */
  @WithDefault("512")
  int maxCachedTargets();

  /**
   * Projects: where applications may deploy. An application belongs to the first project (by name
   * order) whose {@code applications} globs match it; an application in no project may deploy
   * anywhere.
   */
  Map<String, Project> projects();

  /** One project, like an Argo CD project's destinations and resource lists. */
  interface Project {
    /** Application name globs. */
    List<String> applications();

    /** Namespace globs objects may be applied to. */
    @WithDefault("*")
    List<String> destinations();

    /** Allowed kinds as {@code group/Kind} globs ({@code /ConfigMap} for the core API). */
    @WithDefault("*/*")
    List<String> kinds();

    /** Denied kinds, checked first. */
    Optional<List<String>> deniedKinds();
  }

  /** Metric settings. */
  Metrics metrics();

  /** Metric settings. */
  interface Metrics {
    /** Tag operation metrics with the application name (off: names can be unbounded). */
    @WithDefault("false")
    boolean applicationLabel();

    /** With the label on, applications beyond this many distinct names are tagged {@code other}. */
    @WithDefault("100")
    int applicationLabelLimit();
  }

  /** The CloudEvents source of what the planner publishes. */
  @WithDefault("/wavesync/planner-service")
  String source();
}
