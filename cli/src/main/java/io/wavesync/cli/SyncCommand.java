package io.wavesync.cli;

import io.wavesync.engine.manifest.Manifest;
import io.wavesync.engine.manifest.ManifestException;
import io.wavesync.engine.manifest.ManifestLoader;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.payload.Backoff;
import io.wavesync.events.payload.RetryPolicy;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.events.payload.SyncStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wavesync sync}: publishes a sync request and, if asked, follows it to its end. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    versionProvider = WavesyncCommand.Version.class,
    sortOptions = false,
    description = {
      "Publishes a sync request for APP on Kafka (topic wavesync.sync-requests): the planner"
          + " applies the manifests phase by phase and wave by wave, running their hooks.",
      "",
      "Without --follow or --wait it prints the operation id and returns at once. --follow shows"
          + " the operation live (redrawn in place on a terminal, one line per change otherwise);"
          + " --wait prints only the final state.",
      ""
    },
    footer = {
      "",
      "Exit status: 0 published (with --follow/--wait: the operation Succeeded), 1 it Failed,"
          + " 2 bad usage or manifests that cannot be loaded, 3 it ended in Error, was refused or"
          + " was terminated, 4 Kafka cannot be reached."
    })
final class SyncCommand implements Callable<Integer> {

  /** Argo CD's default backoff: 5s, doubling, at most 3m. */
  static final String DEFAULT_BACKOFF = "5s";

  static final int BACKOFF_FACTOR = 2;
  static final String BACKOFF_MAX = "3m";

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "APP",
      converter = Converters.ApplicationName.class,
      description = "The application to sync; all its events are keyed by this name.")
  String application;

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "PATH",
      description =
          "A manifest file, or a directory whose .yaml, .yml and .json files are read"
              + " recursively in name order. Repeat to read several.")
  List<Path> paths;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      defaultValue = "default",
      description =
          "Destination namespace, given to every object without one (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      description = "The revision the manifests come from; names generateName hooks.")
  String revision;

  @Option(names = "--dry-run", description = "Apply everything as a server dry run; change nothing.")
  boolean dryRun;

  @Option(names = "--prune", description = "Delete live objects that no longer have a manifest.")
  boolean prune;

  @Option(
      names = "--retry-limit",
      paramLabel = "N",
      description = "Retry a failed operation up to N times (negative: without limit).")
  Integer retryLimit;

  @Option(
      names = "--retry-backoff",
      paramLabel = "D",
      converter = Converters.DurationText.class,
      description =
          "First wait before a retry, doubled after each one up to " + BACKOFF_MAX
              + " (default: " + DEFAULT_BACKOFF + "). Needs --retry-limit.")
  String retryBackoff;

  @Option(
      names = "--timeout",
      paramLabel = "D",
      converter = Converters.DurationText.class,
      description = "Fail the operation if it runs longer than D, e.g. 10m.")
  String timeout;

  @Option(
      names = "--wave-delay",
      paramLabel = "D",
      converter = Converters.DurationText.class,
      description = "Pause between two waves (default: the planner's).")
  String waveDelay;

  @Option(
      names = "--hook-timeout",
      paramLabel = "D",
      converter = Converters.DurationText.class,
      description = "Stop a hook that runs longer than D; its annotation wavesync.io/hook-timeout"
          + " wins.")
  String hookTimeout;

  @Option(
      names = "--sync-option",
      paramLabel = "OPT",
      converter = Converters.SyncOption.class,
      description = "An Argo CD sync option such as CreateNamespace=true or PruneLast=true."
          + " Repeat for several.")
  List<String> syncOptions;

  /** How to wait for the operation; at most one. */
  static final class Waiting {
    @Option(names = "--follow", description = "Show the operation live until it completes.")
    boolean follow;

    @Option(names = "--wait", description = "Wait until the operation completes; print its final state.")
    boolean await;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Waiting waiting;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Final state as table or json (default: ${DEFAULT-VALUE}). With --follow and"
          + " json, the live view goes to stderr and the JSON to stdout.")
  OutputFormat output;

  @Mixin KafkaOptions kafka;

  @Override
  public Integer call() throws IOException {
    if (retryBackoff != null && retryLimit == null) {
      throw new ParameterException(spec.commandLine(), "--retry-backoff needs --retry-limit");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Manifest> manifests;
    try {
      manifests = ManifestLoader.load(paths);
    } catch (ManifestException e) {
      err.println(e.getMessage());
      err.flush();
      return WavesyncCommand.BAD_INPUT;
    }
    if (manifests.isEmpty()) {
      throw CliException.badInput("no manifests found in " + paths.stream().map(Path::toString)
          .reduce((a, b) -> a + ", " + b).orElse("") + " (files ending in .yaml, .yml or .json)");
    }

    String operationId = UUID.randomUUID().toString();
    SyncRequested request = SyncRequested.of(application, operationId, Identity.requestedBy(),
        revision, namespace, ManifestText.of(manifests), options());
    boolean follow = waiting != null && waiting.follow;
    boolean await = waiting != null && waiting.await;

    try (Broker broker = Broker.connect(kafka.resolve())) {
      if (!follow && !await) {
        broker.publish(request);
        out.println(operationId);
        out.flush();
        return WavesyncCommand.OK;
      }
      // positioned before publishing, so that even the planner's first answer is seen
      broker.seekOperationsToEnd();
      boolean json = output == OutputFormat.JSON;
      LiveView view = follow
          ? LiveView.follow(json ? err : out, err, json ? Terminal.PLAIN : Terminal.detect(),
              application, operationId, System::nanoTime)
          : LiveView.quiet(err, application, operationId, System::nanoTime);
      view.start();
      OperationUpdated done;
      try {
        broker.publish(request);
        done = OperationFollower.awaitCompletion(broker, application, operationId, view);
      } catch (RuntimeException e) {
        view.abandon();
        throw e;
      }
      view.finish(done);
      if (json) {
        OperationJson.write(done, out);
      } else if (await) {
        out.print(OperationTable.render(done, view::duration));
      }
      out.flush();
      return Operations.exitCode(done);
    }
  }

  private SyncOptions options() {
    RetryPolicy retry = retryLimit == null
        ? null
        : new RetryPolicy(retryLimit, new Backoff(
            retryBackoff != null ? retryBackoff : DEFAULT_BACKOFF, BACKOFF_FACTOR, BACKOFF_MAX));
    return new SyncOptions(dryRun, prune, syncOptions == null ? List.of() : syncOptions,
        SyncStrategy.HOOK, false, List.of(), retry, timeout, waveDelay, hookTimeout);
  }
}
