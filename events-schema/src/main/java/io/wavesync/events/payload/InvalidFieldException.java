package io.wavesync.events.payload;

/**
 * Thrown when an event or payload record is built with a missing or invalid field.
 *
 * <p>The records check their fields when they are constructed, so an event that exists in memory is
 * always well-formed, whether a producer built it or a consumer decoded it. The message names the
 * field, which lets a decoder report exactly what a bad record lacks.
 */
public final class InvalidFieldException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the field. */
  public enum Problem {
    /** The field is required and absent (or null). */
    MISSING,
    /** The field is present but its value is not allowed. */
    INVALID
  }

  private final String field;
  private final Problem problem;

  private InvalidFieldException(String field, Problem problem, String message) {
    super(message);
    this.field = field;
    this.problem = problem;
  }

  /** A required field is absent. */
  public static InvalidFieldException missing(String field) {
    return new InvalidFieldException(
        field, Problem.MISSING, "missing required field '" + field + "'");
  }

  /** A field has a value that is not allowed; {@code detail} says why. */
  public static InvalidFieldException invalid(String field, String detail) {
    return new InvalidFieldException(
        field, Problem.INVALID, "invalid field '" + field + "': " + detail);
  }

  /** The name of the offending field, as it appears in JSON. */
  public String field() {
    return field;
  }

  /** Whether the field is missing or invalid. */
  public Problem problem() {
    return problem;
  }
}
