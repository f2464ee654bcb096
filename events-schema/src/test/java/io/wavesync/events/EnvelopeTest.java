package io.wavesync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.wavesync.events.payload.InvalidFieldException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvelopeTest {

  static Stream<Class<? extends WavesyncEvent>> records() {
    return SealedHierarchy.records().stream();
  }

  @ParameterizedTest
  @MethodSource("records")
  void everyEventRecordStartsWithTheEnvelopeAccessors(Class<? extends WavesyncEvent> record)
      throws Exception {
    assertThat(record.isRecord()).isTrue();
    RecordComponent[] components = record.getRecordComponents();

    assertThat(Arrays.stream(components).limit(5).map(RecordComponent::getName))
        .containsExactly("eventId", "eventType", "schemaVersion", "occurredAt", "application");
    assertThat(record.getMethod("eventId").getReturnType()).isEqualTo(String.class);
    assertThat(record.getMethod("eventType").getReturnType()).isEqualTo(String.class);
    assertThat(record.getMethod("schemaVersion").getReturnType()).isEqualTo(int.class);
    assertThat(record.getMethod("occurredAt").getReturnType()).isEqualTo(Instant.class);
    assertThat(record.getMethod("application").getReturnType()).isEqualTo(String.class);
  }

  @ParameterizedTest
  @MethodSource("records")
  void everyEventRecordNamesItsTypeAndVersionInConstants(Class<? extends WavesyncEvent> record)
      throws Exception {
    assertThat(constant(record, "TYPE")).isEqualTo(record.getSimpleName());
    assertThat(constant(record, "SCHEMA_VERSION")).isEqualTo(1);
    assertThat(record.getSimpleName()).as("past-tense name").matches("[A-Z][A-Za-z]+(ed|ted)");
  }

  @ParameterizedTest
  @MethodSource("records")
  void everyEventRecordHasAStaticFactoryThatFillsTheEnvelope(
      Class<? extends WavesyncEvent> record) {
    List<Method> factories =
        Arrays.stream(record.getMethods())
            .filter(m -> m.getName().equals("of") && Modifier.isStatic(m.getModifiers()))
            .toList();
    assertThat(factories).hasSize(1);
    Method factory = factories.get(0);
    assertThat(factory.getReturnType()).isEqualTo(record);
    // The factory takes the application and the payload, not the other envelope fields.
    assertThat(factory.getParameterCount()).isEqualTo(record.getRecordComponents().length - 4);

    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    WavesyncEvent event = EventSamples.of(record);
    WavesyncEvent another = EventSamples.of(record);

    assertThat(UUID.fromString(event.eventId()).toString()).isEqualTo(event.eventId());
    assertThat(event.eventId()).isNotEqualTo(another.eventId());
    assertThat(event.eventType()).isEqualTo(record.getSimpleName());
    assertThat(event.schemaVersion()).isEqualTo(1);
    assertThat(event.occurredAt()).isBetween(before, Instant.now());
    assertThat(event.occurredAt()).isEqualTo(event.occurredAt().truncatedTo(ChronoUnit.MILLIS));
    assertThat(event.application()).isEqualTo(EventSamples.APP);
  }

  @Test
  void constructingAnEventWithAWrongEnvelopeFails() {
    Instant now = Instant.now();
    String id = Envelope.newEventId();

    assertThatThrownBy(
            () -> new TerminateRequested(id, "SyncRequested", 1, now, "app", null, null, null))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("invalid field 'eventType'");
    assertThatThrownBy(
            () ->
                new TerminateRequested(
                    id, TerminateRequested.TYPE, 2, now, "app", null, null, null))
        .hasMessageContaining("invalid field 'schemaVersion'");
    assertThatThrownBy(
            () ->
                new TerminateRequested(
                    "42", TerminateRequested.TYPE, 1, now, "app", null, null, null))
        .hasMessageContaining("invalid field 'eventId'");
    assertThatThrownBy(
            () ->
                new TerminateRequested(
                    id, TerminateRequested.TYPE, 1, null, "app", null, null, null))
        .hasMessage("missing required field 'occurredAt'");
    assertThatThrownBy(() -> TerminateRequested.of(null, null, null, null))
        .hasMessage("missing required field 'application'");
  }

  @Test
  void applicationNamesAreDns1123Subdomains() {
    assertThat(Envelope.checkApplication("guestbook")).isEqualTo("guestbook");
    assertThat(Envelope.checkApplication("team-a.payments-2")).isEqualTo("team-a.payments-2");

    for (String bad :
        List.of(
            "", "Guestbook", "guest_book", "-guestbook", "guestbook-", "a..b", "x".repeat(254))) {
      assertThatThrownBy(() -> Envelope.checkApplication(bad))
          .as("'%s'", bad)
          .isInstanceOf(InvalidFieldException.class);
    }
  }

  @Test
  void theRegistryListsExactlyTheRecordsOfTheSealedHierarchy() {
    assertThat(EventTypes.all())
        .extracting(EventTypes.Entry::recordClass)
        .containsExactlyInAnyOrderElementsOf(SealedHierarchy.records());
    for (EventTypes.Entry entry : EventTypes.all()) {
      assertThat(entry.eventType()).isEqualTo(entry.recordClass().getSimpleName());
      assertThat(EventTypes.find(entry.eventType())).contains(entry);
      assertThat(EventTypes.of(entry.recordClass())).isEqualTo(entry);
    }
    assertThat(EventTypes.find("Nope")).isEmpty();
    assertThat(EventTypes.find(null)).isEmpty();
  }

  @Test
  void everySealedInterfaceNamesExactlyItsPermittedRecordsAsJsonSubtypes() {
    List<Class<?>> interfaces =
        Stream.concat(Stream.of(WavesyncEvent.class), SealedHierarchy.topicInterfaces().stream())
            .toList();
    for (Class<?> type : interfaces) {
      JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
      assertThat(info).as("@JsonTypeInfo on %s", type.getSimpleName()).isNotNull();
      assertThat(info.use()).isEqualTo(JsonTypeInfo.Id.NAME);
      assertThat(info.include()).isEqualTo(JsonTypeInfo.As.EXISTING_PROPERTY);
      assertThat(info.property()).isEqualTo("eventType");
      assertThat(info.visible()).isTrue();

      JsonSubTypes.Type[] subtypes = type.getAnnotation(JsonSubTypes.class).value();
      List<Class<? extends WavesyncEvent>> expected =
          SealedHierarchy.records().stream().filter(type::isAssignableFrom).toList();
      assertThat(Arrays.stream(subtypes).map(JsonSubTypes.Type::value).toList())
          .as("@JsonSubTypes of %s", type.getSimpleName())
          .containsExactlyInAnyOrderElementsOf(expected);
      for (JsonSubTypes.Type subtype : subtypes) {
        assertThat(subtype.name()).isEqualTo(subtype.value().getSimpleName());
      }
    }
  }

  @Test
  void newEventIdsAreRandomUuidsAndNowHasMillisecondPrecision() {
    assertThat(Envelope.newEventId()).matches(Envelope.UUID_TEXT.pattern());
    assertThat(Envelope.newEventId()).isNotEqualTo(Envelope.newEventId());
    Instant now = Envelope.now();
    assertThat(now.getNano() % 1_000_000).isZero();
    assertThat(Duration.between(now, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }

  private static Object constant(Class<?> record, String name) throws Exception {
    Field field = record.getField(name);
    assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
        .as("%s.%s is a constant", record.getSimpleName(), name)
        .isTrue();
    return field.get(null);
  }
}
