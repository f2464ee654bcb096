package io.wavesync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code wavesync} command. Each action is a subcommand in its own class; this class only
 * carries what they share (the clock, the exit codes) and the entry point.
 */
@Command(
    name = "wavesync",
    mixinStandardHelpOptions = true,
    versionProvider = WavesyncCommand.Version.class,
    description = "Argo CD resource hooks and sync waves, run as an event-driven pipeline.",
    subcommands = {PlanCommand.class, CommandLine.HelpCommand.class})
public final class WavesyncCommand implements Callable<Integer> {

  /** Success. */
  static final int OK = CommandLine.ExitCode.OK;
  /** Bad usage or bad input: unknown option, missing manifest, unparseable manifest. */
  static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
  /** A failure inside wavesync itself. */
  static final int INTERNAL_ERROR = CommandLine.ExitCode.SOFTWARE;

  @Spec CommandSpec spec;

  private final Clock clock;

  public WavesyncCommand() {
    this(Clock.systemUTC());
  }

  /** Tests pass a fixed clock so that anything named after "now" is deterministic. */
  WavesyncCommand(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  /** Without a subcommand there is nothing to do: show the usage as a usage error. */
  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    cmd.getErr().println("Missing subcommand.");
    cmd.usage(cmd.getErr());
    return BAD_INPUT;
  }

  public static void main(String[] args) {
    System.exit(commandLine(Clock.systemUTC()).execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  static CommandLine commandLine(Clock clock) {
    CommandLine cmd = new CommandLine(new WavesyncCommand(clock));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // an unexpected failure: one readable line, the trace only on request
          PrintWriter err = commandLine.getErr();
          err.println("wavesync: internal error: " + e);
          if (System.getenv("WAVESYNC_DEBUG") != null) {
            e.printStackTrace(err);
          } else {
            err.println("(set WAVESYNC_DEBUG=1 for the stack trace)");
          }
          err.flush();
          return INTERNAL_ERROR;
        });
    return cmd;
  }

  /** The version stamped into the jar at build time. */
  static final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "wavesync " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
