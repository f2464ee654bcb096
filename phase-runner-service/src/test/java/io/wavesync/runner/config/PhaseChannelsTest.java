package io.wavesync.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseChannelsTest {

  @Test
  void everyPhaseIsConsumedByDefault() {
    assertThat(PhaseChannels.enabledFlags(null)).containsExactly(
        Map.entry("mp.messaging.incoming.waves-presync.enabled", "true"),
        Map.entry("mp.messaging.incoming.waves-sync.enabled", "true"),
        Map.entry("mp.messaging.incoming.waves-postsync.enabled", "true"),
        Map.entry("mp.messaging.incoming.waves-syncfail.enabled", "true"));
  }

  @Test
  void aDeploymentForOnePhaseOpensOnlyThatPhasesChannel() {
    assertThat(PhaseChannels.enabledFlags("PreSync")).containsExactly(
        Map.entry("mp.messaging.incoming.waves-presync.enabled", "true"),
        Map.entry("mp.messaging.incoming.waves-sync.enabled", "false"),
        Map.entry("mp.messaging.incoming.waves-postsync.enabled", "false"),
        Map.entry("mp.messaging.incoming.waves-syncfail.enabled", "false"));
    assertThat(PhaseChannels.enabledFlags(" PostSync , SyncFail "))
        .containsEntry("mp.messaging.incoming.waves-postsync.enabled", "true")
        .containsEntry("mp.messaging.incoming.waves-syncfail.enabled", "true")
        .containsEntry("mp.messaging.incoming.waves-sync.enabled", "false");
  }

  @Test
  void anUnknownPhaseIsRefusedWithTheNamesThatWork() {
    assertThatThrownBy(() -> PhaseChannels.enabledFlags("PreSync,PreDelete"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'PreDelete' is not a sync phase")
        .hasMessageContaining("PreSync, Sync, PostSync, SyncFail");
    assertThatThrownBy(() -> PhaseChannels.enabledFlags("presync"))
        .hasMessageContaining("'presync' is not a sync phase");
    assertThatThrownBy(() -> PhaseChannels.enabledFlags(" , "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
