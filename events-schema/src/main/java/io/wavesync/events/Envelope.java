package io.wavesync.events;

import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.InvalidFieldException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/** The envelope fields every event carries: how they are made and what makes them valid. */
public final class Envelope {

  /** A UUID in its canonical text form. */
  public static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * An application name: a Kubernetes DNS-1123 subdomain, like the names of Argo CD applications,
   * at most {@value #APPLICATION_MAX_LENGTH} characters. It is the Kafka record key of every topic
   * and lands in label values, so it is kept to what Kubernetes accepts.
   */
  public static final Pattern APPLICATION_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** The longest application name. */
  public static final int APPLICATION_MAX_LENGTH = 253;

  private Envelope() {}

  /** A new, random event id. */
  public static String newEventId() {
    return UUID.randomUUID().toString();
  }

  /**
   * The current time at millisecond precision: what every consumer's clock type can hold, so the
   * value survives a round trip through any language unchanged.
   */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Throws {@link InvalidFieldException} unless {@code application} is a valid name. */
  public static String checkApplication(String application) {
    Fields.required(application, "application");
    if (application.length() > APPLICATION_MAX_LENGTH
        || !APPLICATION_NAME.matcher(application).matches()) {
      throw InvalidFieldException.invalid(
          "application",
          "'"
              + application
              + "' is not a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most "
              + APPLICATION_MAX_LENGTH
              + " characters)");
    }
    return application;
  }

  static void check(
      String eventId,
      String eventType,
      String expectedType,
      int schemaVersion,
      int expectedVersion,
      Instant occurredAt,
      String application) {
    Fields.required(eventId, "eventId");
    if (!UUID_TEXT.matcher(eventId).matches()) {
      throw InvalidFieldException.invalid("eventId", "'" + eventId + "' is not a UUID");
    }
    Fields.required(eventType, "eventType");
    if (!eventType.equals(expectedType)) {
      throw InvalidFieldException.invalid(
          "eventType", "'" + eventType + "' does not match the record " + expectedType);
    }
    if (schemaVersion != expectedVersion) {
      throw InvalidFieldException.invalid(
          "schemaVersion",
          expectedType + " is at schemaVersion " + expectedVersion + ", not " + schemaVersion);
    }
    Fields.required(occurredAt, "occurredAt");
    checkApplication(application);
  }
}
