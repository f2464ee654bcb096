package io.wavesync.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.wavesync.sandbox.SandboxCluster;
import io.wavesync.sandbox.SandboxSettings;
import io.wavesync.sandbox.simulator.Durations;
import java.util.Map;

/**
 * The sandbox cluster for {@code @QuarkusTest}s: started in-process on a free port, with the
 * service's Kubernetes client pointed at it. Tests reach it through a field annotated with
 * {@link InjectSandbox} (type {@code SandboxCluster} or {@code KubernetesClient}) or through
 * {@link #sandbox()}.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(SandboxClusterResource.class)
 * class RunnerTest {
 *   @InjectSandbox KubernetesClient cluster;
 * }
 * }</pre>
 *
 * <p>Optional init args: {@code default-duration} and {@code rollout-duration} (for example
 * {@code 200ms}) to speed up the simulated workloads.
 */
public class SandboxClusterResource implements QuarkusTestResourceLifecycleManager {

  public static final String DEFAULT_DURATION_ARG = "default-duration";
  public static final String ROLLOUT_DURATION_ARG = "rollout-duration";

  private static volatile SandboxCluster current;

  private SandboxSettings settings = SandboxSettings.defaults();
  private SandboxCluster sandbox;

  @Override
  public void init(Map<String, String> initArgs) {
    SandboxSettings s = SandboxSettings.defaults();
    if (initArgs.containsKey(DEFAULT_DURATION_ARG)) {
      s = s.withDefaultDuration(Durations.require(initArgs.get(DEFAULT_DURATION_ARG)));
    }
    if (initArgs.containsKey(ROLLOUT_DURATION_ARG)) {
      s = s.withRolloutDuration(Durations.require(initArgs.get(ROLLOUT_DURATION_ARG)));
    }
    settings = s;
  }

  @Override
  public Map<String, String> start() {
    sandbox = new SandboxCluster(settings).start("127.0.0.1", 0);
    current = sandbox;
    return Map.of(
        "quarkus.kubernetes-client.api-server-url", sandbox.url(),
        "quarkus.kubernetes-client.trust-certs", "true",
        "quarkus.kubernetes-client.namespace", "default");
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(sandbox,
        new TestInjector.AnnotatedAndMatchesType(InjectSandbox.class, SandboxCluster.class));
    testInjector.injectIntoFields(sandbox.client(),
        new TestInjector.AnnotatedAndMatchesType(InjectSandbox.class, KubernetesClient.class));
  }

  @Override
  public void stop() {
    if (sandbox != null) {
      sandbox.close();
      if (current == sandbox) {
        current = null;
      }
      sandbox = null;
    }
  }

  /**
   * The sandbox started by the most recent resource in this JVM.
   *
   * @throws IllegalStateException if none is running
   */
  public static SandboxCluster sandbox() {
    SandboxCluster running = current;
    if (running == null) {
      throw new IllegalStateException("no SandboxClusterResource is running; add "
          + "@WithTestResource(SandboxClusterResource.class) to the test");
    }
    return running;
  }

  /** A client for the running sandbox, with {@code default} as its namespace. */
  public static KubernetesClient client() {
    return sandbox().client();
  }
}
