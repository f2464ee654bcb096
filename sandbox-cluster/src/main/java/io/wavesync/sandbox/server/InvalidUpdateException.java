package io.wavesync.sandbox.server;

/** An update a real API server would refuse with 422 Invalid, such as changing a Job's template. */
final class InvalidUpdateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String name;

  InvalidUpdateException(String kind, String name, String detail) {
    super(detail);
    this.kind = kind;
    this.name = name;
  }

  String kind() {
    return kind;
  }

  String name() {
    return name;
  }
}
