package io.wavesync.cli;

/**
 * A failure the user can act on (bad input, Kafka unreachable): the command prints only the
 * message, without a stack trace, and exits with {@link #exitCode()}.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  static CliException badInput(String message) {
    return new CliException(WavesyncCommand.BAD_INPUT, message);
  }
}
