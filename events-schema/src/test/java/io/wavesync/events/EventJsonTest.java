package io.wavesync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.events.EventDecodingException.Reason;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.events.payload.SyncStrategy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

  static Stream<WavesyncEvent> samples() {
    return EventSamples.all().stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void serialisingThenDeserialisingGivesAnEqualEvent(WavesyncEvent sample) {
    byte[] json = EventJson.serialize(sample);

    assertThat(EventJson.deserialize(json)).isEqualTo(sample);
    assertThat(EventJson.deserialize(json, sample.getClass())).isEqualTo(sample);
    assertThat(EventJson.deserialize(new String(json, StandardCharsets.UTF_8), topicType(sample)))
        .isEqualTo(sample);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void plainJacksonDecodesTheTopicInterfaceByEventType(WavesyncEvent sample) throws Exception {
    ObjectMapper mapper = EventJson.newMapper();
    String json = mapper.writeValueAsString(sample);

    assertThat(mapper.readValue(json, topicType(sample))).isEqualTo(sample);
    assertThat(mapper.readValue(json, WavesyncEvent.class)).isEqualTo(sample);
  }

  @Test
  void jsonStartsWithTheEnvelopeUsesIsoInstantsAndLeavesOutNulls() {
    SyncRequested sample = EventSamples.syncRequested();
    ObjectNode json = EventJson.toTree(sample);

    assertThat(json.fieldNames())
        .toIterable()
        .startsWith("eventId", "eventType", "schemaVersion", "occurredAt", "application");
    assertThat(json.path("eventType").asText()).isEqualTo("SyncRequested");
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.path("occurredAt").isTextual()).isTrue();
    assertThat(json.path("occurredAt").asText()).isEqualTo(sample.occurredAt().toString());
    assertThat(json.has("operationId")).as("null operationId is left out").isFalse();
    assertThat(json.path("options").path("strategy").asText()).isEqualTo("HOOK");
  }

  @Test
  void unknownPropertiesAreIgnoredWhenDecoding() {
    SyncRequested sample = EventSamples.syncRequested();
    ObjectNode json = EventJson.toTree(sample);
    json.put("priority", "high");
    ((ObjectNode) json.path("options")).putObject("notYetKnown").put("x", 1);

    assertThat(EventJson.fromTree(json, SyncRequestEvent.class)).isEqualTo(sample);
  }

  @Test
  void aMinimalSyncRequestFromAnExternalProducerDecodesWithDefaults() {
    String json =
        """
        {
          "eventId": "0d7a3c5e-3b8f-4a61-9c2d-5e4f3a2b1c0d",
          "eventType": "SyncRequested",
          "schemaVersion": 1,
          "occurredAt": "2025-03-01T10:15:30Z",
          "application": "guestbook",
          "manifests": "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings\\n"
        }
        """;

    SyncRequested request = EventJson.deserialize(json, SyncRequested.class);

    assertThat(request.operationId()).isNull();
    assertThat(request.options()).isEqualTo(SyncOptions.defaults());
    assertThat(request.options().strategy()).isEqualTo(SyncStrategy.HOOK);
    assertThat(request.options().syncOptions()).isEmpty();
  }

  @Test
  void configureAppliesTheEventSettingsToAnExistingMapper() {
    ObjectMapper mapper = EventJson.configure(new ObjectMapper());

    assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    assertThat(mapper.getRegisteredModuleIds()).anyMatch(id -> id.toString().contains("jsr310"));
  }

  @Test
  void anEmptyPayloadIsReportedAsEmpty() {
    assertDecodingFails(
        () -> EventJson.deserialize((byte[]) null), Reason.EMPTY_PAYLOAD, "payload is empty");
    assertDecodingFails(
        () -> EventJson.deserialize(new byte[0]), Reason.EMPTY_PAYLOAD, "payload is empty");
    assertDecodingFails(
        () -> EventJson.deserialize("  ", WavesyncEvent.class),
        Reason.EMPTY_PAYLOAD,
        "payload is empty");
  }

  @Test
  void aPayloadThatIsNotJsonIsReportedAsNotJson() {
    assertDecodingFails(
        () -> EventJson.deserialize("apiVersion: v1\nkind: Pod", WavesyncEvent.class),
        Reason.NOT_JSON,
        "payload is not JSON");
    assertDecodingFails(
        () -> EventJson.deserialize("{\"eventType\": \"SyncRequested\"", WavesyncEvent.class),
        Reason.NOT_JSON,
        "payload is not JSON");
  }

  @Test
  void trailingGarbageAfterTheJsonIsReportedAsNotJson() {
    String json = EventJson.serializeToString(EventSamples.terminateRequested()) + " }garbage";

    assertDecodingFails(
        () -> EventJson.deserialize(json, WavesyncEvent.class),
        Reason.NOT_JSON,
        "payload is not JSON");
  }

  @Test
  void jsonThatIsNotAnObjectIsReportedAsNotJson() {
    assertDecodingFails(
        () -> EventJson.deserialize("[1, 2]", WavesyncEvent.class),
        Reason.NOT_JSON,
        "JSON but not an object (it is array)");
  }

  @Test
  void anUnknownEventTypeIsReportedWithTheTypesThatAreKnown() {
    EventDecodingException e =
        decodingFailure(json(EventSamples.syncRequested(), j -> j.put("eventType", "AppDeleted")));

    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_EVENT_TYPE);
    assertThat(e.getMessage())
        .contains("unknown eventType 'AppDeleted'")
        .contains("SyncRequested")
        .contains("OperationUpdated");
  }

  @Test
  void anEventReadFromTheWrongTopicIsReportedAsUnexpected() {
    byte[] json = EventJson.serialize(EventSamples.syncRequested());

    assertThatThrownBy(() -> EventJson.deserialize(json, Observation.class))
        .isInstanceOfSatisfying(
            EventDecodingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_EVENT_TYPE);
              assertThat(e.eventType()).isEqualTo("SyncRequested");
              assertThat(e.getMessage())
                  .contains("eventType 'SyncRequested' does not belong to Observation")
                  .contains("HookCompleted");
            });
  }

  @Test
  void aMissingOrNonTextEventTypeIsReported() {
    EventDecodingException missing =
        decodingFailure(json(EventSamples.syncRequested(), j -> j.remove("eventType")));
    assertThat(missing.reason()).isEqualTo(Reason.MISSING_FIELD);
    assertThat(missing.field()).isEqualTo("eventType");
    assertThat(missing.getMessage()).contains("missing required field 'eventType'");

    EventDecodingException number =
        decodingFailure(json(EventSamples.syncRequested(), j -> j.put("eventType", 7)));
    assertThat(number.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(number.getMessage()).contains("'eventType': must be a string");
  }

  @Test
  void anUnsupportedSchemaVersionIsReportedWithTheVersionThisBuildReads() {
    EventDecodingException e =
        decodingFailure(json(EventSamples.syncRequested(), j -> j.put("schemaVersion", 2)));

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_SCHEMA_VERSION);
    assertThat(e.eventType()).isEqualTo("SyncRequested");
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot decode SyncRequested: unsupported schemaVersion 2;"
                + " this build reads schemaVersion 1");
  }

  @Test
  void aMissingOrNonIntegerSchemaVersionIsReported() {
    EventDecodingException missing =
        decodingFailure(json(EventSamples.hookCompleted(), j -> j.remove("schemaVersion")));
    assertThat(missing.reason()).isEqualTo(Reason.MISSING_FIELD);
    assertThat(missing.getMessage()).contains("missing required field 'schemaVersion'");

    EventDecodingException text =
        decodingFailure(json(EventSamples.hookCompleted(), j -> j.put("schemaVersion", "1")));
    assertThat(text.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(text.getMessage()).contains("'schemaVersion': must be an integer");
  }

  @Test
  void aMissingRequiredFieldIsReportedByName() {
    EventDecodingException e =
        decodingFailure(json(EventSamples.syncRequested(), j -> j.remove("manifests")));

    assertThat(e.reason()).isEqualTo(Reason.MISSING_FIELD);
    assertThat(e.eventType()).isEqualTo("SyncRequested");
    assertThat(e.field()).isEqualTo("manifests");
    assertThat(e.getMessage())
        .isEqualTo("cannot decode SyncRequested v1: missing required field 'manifests'");
  }

  @Test
  void aMissingNestedFieldIsReportedWithItsPath() {
    EventDecodingException e =
        decodingFailure(
            json(
                EventSamples.syncRequested(),
                j -> ((ObjectNode) j.path("options").path("resources").get(0)).remove("kind")));

    assertThat(e.reason()).isEqualTo(Reason.MISSING_FIELD);
    assertThat(e.field()).isEqualTo("options.resources[0].kind");
    assertThat(e.getMessage()).contains("missing required field 'options.resources[0].kind'");
  }

  @Test
  void anInvalidNestedValueIsReportedWithItsPathAndWhy() {
    EventDecodingException e =
        decodingFailure(
            json(
                EventSamples.waveApplyRequested(),
                j -> ((ObjectNode) j.path("tasks").get(0)).putArray("hookTypes").add("PreSynk")));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(e.field()).isEqualTo("tasks[0].hookTypes[0]");
    assertThat(e.getMessage()).contains("'PreSynk' is not one of");
  }

  @Test
  void anUnknownEnumValueIsReportedAsAnInvalidField() {
    EventDecodingException e =
        decodingFailure(json(EventSamples.resourceApplied(), j -> j.put("phase", "Presync")));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(e.field()).isEqualTo("phase");
    assertThat(e.getMessage()).contains("invalid field 'phase'").contains("Presync");
  }

  @Test
  void aMalformedTimestampIsReportedAsAnInvalidField() {
    EventDecodingException e =
        decodingFailure(json(EventSamples.resourceApplied(), j -> j.put("occurredAt", "today")));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(e.field()).isEqualTo("occurredAt");
  }

  @Test
  void anInvalidApplicationNameIsReported() {
    EventDecodingException e =
        decodingFailure(
            json(EventSamples.syncRequested(), j -> j.put("application", "Guest_Book")));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(e.field()).isEqualTo("application");
    assertThat(e.getMessage()).contains("is not a DNS-1123 subdomain");
  }

  @Test
  void everyReasonIsReachable() {
    SyncRequested request = EventSamples.syncRequested();
    List<Reason> reasons =
        List.of(
            reasonOf(() -> EventJson.deserialize(new byte[0])),
            reasonOf(() -> EventJson.deserialize("nope", WavesyncEvent.class)),
            decodingFailure(json(request, j -> j.put("eventType", "X"))).reason(),
            reasonOf(() -> EventJson.deserialize(EventJson.serialize(request), Observation.class)),
            decodingFailure(json(request, j -> j.put("schemaVersion", 9))).reason(),
            decodingFailure(json(request, j -> j.remove("manifests"))).reason(),
            decodingFailure(json(request, j -> j.put("eventId", "1"))).reason());

    assertThat(reasons).containsExactlyInAnyOrder(Reason.values());
  }

  private static Reason reasonOf(ThrowingCallable call) {
    try {
      call.call();
    } catch (EventDecodingException e) {
      return e.reason();
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
    throw new AssertionError("no EventDecodingException");
  }

  private static Class<? extends WavesyncEvent> topicType(WavesyncEvent event) {
    for (Class<?> topic : SealedHierarchy.topicInterfaces()) {
      if (topic.isInstance(event)) {
        return topic.asSubclass(WavesyncEvent.class);
      }
    }
    throw new AssertionError("no topic interface for " + event);
  }

  private static JsonNode json(WavesyncEvent event, Consumer<ObjectNode> change) {
    ObjectNode json = EventJson.toTree(event);
    change.accept(json);
    return json;
  }

  private static EventDecodingException decodingFailure(JsonNode json) {
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    try {
      EventJson.deserialize(bytes);
    } catch (EventDecodingException e) {
      return e;
    }
    throw new AssertionError("decoded without error: " + json);
  }

  private static void assertDecodingFails(ThrowingCallable call, Reason reason, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            EventDecodingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains(message);
            });
  }
}
