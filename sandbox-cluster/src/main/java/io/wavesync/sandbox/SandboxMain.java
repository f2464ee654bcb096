package io.wavesync.sandbox;

import io.wavesync.sandbox.simulator.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a sandbox cluster until the process is stopped. */
@Command(
    name = "sandbox-cluster",
    mixinStandardHelpOptions = true,
    version = "wavesync sandbox-cluster",
    description = {
        "Runs a local Kubernetes API server with a workload simulator: Jobs and Pods run and "
            + "complete, Deployments and other workloads become available, dependents are "
            + "garbage-collected. Point kubectl or any client at the kubeconfig it writes.",
        ""})
public final class SandboxMain implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "18080",
      description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--kubeconfig", paramLabel = "PATH",
      description = "Write a kubeconfig for this cluster to PATH.")
  Path kubeconfig;

  @Option(names = "--default-duration", defaultValue = "1s", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long a container runs unless its command or an annotation says "
          + "otherwise (default: ${DEFAULT-VALUE}).")
  Duration defaultDuration;

  @Option(names = "--rollout-duration", defaultValue = "1s", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long a workload rollout takes (default: ${DEFAULT-VALUE}).")
  Duration rolloutDuration;

  @Option(names = "--https", description = "Serve HTTPS with a self-signed certificate.")
  boolean https;

  @Option(names = {"-v", "--verbose"}, description = "Log every request.")
  boolean verbose;

  public static void main(String[] args) {
    System.setProperty("java.util.logging.SimpleFormatter.format",
        "%1$tT %4$s %3$s: %5$s%6$s%n");
    System.exit(new CommandLine(new SandboxMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    configureLogging();
    SandboxSettings settings = SandboxSettings.defaults()
        .withDefaultDuration(defaultDuration)
        .withRolloutDuration(rolloutDuration)
        .withHttps(https)
        .withRequestLogging(verbose);
    SandboxCluster cluster;
    try {
      cluster = new SandboxCluster(settings).start(host, port);
    } catch (IllegalStateException | IllegalArgumentException e) {
      System.err.println("sandbox-cluster: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cluster.close();
      stopped.countDown();
    }, "sandbox-shutdown"));
    System.out.println("wavesync sandbox cluster listening on " + cluster.url());
    if (kubeconfig != null) {
      Path written = cluster.writeKubeconfig(kubeconfig).toAbsolutePath();
      System.out.println("kubeconfig written to " + written);
      System.out.println("  export KUBECONFIG=" + written);
    }
    System.out.flush();
    stopped.await();
    return 0;
  }

  private void configureLogging() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    ConsoleHandler console = new ConsoleHandler();
    console.setLevel(Level.ALL);
    root.addHandler(console);
    root.setLevel(Level.INFO);
    // The embedded HTTP stack is chatty at INFO; its warnings still show.
    Logger.getLogger("io.vertx").setLevel(Level.WARNING);
    Logger.getLogger("io.netty").setLevel(Level.WARNING);
    Logger.getLogger("io.fabric8.kubernetes.client").setLevel(Level.WARNING);
  }

  /** Converts {@code 500ms}, {@code 3s}, {@code 1m30s} or plain seconds. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.require(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
