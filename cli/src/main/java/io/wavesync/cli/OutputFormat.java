package io.wavesync.cli;

/** The {@code -o} formats: {@code table} for people, {@code json} for programs. */
enum OutputFormat {
  TABLE,
  JSON
}
