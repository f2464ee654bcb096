package io.wavesync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.wavesync.events.EventDecodingException.Reason;
import io.wavesync.events.payload.InvalidFieldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one JSON mapping of wavesync events, shared by every producer and consumer.
 *
 * <ul>
 *   <li>Instants are ISO-8601 strings ({@code 2025-03-01T10:15:30.123Z}), not numbers.
 *   <li>Null fields are left out; absent and null read the same.
 *   <li>Unknown properties are ignored, so a consumer keeps working when a producer adds optional
 *       fields (additive evolution within a schema version).
 *   <li>Decoding checks {@code eventType} and {@code schemaVersion} before binding and reports
 *       every problem as an {@link EventDecodingException} whose message says what is wrong.
 * </ul>
 *
 * <p>Services whose framework owns the {@link ObjectMapper} apply {@link #configure} to it.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = newMapper();
  private static final ObjectWriter WRITER = MAPPER.writer();
  // Trailing garbage after the JSON value means the record is corrupt, not that it can be trimmed.
  private static final ObjectReader TREE_READER =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EventJson() {}

  /** A new {@link ObjectMapper} with wavesync's event settings. */
  public static ObjectMapper newMapper() {
    return configure(new ObjectMapper());
  }

  /**
   * Applies wavesync's event settings to {@code mapper} (for example a framework's shared mapper)
   * and returns it.
   */
  public static <M extends ObjectMapper> M configure(M mapper) {
    mapper.registerModule(new JavaTimeModule());
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    return mapper;
  }

  /** The event as UTF-8 JSON bytes, the Kafka record value. */
  public static byte[] serialize(WavesyncEvent event) {
    try {
      return WRITER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      // Records of strings, numbers, enums and JSON trees always serialise.
      throw new IllegalStateException("cannot serialise " + event.eventType(), e);
    }
  }

  /** The event as a JSON string. */
  public static String serializeToString(WavesyncEvent event) {
    return new String(serialize(event), StandardCharsets.UTF_8);
  }

  /** The event as a JSON tree, exactly as {@link #serialize} writes it. */
  public static ObjectNode toTree(WavesyncEvent event) {
    return MAPPER.valueToTree(event);
  }

  /** Decodes any wavesync event. */
  public static WavesyncEvent deserialize(byte[] payload) {
    return deserialize(payload, WavesyncEvent.class);
  }

  /**
   * Decodes an event that must be of type {@code expected}: usually the sealed interface of the
   * topic it was read from, for example {@code Observation.class}.
   *
   * @throws EventDecodingException if the payload is not such an event
   */
  public static <T extends WavesyncEvent> T deserialize(byte[] payload, Class<T> expected) {
    if (payload == null || payload.length == 0) {
      throw emptyPayload();
    }
    JsonNode tree;
    try {
      tree = TREE_READER.readTree(payload);
    } catch (IOException e) {
      throw new EventDecodingException(
          Reason.NOT_JSON, null, null, "payload is not JSON: " + firstLine(e), e);
    }
    return fromTree(tree, expected);
  }

  /** Decodes an event from a JSON string; see {@link #deserialize(byte[], Class)}. */
  public static <T extends WavesyncEvent> T deserialize(String payload, Class<T> expected) {
    return deserialize(payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), expected);
  }

  /** Decodes an event from a JSON tree; see {@link #deserialize(byte[], Class)}. */
  public static <T extends WavesyncEvent> T fromTree(JsonNode tree, Class<T> expected) {
    if (tree == null || tree.isMissingNode()) {
      throw emptyPayload();
    }
    if (!tree.isObject()) {
      throw new EventDecodingException(
          Reason.NOT_JSON,
          null,
          null,
          "payload is JSON but not an object (it is "
              + tree.getNodeType().name().toLowerCase()
              + ")",
          null);
    }
    EventTypes.Entry entry = eventTypeOf(tree, expected);
    checkSchemaVersion(tree, entry);
    try {
      return expected.cast(MAPPER.treeToValue(tree, entry.recordClass()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw bindingFailure(entry, e);
    }
  }

  private static EventTypes.Entry eventTypeOf(JsonNode tree, Class<?> expected) {
    JsonNode typeNode = tree.get("eventType");
    if (typeNode == null || typeNode.isNull()) {
      throw new EventDecodingException(
          Reason.MISSING_FIELD,
          null,
          "eventType",
          "cannot decode event: missing required field 'eventType'",
          null);
    }
    if (!typeNode.isTextual()) {
      throw new EventDecodingException(
          Reason.INVALID_FIELD,
          null,
          "eventType",
          "cannot decode event: invalid field 'eventType': must be a string, was " + typeNode,
          null);
    }
    String type = typeNode.asText();
    EventTypes.Entry entry =
        EventTypes.find(type)
            .orElseThrow(
                () ->
                    new EventDecodingException(
                        Reason.UNKNOWN_EVENT_TYPE,
                        null,
                        null,
                        "cannot decode event: unknown eventType '"
                            + type
                            + "'; known types are "
                            + namesOf(WavesyncEvent.class),
                        null));
    if (!expected.isAssignableFrom(entry.recordClass())) {
      throw new EventDecodingException(
          Reason.UNEXPECTED_EVENT_TYPE,
          type,
          null,
          "cannot decode event: eventType '"
              + type
              + "' does not belong to "
              + expected.getSimpleName()
              + "; expected one of "
              + namesOf(expected),
          null);
    }
    return entry;
  }

  private static void checkSchemaVersion(JsonNode tree, EventTypes.Entry entry) {
    String type = entry.eventType();
    JsonNode versionNode = tree.get("schemaVersion");
    if (versionNode == null || versionNode.isNull()) {
      throw new EventDecodingException(
          Reason.MISSING_FIELD,
          type,
          "schemaVersion",
          "cannot decode " + type + ": missing required field 'schemaVersion'",
          null);
    }
    if (!versionNode.isIntegralNumber() || !versionNode.canConvertToInt()) {
      throw new EventDecodingException(
          Reason.INVALID_FIELD,
          type,
          "schemaVersion",
          "cannot decode "
              + type
              + ": invalid field 'schemaVersion': must be an integer, was "
              + versionNode,
          null);
    }
    int version = versionNode.intValue();
    if (version != entry.schemaVersion()) {
      throw new EventDecodingException(
          Reason.UNSUPPORTED_SCHEMA_VERSION,
          type,
          null,
          "cannot decode "
              + type
              + ": unsupported schemaVersion "
              + version
              + "; this build reads schemaVersion "
              + entry.schemaVersion(),
          null);
    }
  }

  private static EventDecodingException bindingFailure(EventTypes.Entry entry, Exception e) {
    String type = entry.eventType();
    String prefix = "cannot decode " + type + " v" + entry.schemaVersion() + ": ";
    String path = e instanceof JsonMappingException jme ? pathOf(jme.getPath()) : "";
    InvalidFieldException invalid = findInvalidField(e);
    if (invalid != null) {
      String field = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
      boolean missing = invalid.problem() == InvalidFieldException.Problem.MISSING;
      String detail =
          missing
              ? "missing required field '" + field + "'"
              : "invalid field '" + field + "'" + afterField(invalid.getMessage());
      return new EventDecodingException(
          missing ? Reason.MISSING_FIELD : Reason.INVALID_FIELD, type, field, prefix + detail, e);
    }
    String field = path.isEmpty() ? null : path;
    String where = field == null ? "" : "invalid field '" + field + "': ";
    return new EventDecodingException(
        Reason.INVALID_FIELD, type, field, prefix + where + firstLine(e), e);
  }

  // "invalid field 'x': why" -> ": why", so the nested field can be replaced by its full path.
  private static String afterField(String message) {
    int colon = message.indexOf("': ");
    return colon < 0 ? "" : message.substring(colon + 1);
  }

  private static InvalidFieldException findInvalidField(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidFieldException invalid) {
        return invalid;
      }
    }
    return null;
  }

  private static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String firstLine(Exception e) {
    String message =
        e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String namesOf(Class<?> type) {
    return EventTypes.all().stream()
        .filter(e -> type.isAssignableFrom(e.recordClass()))
        .map(EventTypes.Entry::eventType)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static EventDecodingException emptyPayload() {
    return new EventDecodingException(
        Reason.EMPTY_PAYLOAD,
        null,
        null,
        "payload is empty: a null or zero-length record value carries no event",
        null);
  }
}
