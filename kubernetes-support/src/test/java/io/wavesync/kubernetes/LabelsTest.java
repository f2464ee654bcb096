package io.wavesync.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.model.KubeObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void trackingLabelsNameTheManagerAndTheApplication() {
    assertThat(Labels.tracking("shop")).containsExactly(
        Map.entry("app.kubernetes.io/managed-by", "wavesync"),
        Map.entry("app.kubernetes.io/instance", "shop"),
        Map.entry("wavesync.io/application", "shop"));
    assertThat(Labels.selector("shop"))
        .isEqualTo("app.kubernetes.io/managed-by=wavesync,wavesync.io/application=shop");
  }

  @Test
  void trackingIdFollowsArgoCdsFormat() {
    assertThat(Labels.trackingId("shop", "batch", "Job", "prod", "migrate"))
        .isEqualTo("shop:batch/Job:prod/migrate");
    assertThat(Labels.trackingId("shop", "", "Namespace", null, "prod"))
        .isEqualTo("shop:/Namespace:/prod");
  }

  @Test
  void annotationsCarryTheOperationAndTheTrackingIdOfNamedObjects() {
    KubeObject named = KubeObject.of("batch/v1", "Job", "prod", "migrate");
    assertThat(Labels.annotations("shop", "op-1", named)).containsExactly(
        Map.entry("wavesync.io/operation", "op-1"),
        Map.entry("wavesync.io/tracking-id", "shop:batch/Job:prod/migrate"));
    KubeObject generated = KubeObject.parseJson(
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"generateName\":\"hook-\"}}");
    assertThat(Labels.annotations("shop", "op-1", generated))
        .containsOnlyKeys("wavesync.io/operation");
  }

  @Test
  void stampAddsToExistingMetadataWithoutChangingTheOriginal() {
    KubeObject target = KubeObject.parseJson("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
        + "\"metadata\":{\"name\":\"app\",\"labels\":{\"tier\":\"web\"}},\"data\":{\"k\":\"v\"}}");

    KubeObject stamped = Labels.stamp(target, Labels.tracking("shop"),
        Map.of("wavesync.io/operation", "op-1"));

    assertThat(stamped.labels()).containsEntry("tier", "web")
        .containsEntry("wavesync.io/application", "shop");
    assertThat(stamped.annotations()).containsEntry("wavesync.io/operation", "op-1");
    assertThat(stamped.pathText("data", "k")).isEqualTo("v");
    assertThat(target.labels()).containsOnlyKeys("tier");
    assertThat(target.annotations()).isEmpty();
  }
}
