package io.wavesync.cli;

import io.wavesync.events.OperationUpdated;
import io.wavesync.events.TerminateRequested;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wavesync terminate}: asks the planner to stop an application's running operation. */
@Command(
    name = "terminate",
    mixinStandardHelpOptions = true,
    versionProvider = WavesyncCommand.Version.class,
    sortOptions = false,
    description = {
      "Publishes a terminate request for the latest operation of APP, as 'argocd app"
          + " terminate-op' does: the planner stops starting tasks, has running hooks deleted and"
          + " ends the operation as Failed with 'Operation terminated'. A request for an"
          + " operation that is no longer running changes nothing.",
      ""
    },
    footer = {
      "",
      "Exit status: 0 the request was published (with --wait: as 'wavesync status' for the final"
          + " state, so 3 once terminated), 1 with --wait and no operation for APP, 2 bad usage,"
          + " 4 Kafka cannot be reached."
    })
final class TerminateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "APP",
      converter = Converters.ApplicationName.class,
      description = "The application whose operation to stop.")
  String application;

  @Option(names = "--wait", description = "Wait until the operation has ended; print its final state.")
  boolean await;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Final state (with --wait) as table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Mixin KafkaOptions kafka;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Broker broker = Broker.connect(kafka.resolve())) {
      // reading to the end also leaves the consumer where updates after the request will appear
      Optional<OperationUpdated> latest = broker.latestOperation(application);
      String operationId = latest.map(OperationUpdated::operationId).orElse(null);
      broker.publish(TerminateRequested.of(
          application, operationId, Identity.requestedBy(), "wavesync terminate"));
      // with JSON on stdout, the acknowledgement goes to stderr
      PrintWriter ack = await && output == OutputFormat.JSON ? err : out;
      ack.println("termination requested for " + application
          + (operationId == null ? "" : " (operation " + operationId + ")"));
      ack.flush();
      if (!await) {
        return WavesyncCommand.OK;
      }
      if (latest.isEmpty()) {
        err.println("no operation for application " + application);
        err.flush();
        return WavesyncCommand.FAILED;
      }
      OperationUpdated done = latest.get();
      if (!done.phase().isCompleted()) {
        LiveView view = LiveView.quiet(err, application, operationId, System::nanoTime);
        view.start();
        try {
          done = OperationFollower.awaitCompletion(broker, application, operationId, view);
        } finally {
          view.abandon();
        }
      }
      StatusCommand.print(done, output, out);
      return Operations.exitCode(done);
    }
  }
}
