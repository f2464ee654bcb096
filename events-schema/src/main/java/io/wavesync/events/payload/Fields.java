package io.wavesync.events.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Construction checks shared by the event and payload records.
 *
 * <p>Collections are copied into unmodifiable ones so that a record stays immutable after the
 * caller changes its own list or map. Absent collections become empty ones: consumers never have to
 * tell "absent" from "empty", which is also how the JSON Schemas read an omitted array.
 */
public final class Fields {

  private Fields() {}

  /** Returns {@code value}, or throws {@link InvalidFieldException} if it is null. */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw InvalidFieldException.missing(field);
    }
    return value;
  }

  /** Returns {@code value}, or throws if it is null or blank. */
  public static String requiredText(String value, String field) {
    required(value, field);
    if (value.isBlank()) {
      throw InvalidFieldException.invalid(field, "must not be blank");
    }
    return value;
  }

  /** Returns {@code value} (which may be null), or throws if it is present but blank. */
  public static String optionalText(String value, String field) {
    if (value != null && value.isBlank()) {
      throw InvalidFieldException.invalid(field, "must not be blank when present");
    }
    return value;
  }

  /** Returns {@code value}, or throws if it is negative. */
  public static long nonNegative(long value, String field) {
    if (value < 0) {
      throw InvalidFieldException.invalid(field, "must not be negative, was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws if it is negative. */
  public static int nonNegative(int value, String field) {
    if (value < 0) {
      throw InvalidFieldException.invalid(field, "must not be negative, was " + value);
    }
    return value;
  }

  /** Returns {@code value} (which may be null), or throws if it is negative. */
  public static Long nonNegative(Long value, String field) {
    if (value != null) {
      nonNegative(value.longValue(), field);
    }
    return value;
  }

  /**
   * An unmodifiable copy of {@code value}; null becomes an empty list, null elements are refused.
   */
  public static <T> List<T> list(List<T> value, String field) {
    if (value == null) {
      return List.of();
    }
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i) == null) {
        throw InvalidFieldException.missing(field + "[" + i + "]");
      }
    }
    return List.copyOf(value);
  }

  /**
   * An unmodifiable copy of {@code value} in its iteration order (so the JSON is stable); null
   * becomes an empty map, null keys and values are refused.
   */
  public static Map<String, String> map(Map<String, String> value, String field) {
    if (value == null) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    value.forEach(
        (k, v) -> {
          if (k == null) {
            throw InvalidFieldException.invalid(field, "contains a null key");
          }
          if (v == null) {
            throw InvalidFieldException.missing(field + "." + k);
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * A deep copy of {@code value}, or null. JSON trees are mutable, so records copy them on the way
   * in and on the way out to stay immutable.
   */
  public static ObjectNode copy(ObjectNode value) {
    return value == null ? null : value.deepCopy();
  }
}
