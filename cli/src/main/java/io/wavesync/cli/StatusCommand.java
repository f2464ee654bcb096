package io.wavesync.cli;

import io.wavesync.events.OperationUpdated;
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

/** {@code wavesync status}: the latest operation of an application. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = WavesyncCommand.Version.class,
    sortOptions = false,
    description = {
      "Prints the latest operation of APP as the planner last published it on the compacted topic"
          + " wavesync.operations: its phase and message, and every resource and hook with its"
          + " state; the logs of failed hooks follow.",
      ""
    },
    footer = {
      "",
      "Exit status: 0 the operation Succeeded or is still running, 1 it Failed or APP has no"
          + " operation, 2 bad usage, 3 it ended in Error or was terminated, 4 Kafka cannot be"
          + " reached."
    })
final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "APP",
      converter = Converters.ApplicationName.class,
      description = "The application.")
  String application;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (for people) or json (for programs) (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Mixin KafkaOptions kafka;

  @Override
  public Integer call() throws IOException {
    Optional<OperationUpdated> latest;
    try (Broker broker = Broker.connect(kafka.resolve())) {
      latest = broker.latestOperation(application);
    }
    if (latest.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("no operation for application " + application);
      err.flush();
      return WavesyncCommand.FAILED;
    }
    print(latest.get(), output, spec.commandLine().getOut());
    return Operations.exitCode(latest.get());
  }

  /** The state as {@code status} shows it; {@code terminate --wait} shows it the same way. */
  static void print(OperationUpdated u, OutputFormat format, PrintWriter out) throws IOException {
    if (format == OutputFormat.JSON) {
      OperationJson.write(u, out);
    } else {
      out.print(OperationTable.render(u, null));
    }
    out.flush();
  }
}
