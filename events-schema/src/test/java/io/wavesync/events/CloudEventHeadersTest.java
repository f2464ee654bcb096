package io.wavesync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventHeadersTest {

  static Stream<WavesyncEvent> samples() {
    return EventSamples.all().stream();
  }

  @Test
  void headerNamesFollowTheCloudEventsKafkaBinaryMode() {
    assertThat(CloudEventHeaders.SPEC_VERSION).isEqualTo("ce_specversion");
    assertThat(CloudEventHeaders.ID).isEqualTo("ce_id");
    assertThat(CloudEventHeaders.TYPE).isEqualTo("ce_type");
    assertThat(CloudEventHeaders.SOURCE).isEqualTo("ce_source");
    assertThat(CloudEventHeaders.TIME).isEqualTo("ce_time");
    assertThat(CloudEventHeaders.SUBJECT).isEqualTo("ce_subject");
    assertThat(CloudEventHeaders.CONTENT_TYPE).isEqualTo("content-type");
    assertThat(CloudEventHeaders.DLQ_REASON).isEqualTo("wavesync-dlq-reason");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void headersOfAnEventRepeatItsEnvelope(WavesyncEvent event) {
    Map<String, String> headers =
        CloudEventHeaders.headers(event, CloudEventHeaders.source("planner-service"));

    assertThat(headers)
        .containsExactly(
            Map.entry("ce_specversion", "1.0"),
            Map.entry("ce_id", event.eventId()),
            Map.entry("ce_type", "io.wavesync." + event.eventType() + ".v1"),
            Map.entry("ce_source", "/wavesync/planner-service"),
            Map.entry("ce_time", event.occurredAt().toString()),
            Map.entry("ce_subject", event.application()),
            Map.entry("content-type", "application/json"));
    assertThat(Instant.parse(headers.get("ce_time"))).isEqualTo(event.occurredAt());
    assertThat(headers.get("ce_time"))
        .isEqualTo(EventJson.toTree(event).path("occurredAt").asText());
    assertThatThrownBy(() -> headers.put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void ceTypeNamesTheEventTypeAndSchemaVersionAndReadsBack() {
    assertThat(CloudEventHeaders.ceType("HookCompleted", 1))
        .isEqualTo("io.wavesync.HookCompleted.v1");
    assertThat(CloudEventHeaders.ceType(EventSamples.terminateRequested()))
        .isEqualTo("io.wavesync.TerminateRequested.v1");

    assertThat(CloudEventHeaders.parseCeType("io.wavesync.WaveApplied.v12"))
        .contains(new CloudEventHeaders.TypeAndVersion("WaveApplied", 12));
    assertThat(CloudEventHeaders.parseCeType("com.example.WaveApplied.v1")).isEmpty();
    assertThat(CloudEventHeaders.parseCeType("io.wavesync.WaveApplied")).isEmpty();
    assertThat(CloudEventHeaders.parseCeType("io.wavesync.WaveApplied.v0")).isEmpty();
    assertThat(CloudEventHeaders.parseCeType(null)).isEmpty();
  }

  @Test
  void sourcesNameTheProducingService() {
    assertThat(CloudEventHeaders.source("cleanup-service")).isEqualTo("/wavesync/cleanup-service");
    assertThat(CloudEventHeaders.source("cli")).isEqualTo("/wavesync/cli");
    assertThatThrownBy(() -> CloudEventHeaders.source("Planner Service"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudEventHeaders.source(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSourceMustBeANonBlankUriReference() {
    WavesyncEvent event = EventSamples.syncRequested();

    assertThat(CloudEventHeaders.headers(event, "urn:ci:pipeline:1432"))
        .containsEntry("ce_source", "urn:ci:pipeline:1432");
    assertThatThrownBy(() -> CloudEventHeaders.headers(event, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudEventHeaders.headers(event, "not a uri"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
