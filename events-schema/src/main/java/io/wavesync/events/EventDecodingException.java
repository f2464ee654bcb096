package io.wavesync.events;

/**
 * A record value that cannot be decoded into a wavesync event. The message says what is wrong in
 * words fit for the {@link CloudEventHeaders#DLQ_REASON} header and for the message of an operation
 * that fails on a bad sync request.
 */
public final class EventDecodingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of problem it is. */
  public enum Reason {
    /** No payload at all (a null value, as in a tombstone, or zero bytes). */
    EMPTY_PAYLOAD,
    /** The payload is not a JSON object. */
    NOT_JSON,
    /** The {@code eventType} names no event this build knows. */
    UNKNOWN_EVENT_TYPE,
    /** The {@code eventType} is known but does not belong where it was read (another topic). */
    UNEXPECTED_EVENT_TYPE,
    /** The {@code schemaVersion} is not one this build reads. */
    UNSUPPORTED_SCHEMA_VERSION,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has a value of the wrong type or outside what is allowed. */
    INVALID_FIELD
  }

  private final Reason reason;
  private final String eventType;
  private final String field;

  EventDecodingException(
      Reason reason, String eventType, String field, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.eventType = eventType;
    this.field = field;
  }

  /** What kind of problem it is. */
  public Reason reason() {
    return reason;
  }

  /** The payload's {@code eventType}, when it has a usable one; otherwise null. */
  public String eventType() {
    return eventType;
  }

  /**
   * The JSON path of the offending field (for example {@code options.resources[0].kind}) for {@link
   * Reason#MISSING_FIELD} and {@link Reason#INVALID_FIELD}; otherwise null.
   */
  public String field() {
    return field;
  }
}
