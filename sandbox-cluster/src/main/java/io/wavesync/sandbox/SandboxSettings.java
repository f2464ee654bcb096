package io.wavesync.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings and switches of a sandbox cluster. Start from {@link #defaults()} and change what you
 * need:
 * {@code SandboxSettings.defaults().withDefaultDuration(Duration.ofMillis(200))}.
 *
 * @param defaultDuration how long a container runs when neither its command ({@code sleep N}) nor
 *     an annotation says otherwise
 * @param rolloutDuration how long a Deployment, StatefulSet, DaemonSet or ReplicaSet takes to
 *     become available after a spec change
 * @param podStartDelay how long a Pod stays Pending before it runs
 * @param loadBalancerDelay how long a LoadBalancer Service or an Ingress waits for its address
 * @param garbageCollectionDelay how long after an owner disappears its dependents are deleted
 * @param watchPollInterval how long a plain HTTP watch (kubectl wait) waits before answering that
 *     nothing changed, which bounds how late kubectl sees a change
 * @param https serve HTTPS with a self-signed certificate instead of plain HTTP
 * @param requestLogging log every request at INFO
 */
public record SandboxSettings(
    Duration defaultDuration,
    Duration rolloutDuration,
    Duration podStartDelay,
    Duration loadBalancerDelay,
    Duration garbageCollectionDelay,
    Duration watchPollInterval,
    boolean https,
    boolean requestLogging) {

  public SandboxSettings {
    Objects.requireNonNull(defaultDuration, "defaultDuration");
    Objects.requireNonNull(rolloutDuration, "rolloutDuration");
    Objects.requireNonNull(podStartDelay, "podStartDelay");
    Objects.requireNonNull(loadBalancerDelay, "loadBalancerDelay");
    Objects.requireNonNull(garbageCollectionDelay, "garbageCollectionDelay");
    Objects.requireNonNull(watchPollInterval, "watchPollInterval");
  }

  public static SandboxSettings defaults() {
    return new SandboxSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMillis(200),
        Duration.ofMillis(250), false, false);
  }

  public SandboxSettings withDefaultDuration(Duration value) {
    return new SandboxSettings(value, rolloutDuration, podStartDelay, loadBalancerDelay,
        garbageCollectionDelay, watchPollInterval, https, requestLogging);
  }

  public SandboxSettings withRolloutDuration(Duration value) {
    return new SandboxSettings(defaultDuration, value, podStartDelay, loadBalancerDelay,
        garbageCollectionDelay, watchPollInterval, https, requestLogging);
  }

  public SandboxSettings withPodStartDelay(Duration value) {
    return new SandboxSettings(defaultDuration, rolloutDuration, value, loadBalancerDelay,
        garbageCollectionDelay, watchPollInterval, https, requestLogging);
  }

  public SandboxSettings withLoadBalancerDelay(Duration value) {
    return new SandboxSettings(defaultDuration, rolloutDuration, podStartDelay, value,
        garbageCollectionDelay, watchPollInterval, https, requestLogging);
  }

  public SandboxSettings withGarbageCollectionDelay(Duration value) {
    return new SandboxSettings(defaultDuration, rolloutDuration, podStartDelay, loadBalancerDelay,
        value, watchPollInterval, https, requestLogging);
  }

  public SandboxSettings withWatchPollInterval(Duration value) {
    return new SandboxSettings(defaultDuration, rolloutDuration, podStartDelay, loadBalancerDelay,
        garbageCollectionDelay, value, https, requestLogging);
  }

  public SandboxSettings withHttps(boolean value) {
    return new SandboxSettings(defaultDuration, rolloutDuration, podStartDelay, loadBalancerDelay,
        garbageCollectionDelay, watchPollInterval, value, requestLogging);
  }

  public SandboxSettings withRequestLogging(boolean value) {
    return new SandboxSettings(defaultDuration, rolloutDuration, podStartDelay, loadBalancerDelay,
        garbageCollectionDelay, watchPollInterval, https, value);
  }
}
