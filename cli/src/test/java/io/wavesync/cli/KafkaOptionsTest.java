package io.wavesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaOptionsTest {

  @Test
  void theOptionWinsOverTheEnvironment() {
    assertThat(KafkaOptions.resolve(" kafka:9092 ", Map.of(KafkaOptions.ENV, "other:9092")))
        .isEqualTo(new KafkaOptions.Bootstrap("kafka:9092", "--bootstrap-server"));
  }

  @Test
  void theEnvironmentWinsOverTheDefault() {
    assertThat(KafkaOptions.resolve(null, Map.of(KafkaOptions.ENV, "other:9092")))
        .isEqualTo(new KafkaOptions.Bootstrap("other:9092", "WAVESYNC_BOOTSTRAP_SERVERS"));
  }

  @Test
  void theDefaultIsTheLocalStack() {
    assertThat(KafkaOptions.resolve("", Map.of(KafkaOptions.ENV, " ")))
        .isEqualTo(new KafkaOptions.Bootstrap("127.0.0.1:9092", "the default"));
  }
}
