package io.wavesync.watcher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the hook watcher. */
@ConfigMapping(prefix = "hook-watcher")
public interface WatcherConfig {

  /**
   * How often every informer replays its cache as updates. Replays of an unchanged object publish
   * nothing; they retry an observation that could not be published. {@code 0} turns resyncs off.
   */
  @WithDefault("5m")
  Duration resyncPeriod();

  /**
   * Threads that turn informer events into observations. Events of one object always go to the same
   * thread, in order; a slow log read holds up only the objects that share its thread.
   */
  @WithDefault("2")
  int workers();

  /** How long publishing one observation may take before it counts as failed. */
  @WithDefault("30s")
  Duration publishTimeout();

  /**
   * How many UIDs of completed hooks and of deleted objects are remembered (each), so that a hook
   * is reported once and a deletion once.
   */
  @WithDefault("100000")
  int rememberedUids();

  /** Reading hook logs. */
  Logs logs();

  /** Rebuilding the watch set from the observations topic at start. */
  Rebuild rebuild();

  /** Reading hook logs. */
  interface Logs {

    /**
     * Lines asked for per container ({@code tailLines}); the tail is then cut to its last 64 KiB.
     */
    @WithDefault("2000")
    int tailLines();
  }

  /** Rebuilding the watch set from the observations topic at start. */
  interface Rebuild {

    /** One attempt to read the topic to its end gives up after this long and is retried. */
    @WithDefault("2m")
    Duration timeout();

    /** Wait between two attempts (the broker may not be up yet). */
    @WithDefault("2s")
    Duration retryBackoff();
  }
}
