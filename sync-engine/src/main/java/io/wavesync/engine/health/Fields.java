package io.wavesync.engine.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.wavesync.engine.model.KubeObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields out of untyped objects the way Go's typed structs see them: an absent field is
 * the zero value ({@code ""}, {@code 0}, empty list), and optional pointers ({@code spec.replicas})
 * are null when absent.
 */
final class Fields {

  private Fields() {}

  static JsonNode at(JsonNode root, String... path) {
    JsonNode cur = root;
    for (String f : path) {
      if (cur == null || !cur.isObject()) {
        return null;
      }
      cur = cur.get(f);
    }
    return cur;
  }

  static JsonNode at(KubeObject obj, String... path) {
    return at(obj.json(), path);
  }

  /** A string field; anything that is not a string reads as "". */
  static String str(JsonNode root, String... path) {
    JsonNode n = at(root, path);
    return n != null && n.isTextual() ? n.asText() : "";
  }

  static String str(KubeObject obj, String... path) {
    return str(obj.json(), path);
  }

  /** An integer field; absent (or not a number) reads as 0. */
  static long num(JsonNode root, String... path) {
    Long v = optNum(root, path);
    return v == null ? 0 : v;
  }

  static long num(KubeObject obj, String... path) {
    return num(obj.json(), path);
  }

  /** An optional integer field (a Go pointer): null when absent. */
  static Long optNum(JsonNode root, String... path) {
    JsonNode n = at(root, path);
    return n != null && n.isNumber() && n.canConvertToLong() ? n.asLong() : null;
  }

  static Long optNum(KubeObject obj, String... path) {
    return optNum(obj.json(), path);
  }

  /** The elements of an array field; absent or not an array reads as empty. */
  static List<JsonNode> list(JsonNode root, String... path) {
    JsonNode n = at(root, path);
    if (n == null || !n.isArray()) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>(n.size());
    n.forEach(out::add);
    return out;
  }

  static List<JsonNode> list(KubeObject obj, String... path) {
    return list(obj.json(), path);
  }

  /** The first entry of {@code status.conditions} with the given type, or null. */
  static JsonNode condition(KubeObject obj, String type) {
    for (JsonNode c : list(obj, "status", "conditions")) {
      if (type.equals(str(c, "type"))) {
        return c;
      }
    }
    return null;
  }

  /**
   * Rendered as Go's {@code schema.GroupVersionKind.String()}: {@code apps/v1, Kind=Deployment}.
   */
  static String gvk(KubeObject obj) {
    return obj.group() + "/" + obj.version() + ", Kind=" + obj.kind();
  }

  /** Quotes like Go's {@code %q} verb, so messages match Argo CD's byte for byte. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\u0007' -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\u000b' -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
