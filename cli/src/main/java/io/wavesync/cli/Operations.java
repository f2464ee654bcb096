package io.wavesync.cli;

import io.wavesync.events.OperationUpdated;

/** What an operation's state means for the command's exit status. */
final class Operations {

  /** The start of the message of an operation stopped by a terminate request. */
  static final String TERMINATED = "Operation terminated";

  private Operations() {}

  /**
   * 0 Succeeded (and, for {@code status}, still running), 1 Failed, 3 Error, refused or
   * terminated.
   */
  static int exitCode(OperationUpdated u) {
    return switch (u.phase()) {
      case Succeeded, Running, Terminating -> WavesyncCommand.OK;
      case Failed ->
          u.message() != null && u.message().startsWith(TERMINATED)
              ? WavesyncCommand.ERROR
              : WavesyncCommand.FAILED;
      case Error -> WavesyncCommand.ERROR;
    };
  }

  /** The last line of a followed operation: {@code Succeeded: successfully synced (...)}. */
  static String finalLine(OperationUpdated u) {
    return u.message() == null || u.message().isBlank()
        ? u.phase().name()
        : u.phase() + ": " + u.message();
  }
}
