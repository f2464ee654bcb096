package io.wavesync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  // Schemas refer to each other by $id; the ids resolve to the copies on the classpath.
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers.mapPrefix(Schemas.ID_BASE, "classpath:" + Schemas.DIRECTORY + "/")));

  // Draft 2020-12 treats "format" as an annotation unless asked; wavesync's schemas mean it.
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  static JsonSchema schemaOf(WavesyncEvent event) {
    return FACTORY.getSchema(
        SchemaLocation.of(Schemas.id(event.eventType(), event.schemaVersion())), CONFIG);
  }

  static Set<ValidationMessage> validate(WavesyncEvent schemaOwner, JsonNode json) {
    return schemaOf(schemaOwner).validate(json);
  }

  static Stream<WavesyncEvent> samples() {
    return EventSamples.all().stream();
  }

  @Test
  void everyEventRecordHasASampleAndASchemaFile() {
    List<Class<? extends WavesyncEvent>> records = SealedHierarchy.records();

    assertThat(records).isNotEmpty();
    for (Class<? extends WavesyncEvent> record : records) {
      assertThat(EventSamples.of(record)).as("sample of %s", record.getSimpleName()).isNotNull();
      assertThat(getClass().getClassLoader().getResource(Schemas.resourcePath(record)))
          .as("schema file of %s", record.getSimpleName())
          .isNotNull();
    }
    assertThat(EventSamples.sampledTypes()).containsExactlyInAnyOrderElementsOf(records);
  }

  @Test
  void everySchemaFileBelongsToAKnownEventTypeAndVersion() throws Exception {
    List<String> files;
    try (Stream<Path> list = Files.list(schemaDirectory())) {
      files = list.map(p -> Schemas.DIRECTORY + "/" + p.getFileName()).toList();
    }

    assertThat(files).containsExactlyInAnyOrderElementsOf(Schemas.all());
  }

  @Test
  void everySchemaFileIsAValidDraft202012SchemaWithItsOwnId() throws IOException {
    JsonSchema metaSchema =
        FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (EventTypes.Entry entry : EventTypes.all()) {
      JsonNode schema = readSchema(entry);

      assertThat(metaSchema.validate(schema)).as(entry.eventType()).isEmpty();
      assertThat(schema.path("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.path("$id").asText())
          .isEqualTo(Schemas.id(entry.eventType(), entry.schemaVersion()));
      assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
      assertThat(schema.path("properties").path("eventType").path("const").asText())
          .isEqualTo(entry.eventType());
      assertThat(schema.path("properties").path("schemaVersion").path("const").asInt())
          .isEqualTo(entry.schemaVersion());
      assertThat(schema.path("required"))
          .extracting(JsonNode::asText)
          .contains("eventId", "eventType", "schemaVersion", "occurredAt", "application");
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleOfEveryEventValidatesAgainstItsSchema(WavesyncEvent sample) {
    ObjectNode json = EventJson.toTree(sample);

    assertThat(validate(sample, json)).as(json.toPrettyString()).isEmpty();
  }

  static Stream<Arguments> requiredFieldsOfEverySample() {
    List<Arguments> cases = new ArrayList<>();
    for (WavesyncEvent sample : EventSamples.all()) {
      for (JsonNode field : readSchemaUnchecked(sample).path("required")) {
        cases.add(Arguments.of(sample.eventType(), sample, field.asText()));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} without {2}")
  @MethodSource("requiredFieldsOfEverySample")
  void sampleWithARequiredFieldRemovedFailsValidation(
      String eventType, WavesyncEvent sample, String field) {
    ObjectNode json = EventJson.toTree(sample);
    assertThat(json.has(field)).as("the sample has %s", field).isTrue();
    json.remove(field);

    assertThat(validate(sample, json))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains(field));
  }

  @ParameterizedTest(name = "{0} without {2}")
  @MethodSource("requiredFieldsOfEverySample")
  void decoderAlsoRejectsAnEventWithoutARequiredObjectOrTextField(
      String eventType, WavesyncEvent sample, String field) throws Exception {
    // Primitive fields (numbers, booleans) read as 0/false when absent; the schema is stricter.
    Class<?> type = sample.getClass().getMethod(field).getReturnType();
    if (type.isPrimitive()) {
      return;
    }
    ObjectNode json = EventJson.toTree(sample);
    json.remove(field);

    assertThatThrownBy(() -> EventJson.fromTree(json, WavesyncEvent.class))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("missing required field '" + field + "'");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void optionalFieldsMayBeLeftOut(WavesyncEvent sample) {
    ObjectNode json = EventJson.toTree(sample);
    JsonNode schema = readSchemaUnchecked(sample);
    // Fields required by an if/then/else rule (finishedAt of an ended operation) stay too.
    Set<String> required = new HashSet<>();
    Stream.of(schema, schema.path("then"), schema.path("else"))
        .forEach(s -> s.path("required").forEach(f -> required.add(f.asText())));
    json.properties().removeIf(e -> !required.contains(e.getKey()));

    assertThat(validate(sample, json)).as(json.toPrettyString()).isEmpty();
    assertThat(EventJson.fromTree(json, WavesyncEvent.class)).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void unknownPropertiesAreAcceptedAtTheTopLevelAndInNestedObjects(WavesyncEvent sample) {
    ObjectNode json = EventJson.toTree(sample);
    json.put("addedInALaterRevision", "x");
    json.properties().forEach(e -> addUnknownProperty(e.getValue()));

    assertThat(validate(sample, json)).isEmpty();
  }

  @Test
  void malformedEnvelopeFieldsFailValidation() {
    WavesyncEvent sample = EventSamples.syncRequested();

    assertInvalid(sample, json -> json.put("eventId", "not-a-uuid"), "eventId");
    assertInvalid(sample, json -> json.put("occurredAt", "yesterday"), "occurredAt");
    assertInvalid(sample, json -> json.put("eventType", "TerminateRequested"), "eventType");
    assertInvalid(sample, json -> json.put("schemaVersion", 2), "schemaVersion");
    assertInvalid(sample, json -> json.put("application", "Guest Book"), "application");
  }

  @Test
  void conditionalRulesOfTheSchemasMatchTheRecords() {
    WavesyncEvent wave = EventSamples.waveApplyRequested();
    assertInvalid(wave, json -> firstTask(json).remove("target"), "target");
    assertInvalid(wave, json -> firstTask(json).put("pruneMode", "PRUNE"), "pruneMode");
    assertInvalid(wave, json -> ((ObjectNode) json.path("tasks").get(1)).remove("live"), "live");
    assertInvalid(wave, json -> json.put("mode", "SYNC_FAIL"), "phase");
    assertInvalid(wave, json -> firstTask(json).putArray("hookTypes").add("PreSynk"), "hookTypes");
    assertInvalid(
        wave, json -> ((ObjectNode) firstTask(json).path("target")).remove("kind"), "kind");

    WavesyncEvent applied = EventSamples.resourceApplied();
    assertInvalid(applied, json -> ((ObjectNode) json.path("ref")).remove("uid"), "uid");

    WavesyncEvent health = EventSamples.healthObserved();
    assertInvalid(health, json -> ((ObjectNode) json.path("ref")).remove("uid"), "uid");

    WavesyncEvent hook = EventSamples.hookCompleted();
    assertInvalid(hook, json -> json.put("hookPhase", "Running"), "hookPhase");
    assertInvalid(hook, json -> json.put("logTail", "x".repeat(65537)), "logTail");

    WavesyncEvent operation = EventSamples.operationUpdated();
    assertInvalid(operation, json -> json.remove("finishedAt"), "finishedAt");
    assertInvalid(operation, json -> json.put("phase", "Terminating"), "finishedAt");

    WavesyncEvent request = EventSamples.syncRequested();
    assertInvalid(
        request,
        json -> ((ObjectNode) json.path("options")).putArray("syncOptions").add("PruneLast"),
        "syncOptions");
    assertInvalid(
        request, json -> ((ObjectNode) json.path("options")).put("timeout", "ten"), "timeout");
  }

  @Test
  void embeddedFollowUpIsValidatedAgainstTheWaveCommandSchema() {
    WavesyncEvent cleanup = EventSamples.cleanupRequested();

    assertInvalid(
        cleanup, json -> ((ObjectNode) json.path("followUp")).remove("commandId"), "commandId");
  }

  @Test
  void sharedDefinitionsAreIdenticalInEverySchemaThatCopiesThem() throws IOException {
    Map<String, JsonNode> seen = new HashMap<>();
    Map<String, String> seenIn = new HashMap<>();
    for (EventTypes.Entry entry : EventTypes.all()) {
      for (Map.Entry<String, JsonNode> def : readSchema(entry).path("$defs").properties()) {
        JsonNode earlier = seen.putIfAbsent(def.getKey(), def.getValue());
        seenIn.putIfAbsent(def.getKey(), entry.eventType());
        assertThat(def.getValue())
            .as(
                "$defs/%s in %s and in %s",
                def.getKey(), entry.eventType(), seenIn.get(def.getKey()))
            .isEqualTo(earlier == null ? def.getValue() : earlier);
      }
    }
  }

  private static void assertInvalid(
      WavesyncEvent sample, Consumer<ObjectNode> breakIt, String mentioned) {
    ObjectNode json = EventJson.toTree(sample);
    breakIt.accept(json);

    assertThat(validate(sample, json))
        .as("%s after the change: %s", sample.eventType(), json)
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains(mentioned));
  }

  private static ObjectNode firstTask(ObjectNode wave) {
    return (ObjectNode) wave.path("tasks").get(0);
  }

  private static void addUnknownProperty(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().forEach(e -> addUnknownProperty(e.getValue()));
      // A string, so that string-valued maps such as trackingLabels accept it too.
      object.put("addedInALaterRevision", "x");
    } else if (node instanceof ArrayNode array) {
      array.forEach(SchemaValidationTest::addUnknownProperty);
    }
  }

  private static JsonNode readSchema(EventTypes.Entry entry) throws IOException {
    try (InputStream in = Schemas.open(entry.eventType(), entry.schemaVersion())) {
      return JSON.readTree(in);
    }
  }

  private static JsonNode readSchemaUnchecked(WavesyncEvent event) {
    try {
      return readSchema(EventTypes.of(event.getClass()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Path schemaDirectory() throws URISyntaxException {
    URL url = getClass().getClassLoader().getResource(Schemas.DIRECTORY);
    assertThat(url).isNotNull();
    return Path.of(url.toURI());
  }
}
