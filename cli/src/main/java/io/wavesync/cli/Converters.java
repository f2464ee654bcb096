package io.wavesync.cli;

import io.wavesync.engine.sync.Durations;
import io.wavesync.events.Envelope;
import io.wavesync.events.payload.InvalidFieldException;
import io.wavesync.events.payload.Vocabulary;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks of option values before anything is published, so that a typo is a usage error (exit 2)
 * here rather than a failed operation later.
 */
final class Converters {

  private Converters() {}

  /** An application name: a DNS-1123 subdomain, as the events require. */
  static final class ApplicationName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return Envelope.checkApplication(value);
      } catch (InvalidFieldException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an application name: lower-case letters, digits, '-' and '.',"
                + " at most " + Envelope.APPLICATION_MAX_LENGTH + " characters");
      }
    }
  }

  /**
   * A duration as Argo CD writes it ({@code 30s}, {@code 1m30s}, {@code 2h}, or plain seconds),
   * accepted both by the event schema and by the planner.
   */
  static final class DurationText implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      boolean valid = Vocabulary.DURATION.matcher(value).matches();
      if (valid) {
        try {
          Durations.parse(value);
        } catch (IllegalArgumentException e) {
          valid = false;
        }
      }
      if (!valid) {
        throw new TypeConversionException(
            "'" + value + "' is not a duration such as 30s, 10m or 1h30m");
      }
      return value;
    }
  }

  /** An Argo CD sync option, {@code Key=value}. */
  static final class SyncOption implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!Vocabulary.SYNC_OPTION.matcher(value).matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a sync option of the form Key=value, e.g. CreateNamespace=true");
      }
      return value;
    }
  }
}
