package io.wavesync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.events.payload.SyncPhase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void topicNamesAreTheDocumentedOnes() {
    assertThat(Topics.ALL)
        .containsExactly(
            "wavesync.sync-requests",
            "wavesync.waves.presync",
            "wavesync.waves.sync",
            "wavesync.waves.postsync",
            "wavesync.waves.syncfail",
            "wavesync.cleanup",
            "wavesync.observations",
            "wavesync.operations");
    assertThat(Topics.ALL).doesNotHaveDuplicates();
  }

  @Test
  void onlyTheOperationsTopicIsCompacted() {
    assertThat(Topics.COMPACTED).containsExactly(Topics.OPERATIONS);
    assertThat(Topics.isCompacted("wavesync.operations")).isTrue();
    assertThat(Topics.isCompacted(Topics.OBSERVATIONS)).isFalse();
  }

  @Test
  void theDeadLetterTopicOfATopicHasTheDlqSuffix() {
    assertThat(Topics.dlq(Topics.OBSERVATIONS)).isEqualTo("wavesync.observations.dlq");
    assertThat(Topics.dlq(Topics.WAVES_SYNC)).isEqualTo("wavesync.waves.sync.dlq");
    assertThatThrownBy(() -> Topics.dlq("wavesync.cleanup.dlq"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already a dead-letter topic");
    assertThatThrownBy(() -> Topics.dlq(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topics.dlq(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachSyncPhaseHasItsOwnWaveTopic() {
    assertThat(Topics.waveTopic("PreSync")).isEqualTo("wavesync.waves.presync");
    assertThat(Topics.waveTopic("Sync")).isEqualTo("wavesync.waves.sync");
    assertThat(Topics.waveTopic("PostSync")).isEqualTo("wavesync.waves.postsync");
    assertThat(Topics.waveTopic("SyncFail")).isEqualTo("wavesync.waves.syncfail");
    for (SyncPhase phase : SyncPhase.values()) {
      assertThat(Topics.waveTopic(phase)).isEqualTo(Topics.waveTopic(phase.name()));
    }
  }

  @Test
  void anUnknownPhaseHasNoWaveTopic() {
    assertThatThrownBy(() -> Topics.waveTopic("presync"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'presync' is not a sync phase");
    assertThatThrownBy(() -> Topics.waveTopic("Skip")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyEventIsPublishedOnTheTopicOfItsSealedInterface() {
    Map<Class<?>, String> expected =
        Map.of(
            SyncRequestEvent.class, Topics.SYNC_REQUESTS,
            CleanupCommand.class, Topics.CLEANUP,
            Observation.class, Topics.OBSERVATIONS,
            OperationEvent.class, Topics.OPERATIONS);
    for (WavesyncEvent event : EventSamples.all()) {
      String topic = Topics.topicOf(event);
      if (event instanceof WaveApplyRequested command) {
        assertThat(topic).isEqualTo(Topics.waveTopic(command.phase()));
      } else {
        assertThat(topic)
            .isEqualTo(
                expected.entrySet().stream()
                    .filter(e -> e.getKey().isInstance(event))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow());
      }
      assertThat(Topics.ALL).contains(topic);
    }
    CleanupRequested cleanup = EventSamples.cleanupRequested();
    assertThat(Topics.topicOf(cleanup.followUp())).isEqualTo(Topics.WAVES_SYNCFAIL);
  }
}
