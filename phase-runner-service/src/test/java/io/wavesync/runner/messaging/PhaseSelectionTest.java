package io.wavesync.runner.messaging;

import static io.wavesync.runner.messaging.Commands.apply;
import static io.wavesync.runner.messaging.Commands.configMap;
import static io.wavesync.runner.messaging.Commands.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.wavesync.events.EventJson;
import io.wavesync.events.Observation;
import io.wavesync.events.Topics;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.testsupport.KafkaTestResource;
import io.wavesync.testsupport.SandboxClusterResource;
import io.wavesync.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A deployment for one phase consumes that phase's wave topic and no other. */
@QuarkusTest
@TestProfile(PhaseSelectionTest.SyncOnly.class)
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "topics",
    value = "wavesync.waves.presync,wavesync.waves.sync,wavesync.observations"))
@WithTestResource(SandboxClusterResource.class)
class PhaseSelectionTest {

  public static class SyncOnly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("phase-runner.phases", "Sync");
    }
  }

  @Test
  void onlyTheConfiguredPhasesTopicIsConsumed() throws Exception {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
        String.class);
    try (TopicProbe probe = new TopicProbe(bootstrap, List.of(Topics.OBSERVATIONS));
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap))) {
      WaveApplyRequested sync = step("only", "only-sync", SyncPhase.Sync,
          List.of(apply(configMap("only", "in-sync", "v"), SyncPhase.Sync)));
      probe.send(Topics.topicOf(sync), "only", EventJson.serializeToString(sync));

      await().atMost(Duration.ofSeconds(60)).until(() -> probe.records(Topics.OBSERVATIONS)
          .stream().map(r -> EventJson.deserialize(r.value(), Observation.class))
          .anyMatch(o -> o instanceof WaveApplied w && w.commandId().equals("only-sync")));

      // a disabled phase opens no consumer, so its group never comes to exist
      Set<String> groups = admin.listConsumerGroups().all().get().stream()
          .map(ConsumerGroupListing::groupId).collect(Collectors.toSet());
      assertThat(groups).contains("wavesync-phase-runner-sync")
          .doesNotContain("wavesync-phase-runner-presync", "wavesync-phase-runner-postsync",
              "wavesync-phase-runner-syncfail");
    }
  }
}
