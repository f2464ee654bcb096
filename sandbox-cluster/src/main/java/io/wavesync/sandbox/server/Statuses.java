package io.wavesync.sandbox.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/** {@code meta/v1 Status} responses shaped like the ones a real API server sends. */
public final class Statuses {

  private Statuses() {
  }

  public static MockResponse notFound(RequestPath path) {
    String message = path.name() == null
        ? "the server could not find the requested resource"
        : path.qualifiedResource() + " \"" + path.name() + "\" not found";
    return response(404, "NotFound", message, path);
  }

  public static MockResponse alreadyExists(RequestPath path, String name) {
    return response(409, "AlreadyExists",
        path.qualifiedResource() + " \"" + name + "\" already exists",
        withName(path, name));
  }

  public static MockResponse conflict(RequestPath path, String reason) {
    return response(409, "Conflict", "Operation cannot be fulfilled on " + path.qualifiedResource()
        + " \"" + path.name() + "\": " + reason, path);
  }

  public static MockResponse invalid(RequestPath path, String kind, String name, String detail) {
    String group = path.group() == null || path.group().isEmpty() ? "" : "." + path.group();
    return response(422, "Invalid", kind + group + " \"" + name + "\" is invalid: " + detail,
        withName(path, name));
  }

  public static MockResponse forbidden(RequestPath path, String message) {
    return response(403, "Forbidden", message, path);
  }

  public static MockResponse badRequest(String message) {
    return response(400, "BadRequest", message, null);
  }

  public static MockResponse gone(String message) {
    return response(410, "Expired", message, null);
  }

  /** A Status for any error code a response came back with but without a usable body. */
  public static MockResponse forCode(int code, String message, RequestPath path) {
    String reason = switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 409 -> "Conflict";
      case 410 -> "Expired";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      default -> "InternalError";
    };
    return response(code, reason, message, path);
  }

  public static MockResponse success(RequestPath path) {
    ObjectNode status = base("Success", null, null, 200);
    details(status, path);
    return json(200, status.toString());
  }

  public static MockResponse response(int code, String reason, String message, RequestPath path) {
    ObjectNode status = base("Failure", reason, message, code);
    details(status, path);
    return json(code, status.toString());
  }

  public static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static ObjectNode base(String outcome, String reason, String message, int code) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", outcome);
    if (message != null) {
      status.put("message", message);
    }
    if (reason != null) {
      status.put("reason", reason);
    }
    status.put("code", code);
    return status;
  }

  private static void details(ObjectNode status, RequestPath path) {
    if (path == null || path.plural() == null) {
      return;
    }
    ObjectNode details = status.putObject("details");
    if (path.name() != null) {
      details.put("name", path.name());
    }
    if (path.group() != null && !path.group().isEmpty()) {
      details.put("group", path.group());
    }
    details.put("kind", path.plural());
  }

  private static RequestPath withName(RequestPath path, String name) {
    return new RequestPath(path.raw(), path.path(), path.query(), path.group(), path.version(),
        path.namespace(), path.plural(), name, path.subresource());
  }
}
