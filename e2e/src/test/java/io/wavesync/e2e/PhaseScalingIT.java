package io.wavesync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.wavesync.e2e.Pipeline.Runner;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.Topics;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.SyncOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Horizontal scaling per phase: two runner processes share the Sync phase's partitions, a third
 * runs the hook phases, and every Sync task is applied by exactly one of them.
 */
class PhaseScalingIT {

  static final int PARTITIONS = 4;
  static final int APPS = 12;
  static final int APPS_PER_PARTITION = APPS / PARTITIONS;
  // two ConfigMaps and a Deployment per application
  static final int SYNC_TASKS_PER_APP = 3;
  static final List<String> OBJECTS = List.of("prepare", "settings", "features", "web", "verify");
  // a shared 2-core machine runs six JVMs and the broker: time limits are for hangs only
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  static final String SYNC_A = "phase-runner-sync-a";
  static final String SYNC_B = "phase-runner-sync-b";
  static final String HOOKS = "phase-runner-hooks";

  static final Pattern SERIES =
      Pattern.compile("^wavesync_tasks_applied_total\\{([^}]*)}\\s+(\\S+)", Pattern.MULTILINE);
  static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  static Pipeline pipeline;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    // assigned before start, so that a failed start still ends the processes it began
    pipeline = new Pipeline(PARTITIONS, List.of(
        new Runner(SYNC_A, "Sync"),
        new Runner(SYNC_B, "Sync"),
        new Runner(HOOKS, "PreSync,PostSync,SyncFail")));
    pipeline.start();
    awaitAssignments();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  /**
   * Waits until every runner group has settled: the runners start at the end of their topics, so
   * a command published while partitions still move between members could be skipped.
   */
  static void awaitAssignments() {
    Map<String, Integer> members = Map.of(
        "wavesync-phase-runner-sync", 2,
        "wavesync-phase-runner-presync", 1,
        "wavesync-phase-runner-postsync", 1,
        "wavesync-phase-runner-syncfail", 1);
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka.bootstrapServers()))) {
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        Map<String, ConsumerGroupDescription> groups =
            admin.describeConsumerGroups(members.keySet()).all().get();
        members.forEach((group, count) -> {
          ConsumerGroupDescription d = groups.get(group);
          assertThat(d.groupState()).as(group).isEqualTo(GroupState.STABLE);
          assertThat(d.members()).as(group).hasSize(count);
          Set<TopicPartition> assigned = new HashSet<>();
          for (MemberDescription m : d.members()) {
            assertThat(m.assignment().topicPartitions()).as(group + " member " + m.clientId())
                .isNotEmpty();
            assigned.addAll(m.assignment().topicPartitions());
          }
          assertThat(assigned).as(group).hasSize(PARTITIONS);
        });
      });
    }
  }

  /**
   * Application names, {@link #APPS_PER_PARTITION} per partition: commands are keyed by
   * application, so every Sync runner gets applications whatever partitions it was given.
   */
  static List<String> applications() {
    Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
    List<String> apps = new ArrayList<>();
    for (int i = 0; apps.size() < APPS; i++) {
      String app = "scale-" + i;
      // the producer's default partitioner for a keyed record
      int partition = Utils.toPositive(Utils.murmur2(app.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
      List<String> taken = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
      if (taken.size() < APPS_PER_PARTITION) {
        taken.add(app);
        apps.add(app);
      }
    }
    return apps;
  }

  /** The runner's {@code wavesync_tasks_applied_total} summed over results, per phase. */
  static Map<String, Double> appliedByPhase(String runner) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + pipeline.service(runner).port() + "/q/metrics"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(runner + " /q/metrics").isEqualTo(200);
    Map<String, Double> out = new LinkedHashMap<>();
    Matcher series = SERIES.matcher(r.body());
    while (series.find()) {
      Map<String, String> labels = new LinkedHashMap<>();
      Matcher label = LABEL.matcher(series.group(1));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      out.merge(labels.get("phase"), Double.parseDouble(series.group(2)), Double::sum);
    }
    return out;
  }

  static double sync(Map<String, Double> byPhase) {
    return byPhase.getOrDefault("Sync", 0.0);
  }

  @Test
  void twoSyncRunnersSplitTheSyncPhaseAndApplyEveryTaskOnce() throws Exception {
    String manifests = Pipeline.resource("scaling.yaml");
    List<String> apps = applications();
    Map<String, String> ops = new LinkedHashMap<>();
    for (String app : apps) {
      ops.put(app, pipeline.sync(app, app, manifests, SyncOptions.defaults()));
    }
    for (Map.Entry<String, String> op : ops.entrySet()) {
      OperationUpdated done = pipeline.awaitCompleted(op.getValue(), TIMEOUT);
      assertThat(done.phase()).as(op.getKey() + ": " + done.message() + " / " + pipeline.logs())
          .isEqualTo(OperationPhase.Succeeded);
    }

    // a runner counts a wave's tasks after publishing its answer, so the last counts may trail
    // the operations' completion by a moment
    int expected = APPS * SYNC_TASKS_PER_APP;
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() ->
        sync(appliedByPhase(SYNC_A)) + sync(appliedByPhase(SYNC_B)) >= expected);
    Map<String, Double> a = appliedByPhase(SYNC_A);
    Map<String, Double> b = appliedByPhase(SYNC_B);
    Map<String, Double> hooks = appliedByPhase(HOOKS);
    System.out.println("tasks applied per runner and phase: " + SYNC_A + " " + a + ", "
        + SYNC_B + " " + b + ", " + HOOKS + " " + hooks);
    assertThat(sync(a)).as(SYNC_A + " Sync tasks").isPositive();
    assertThat(sync(b)).as(SYNC_B + " Sync tasks").isPositive();
    assertThat(sync(a) + sync(b)).as("Sync tasks over both runners").isEqualTo((double) expected);
    assertThat(sync(hooks)).as(HOOKS + " Sync tasks").isZero();
    assertThat(a.keySet()).as(SYNC_A + " phases").containsOnly("Sync");
    assertThat(b.keySet()).as(SYNC_B + " phases").containsOnly("Sync");
    assertThat(hooks.get("PreSync")).as(HOOKS + " PreSync tasks").isPositive();
    assertThat(hooks.get("PostSync")).as(HOOKS + " PostSync tasks").isPositive();

    // nothing was created twice: one uid per object, and it is the live object's
    for (String app : apps) {
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
          assertThat(pipeline.observedUids(app)).as(app).containsKeys(OBJECTS.toArray(String[]::new)));
      Map<String, List<String>> uids = pipeline.observedUids(app);
      for (String name : OBJECTS) {
        assertThat(uids.get(name)).as(app + "/" + name).hasSize(1);
      }
      assertThat(live(app, "prepare")).isEqualTo(uids.get("prepare").get(0));
      assertThat(live(app, "settings")).isEqualTo(uids.get("settings").get(0));
      assertThat(live(app, "features")).isEqualTo(uids.get("features").get(0));
      assertThat(live(app, "web")).isEqualTo(uids.get("web").get(0));
      assertThat(live(app, "verify")).isEqualTo(uids.get("verify").get(0));
    }
  }

  /** The uid of the live object {@code name} in the application's namespace. */
  private static String live(String app, String name) {
    var k8s = pipeline.k8s();
    HasMetadata obj = switch (name) {
      case "prepare", "verify" -> k8s.batch().v1().jobs().inNamespace(app).withName(name).get();
      case "settings", "features" -> k8s.configMaps().inNamespace(app).withName(name).get();
      case "web" -> k8s.apps().deployments().inNamespace(app).withName(name).get();
      default -> throw new IllegalArgumentException(name);
    };
    assertThat(obj).as(app + "/" + name).isNotNull();
    return obj.getMetadata().getUid();
  }
}
