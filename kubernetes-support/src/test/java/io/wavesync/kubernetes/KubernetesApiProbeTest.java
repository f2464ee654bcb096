package io.wavesync.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.wavesync.sandbox.SandboxCluster;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KubernetesApiProbeTest {

  @Test
  void upWithTheServersVersionWhileTheApiAnswers() {
    try (SandboxCluster sandbox = new SandboxCluster().start("127.0.0.1", 0);
        KubernetesApiProbe probe =
            new KubernetesApiProbe(sandbox.client(), Duration.ofSeconds(30))) {
      KubernetesApiProbe.Result result = probe.check();

      assertThat(result.up()).isTrue();
      assertThat(result.data()).containsOnlyKeys("url", "version");
      assertThat(result.data().get("url")).startsWith(sandbox.url());
      assertThat(result.data().get("version")).isNotBlank().isNotEqualTo("unknown");
    }
  }

  @Test
  void downWhenTheApiDoesNotAnswerInTime() throws Exception {
    // a socket that takes connections and never answers: the probe must give up by itself
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Config config = new ConfigBuilder(Config.empty())
          .withMasterUrl("http://127.0.0.1:" + silent.getLocalPort())
          .withRequestRetryBackoffLimit(0).build();
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
          KubernetesApiProbe probe = new KubernetesApiProbe(client, Duration.ofMillis(200))) {
        KubernetesApiProbe.Result result = probe.check();

        assertThat(result.up()).isFalse();
        assertThat(result.data()).containsOnlyKeys("url", "error");
        assertThat(result.data().get("error")).isEqualTo("no answer within PT0.2S");
      }
    }
  }
}
