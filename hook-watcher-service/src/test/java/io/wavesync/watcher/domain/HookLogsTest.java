package io.wavesync.watcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.events.payload.LogTail;
import io.wavesync.watcher.domain.HookLogs.ContainerLog;
import io.wavesync.watcher.domain.HookLogs.PodCandidate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookLogsTest {

  @Test
  void oneContainersLogIsKeptAsItIs() {
    String tail = HookLogs.compose(List.of(ContainerLog.read("main", "migrating\ndone\n")));

    assertThat(tail).isEqualTo("migrating\ndone\n");
  }

  @Test
  void severalContainersAreJoinedInOrderEachUnderItsName() {
    String tail =
        HookLogs.compose(
            List.of(
                ContainerLog.read("init-db", "waiting for db"),
                ContainerLog.read("main", "migrating\n")));

    assertThat(tail)
        .isEqualTo(
            "==> container init-db <==\nwaiting for db\n==> container main <==\nmigrating\n");
  }

  @Test
  void aContainerWhoseLogCannotBeReadSaysWhyInItsPlace() {
    String tail =
        HookLogs.compose(
            List.of(
                ContainerLog.failed("sidecar", "HTTP 500: boom"),
                ContainerLog.read("main", "ok\n")));

    assertThat(tail)
        .contains("==> container sidecar <==\n[hook-watcher] logs unavailable: HTTP 500: boom\n")
        .endsWith("==> container main <==\nok\n");
  }

  @Test
  void aSingleFailedContainerGivesOneLineSayingWhy() {
    String tail = HookLogs.compose(List.of(ContainerLog.failed("main", "HTTP 404: gone")));

    assertThat(tail).isEqualTo("[hook-watcher] logs unavailable: container main: HTTP 404: gone\n");
  }

  @Test
  void aPodWithoutStartedContainersHasNoLogsAndSaysSo() {
    assertThat(HookLogs.compose(List.of()))
        .isEqualTo("[hook-watcher] logs unavailable: the pod has no started containers\n");
  }

  @Test
  void longLogsAreCutTo64KibKeepingTheirEnd() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      log.append("line ").append(i).append('\n');
    }

    String tail = HookLogs.compose(List.of(ContainerLog.read("main", log.toString())));

    assertThat(tail.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(LogTail.MAX_BYTES);
    assertThat(tail).endsWith("line 19999\n").doesNotContain("line 0\n");
  }

  @Test
  void joinedLogsAreBoundedTooSoTheMainContainersEndSurvives() {
    String big = "x".repeat(LogTail.MAX_BYTES);

    String tail =
        HookLogs.compose(
            List.of(ContainerLog.read("init", big), ContainerLog.read("main", "finished\n")));

    assertThat(tail.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(LogTail.MAX_BYTES);
    assertThat(tail).endsWith("==> container main <==\nfinished\n");
  }

  @Test
  void theNewestPodOfAJobIsTheOneToRead() {
    List<PodCandidate> pods =
        List.of(
            new PodCandidate("migrate-a", "2026-01-01T10:00:00Z"),
            new PodCandidate("migrate-c", "2026-01-01T10:05:00Z"),
            new PodCandidate("migrate-b", "2026-01-01T10:01:00Z"));

    assertThat(HookLogs.newest(pods)).map(PodCandidate::name).contains("migrate-c");
  }

  @Test
  void podsCreatedInTheSameSecondAreToldApartByName() {
    List<PodCandidate> pods =
        List.of(
            new PodCandidate("migrate-b", "2026-01-01T10:00:00Z"),
            new PodCandidate("migrate-a", "2026-01-01T10:00:00Z"));

    assertThat(HookLogs.newest(pods)).map(PodCandidate::name).contains("migrate-b");
    assertThat(HookLogs.newest(List.of())).isEmpty();
  }

  @Test
  void podsWithoutACreationTimeCountAsOldest() {
    List<PodCandidate> pods =
        List.of(new PodCandidate("z", null), new PodCandidate("a", "2026-01-01T10:00:00Z"));

    assertThat(HookLogs.newest(pods)).map(PodCandidate::name).contains("a");
  }
}
