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
    subcommands = {
      PlanCommand.class,
      SyncCommand.class,
      StatusCommand.class,
      TerminateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WavesyncCommand implements Callable<Integer> {

  /** Success; for sync and status also: the operation Succeeded (or, for status, still runs). */
  static final int OK = CommandLine.ExitCode.OK;
  /** The operation Failed. */
  static final int FAILED = 1;
  /** Bad usage or bad input: unknown option, missing manifest, unparseable manifest. */
  static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
  /** The operation ended in Error, was refused, or was terminated. */
  static final int ERROR = 3;
  /** Kafka cannot be reached, or it has no wavesync topics. */
  static final int UNREACHABLE = 4;
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
    // kafka-clients logs through SLF4J; a command line reports problems itself, so use the no-op
    // provider that slf4j-api carries and keep SLF4J from announcing that choice.
    System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    System.setProperty("slf4j.internal.verbosity", "WARN");
    System.exit(commandLine(Clock.systemUTC()).execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  static CommandLine commandLine(Clock clock) {
    CommandLine cmd = new CommandLine(new WavesyncCommand(clock));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (e instanceof CliException known) {
            // an expected failure (bad input, Kafka unreachable): its message says it all
            err.println(known.getMessage());
            err.flush();
            return known.exitCode();
          }
          // an unexpected failure: one readable line, the trace only on request
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
