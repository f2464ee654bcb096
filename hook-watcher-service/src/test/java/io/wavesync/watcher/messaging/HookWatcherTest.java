package io.wavesync.watcher.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.HookCompleted;
import io.wavesync.events.Observation;
import io.wavesync.events.ResourceApplied;
import io.wavesync.events.Topics;
import io.wavesync.events.payload.HealthStatus;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.testsupport.InjectSandbox;
import io.wavesync.testsupport.KafkaTestResource;
import io.wavesync.testsupport.SandboxClusterResource;
import io.wavesync.watcher.domain.WatchKey;
import io.wavesync.watcher.k8s.InformerManager;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
    value = KafkaTestResource.class,
    initArgs = @ResourceArg(name = KafkaTestResource.TOPICS_ARG, value = Topics.OBSERVATIONS))
@WithTestResource(
    value = SandboxClusterResource.class,
    initArgs = @ResourceArg(name = SandboxClusterResource.DEFAULT_DURATION_ARG, value = "300ms"))
class HookWatcherTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String DLQ = Topics.dlq(Topics.OBSERVATIONS);

  private static ObservationTap tap;
  private static KafkaProducer<String, String> producer;

  @InjectSandbox KubernetesClient cluster;
  @Inject WatcherLifecycle lifecycle;
  @Inject InformerManager informers;
  @Inject ObservationPipeline pipeline;

  @BeforeEach
  void connect() {
    if (tap == null) {
      String bootstrap =
          ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
      tap = new ObservationTap(bootstrap, List.of(Topics.OBSERVATIONS, DLQ));
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      producer = new KafkaProducer<>(props);
    }
    await().atMost(WAIT).until(lifecycle::isStarted);
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    if (tap != null) {
      tap.close();
      producer.close();
      tap = null;
    }
  }

  @Test
  void aHookJobIsObservedProgressingThenHealthyWithItsLogsPublishedFirst() throws Exception {
    String ns = namespace("migrate");
    // Suspended until the watcher has seen it running, so the test does not race the simulator.
    Job job =
        cluster
            .batch()
            .v1()
            .jobs()
            .resource(
                hookJob("shop", ns, "migrate", "echo migrating; echo migrated 3 tables", true))
            .create();
    String uid = job.getMetadata().getUid();
    publishApplied(
        "shop", job.getMetadata().getNamespace(), "batch", "Job", job.getMetadata().getName(), uid);

    await().atMost(WAIT).until(() -> hasHealth(uid, HealthStatus.Progressing));
    cluster
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .withName("migrate")
        .edit(
            j -> {
              j.getSpec().setSuspend(false);
              return j;
            });
    await().atMost(WAIT).until(() -> hasHealth(uid, HealthStatus.Healthy));

    List<Observation> seen = tap.about(uid);
    int progressing = indexOf(seen, HealthStatus.Progressing);
    int completed = seen.indexOf(tap.completions(uid).get(0));
    int healthy = indexOf(seen, HealthStatus.Healthy);
    assertThat(progressing).isLessThan(completed);
    assertThat(completed).isLessThan(healthy);

    HookCompleted done = tap.completions(uid).get(0);
    assertThat(done.hookPhase()).isEqualTo(HookPhase.Succeeded);
    assertThat(done.phase()).isEqualTo(SyncPhase.PreSync);
    assertThat(done.operationId()).isEqualTo("op-shop");
    assertThat(done.logTail()).contains("migrating\n", "migrated 3 tables\n");
    assertThat(done.health().status()).isEqualTo(HealthStatus.Healthy);

    HealthObserved last = (HealthObserved) seen.get(healthy);
    assertThat(last.exists()).isTrue();
    assertThat(last.generation()).isPositive();
    assertThat(last.resourceVersion()).isNotBlank();
    assertThat(last.ref()).isEqualTo(new ObjectRef("batch", "v1", "Job", ns, "migrate", uid));
    assertThat(last.object().at("/status/conditions").toString()).contains("Complete");
    assertThat(last.object().at("/metadata").has("managedFields")).isFalse();

    ObservationTap.Seen record = tap.recordOf(done);
    assertThat(record.key()).isEqualTo("shop");
    assertThat(record.headers())
        .containsEntry(CloudEventHeaders.TYPE, "io.wavesync.HookCompleted.v1")
        .containsEntry(CloudEventHeaders.SOURCE, "/wavesync/hook-watcher-service")
        .containsEntry(CloudEventHeaders.SUBJECT, "shop")
        .containsEntry(CloudEventHeaders.ID, done.eventId());
  }

  @Test
  void aFailingHookJobIsDegradedAndCompletesFailedWithItsLogs() {
    String ns = namespace("fail");
    Job job =
        cluster
            .batch()
            .v1()
            .jobs()
            .resource(hookJob("billing", ns, "smoke", "echo checking; echo boom; exit 1", false))
            .create();
    String uid = job.getMetadata().getUid();
    publishApplied("billing", ns, "batch", "Job", "smoke", uid);

    await().atMost(WAIT).until(() -> hasHealth(uid, HealthStatus.Degraded));

    assertThat(tap.completions(uid)).hasSize(1);
    HookCompleted done = tap.completions(uid).get(0);
    assertThat(done.hookPhase()).isEqualTo(HookPhase.Failed);
    assertThat(done.message()).isEqualTo("Job has reached the specified backoff limit");
    assertThat(done.logTail()).contains("boom\n", "exited with code 1");
    List<Observation> seen = tap.about(uid);
    assertThat(seen.indexOf(done)).isLessThan(indexOf(seen, HealthStatus.Degraded));
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(matchesPattern("(?s).*wavesync_hook_completions_total\\{result=\"Failed\"} [1-9].*"));
  }

  @Test
  void aDeletedObjectIsObservedGoneOnce() {
    String ns = namespace("delete");
    ConfigMap cm = cluster.configMaps().resource(configMap("web", ns, "settings")).create();
    String uid = cm.getMetadata().getUid();
    publishApplied("web", ns, "", "ConfigMap", "settings", uid);
    await().atMost(WAIT).until(() -> !tap.health(uid).isEmpty());
    HealthObserved present = tap.health(uid).get(0);
    assertThat(present.health()).isNull();
    assertThat(present.object().has("data")).isFalse();

    cluster.configMaps().inNamespace(ns).withName("settings").delete();
    await().atMost(WAIT).until(() -> tap.health(uid).stream().anyMatch(h -> !h.exists()));
    // the informer handing the same deletion over again must not publish it twice
    pipeline.deleted(json(cm));
    pipeline.drain();
    flush();

    assertThat(tap.health(uid).stream().filter(h -> !h.exists())).hasSize(1);
    HealthObserved gone = tap.health(uid).stream().filter(h -> !h.exists()).findFirst().get();
    assertThat(gone.ref().uid()).isEqualTo(uid);
    assertThat(gone.application()).isEqualTo("web");
  }

  @Test
  void theSameInformerUpdateTwiceYieldsOneObservation() {
    String ns = namespace("dedupe");
    ConfigMap cm = cluster.configMaps().resource(configMap("cache", ns, "flags")).create();
    String uid = cm.getMetadata().getUid();
    publishApplied("cache", ns, "", "ConfigMap", "flags", uid);
    await().atMost(WAIT).until(() -> !tap.health(uid).isEmpty());

    ConfigMap edited = annotateFlags(ns, "2");
    String version = edited.getMetadata().getResourceVersion();
    await()
        .atMost(WAIT)
        .until(() -> tap.health(uid).stream().anyMatch(h -> version.equals(h.resourceVersion())));

    ObjectNode update = json(edited);
    pipeline.changed(update);
    pipeline.changed(update);
    pipeline.drain();
    // a later real change is published after anything the duplicates could have produced
    ConfigMap again = annotateFlags(ns, "3");
    String later = again.getMetadata().getResourceVersion();
    await()
        .atMost(WAIT)
        .until(() -> tap.health(uid).stream().anyMatch(h -> later.equals(h.resourceVersion())));

    assertThat(tap.health(uid).stream().filter(h -> version.equals(h.resourceVersion())))
        .hasSize(1);
    assertThat(tap.health(uid).stream().map(HealthObserved::resourceVersion).distinct())
        .hasSameSizeAs(tap.health(uid));
  }

  @Test
  void aRestartRelistsAndPublishesTheCurrentStateWithoutReportingAHookTwice() throws Exception {
    String ns = namespace("restart");
    Job first =
        cluster
            .batch()
            .v1()
            .jobs()
            .resource(hookJob("orders", ns, "backup", "echo first backup", false))
            .create();
    String firstUid = first.getMetadata().getUid();
    publishApplied("orders", ns, "batch", "Job", "backup", firstUid);
    await().atMost(WAIT).until(() -> hasHealth(firstUid, HealthStatus.Healthy));
    assertThat(tap.completions(firstUid)).hasSize(1);

    lifecycle.stop();
    assertThat(informers.informerCount()).isZero();
    // a hook that runs and finishes while nobody watches
    Job second =
        cluster
            .batch()
            .v1()
            .jobs()
            .resource(
                hookJob("orders", ns, "notify", "echo sent while the watcher was down", false))
            .create();
    String secondUid = second.getMetadata().getUid();
    await().atMost(WAIT).until(() -> isComplete(ns, "notify"));
    int healthyBefore = healthyCount(firstUid);

    lifecycle.start();

    assertThat(informers.watched()).contains(new WatchKey("batch", "v1", "Job", ns));
    await().atMost(WAIT).until(() -> hasHealth(secondUid, HealthStatus.Healthy));
    HookCompleted missed = tap.completions(secondUid).get(0);
    assertThat(missed.logTail()).contains("sent while the watcher was down");
    List<Observation> seen = tap.about(secondUid);
    assertThat(seen.indexOf(missed)).isLessThan(indexOf(seen, HealthStatus.Healthy));
    // the relist publishes the current state of the first hook again, and it is a HookCompleted
    // would have come before that observation on the same lane and partition
    await().atMost(WAIT).until(() -> healthyCount(firstUid) > healthyBefore);
    assertThat(tap.completions(firstUid)).hasSize(1);
  }

  @Test
  void aMalformedRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
    send(new ProducerRecord<>(Topics.OBSERVATIONS, "broken", "{not an event"));

    await()
        .atMost(WAIT)
        .until(() -> tap.records(DLQ).stream().anyMatch(r -> "broken".equals(r.key())));
    ObservationTap.Seen dead =
        tap.records(DLQ).stream().filter(r -> "broken".equals(r.key())).findFirst().get();
    assertThat(dead.value()).isEqualTo("{not an event");
    assertThat(dead.headers().get(CloudEventHeaders.DLQ_REASON)).startsWith("payload is not JSON");
    assertThat(dead.headers()).containsKey("dead-letter-reason");

    String ns = namespace("after-dlq");
    ConfigMap cm = cluster.configMaps().resource(configMap("later", ns, "after")).create();
    publishApplied("later", ns, "", "ConfigMap", "after", cm.getMetadata().getUid());
    await().atMost(WAIT).until(() -> !tap.health(cm.getMetadata().getUid()).isEmpty());
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            matchesPattern(
                "(?s).*wavesync_events_dlq_total\\{service=\"hook-watcher-service\","
                    + "topic=\"wavesync.observations\"} [1-9].*"));
  }

  @Test
  void exposesReadinessAndTheWatcherMetrics() {
    String ns = namespace("metrics");
    ConfigMap cm = cluster.configMaps().resource(configMap("metered", ns, "m")).create();
    publishApplied("metered", ns, "", "ConfigMap", "m", cm.getMetadata().getUid());
    await().atMost(WAIT).until(() -> !tap.health(cm.getMetadata().getUid()).isEmpty());

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body(containsString("hook-watcher"), containsString("kubernetes-api")));
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            containsString("wavesync_watcher_informers"),
            containsString("wavesync_events_consumed_total{service=\"hook-watcher-service\""),
            containsString("wavesync_events_failed_total{service=\"hook-watcher-service\""),
            containsString("wavesync_events_dlq_total{service=\"hook-watcher-service\""),
            containsString("wavesync_hook_completions_total{result=\"Succeeded\"}"),
            containsString(
                "wavesync_observations_emitted_total{kind=\"ConfigMap\",type=\"HealthObserved\"}"));
  }

  // ---------------------------------------------------------------------------------------------

  private String namespace(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    cluster
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  private static Job hookJob(String app, String ns, String name, String script, boolean suspend) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .withLabels(labels(app))
        .addToAnnotations("argocd.argoproj.io/hook", "PreSync")
        .addToAnnotations("wavesync.io/operation", "op-" + app)
        .endMetadata()
        .withNewSpec()
        .withSuspend(suspend)
        .withBackoffLimit(0)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("main")
        .withImage("busybox:1.36")
        .withCommand("sh", "-c", script)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static ConfigMap configMap(String app, String ns, String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .withLabels(labels(app))
        .addToAnnotations("wavesync.io/operation", "op-" + app)
        .endMetadata()
        .addToData("password", "secret")
        .build();
  }

  private static Map<String, String> labels(String app) {
    return Map.of(
        "wavesync.io/application",
        app,
        "app.kubernetes.io/managed-by",
        "wavesync",
        "app.kubernetes.io/instance",
        app);
  }

  /** Publishes what a phase runner publishes after applying an object. */
  private static void publishApplied(
      String app, String ns, String group, String kind, String name, String uid) {
    ObjectRef ref = new ObjectRef(group, "v1", kind, ns, name, uid);
    ResourceApplied applied =
        ResourceApplied.of(
            app,
            "op-" + app,
            "cmd-1",
            SyncPhase.PreSync,
            0,
            ref,
            1,
            "1",
            ResultCode.Synced,
            kind.toLowerCase() + "/" + name + " created",
            true,
            false);
    ProducerRecord<String, String> record =
        new ProducerRecord<>(Topics.OBSERVATIONS, app, EventJson.serializeToString(applied));
    CloudEventHeaders.headers(applied, "/wavesync/test")
        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    send(record);
  }

  /** Returns once the tap has read everything published so far (one partition: in order). */
  private static void flush() {
    ObjectRef ref =
        new ObjectRef("", "v1", "ConfigMap", "none", "marker", UUID.randomUUID().toString());
    HealthObserved marker =
        HealthObserved.of("tap-marker", null, ref, true, 0, null, null, List.of(), null, null, "1");
    send(
        new ProducerRecord<>(
            Topics.OBSERVATIONS, marker.application(), EventJson.serializeToString(marker)));
    await().atMost(WAIT).until(() -> !tap.health(ref.uid()).isEmpty());
  }

  private static void send(ProducerRecord<String, String> record) {
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode json(Object object) {
    return cluster
        .getKubernetesSerialization()
        .convertValue(
            cluster
                .getKubernetesSerialization()
                .convertValue(object, GenericKubernetesResource.class),
            ObjectNode.class);
  }

  private boolean isComplete(String ns, String name) {
    Job job = cluster.batch().v1().jobs().inNamespace(ns).withName(name).get();
    return job != null
        && job.getStatus() != null
        && job.getStatus().getConditions() != null
        && job.getStatus().getConditions().stream().anyMatch(c -> "Complete".equals(c.getType()));
  }

  private static boolean hasHealth(String uid, HealthStatus status) {
    return tap.health(uid).stream()
        .anyMatch(h -> h.health() != null && h.health().status() == status);
  }

  private static int healthyCount(String uid) {
    return (int)
        tap.health(uid).stream()
            .filter(h -> h.health() != null && h.health().status() == HealthStatus.Healthy)
            .count();
  }

  private static int indexOf(List<Observation> seen, HealthStatus status) {
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i) instanceof HealthObserved h
          && h.health() != null
          && h.health().status() == status) {
        return i;
      }
    }
    return -1;
  }

  /** Changes the {@code flags} ConfigMap in {@code ns}: a new resource version to observe. */
  ConfigMap annotateFlags(String ns, String step) {
    return cluster
        .configMaps()
        .inNamespace(ns)
        .withName("flags")
        .edit(
            c ->
                new ConfigMapBuilder(c)
                    .editMetadata()
                    .addToAnnotations("step", step)
                    .endMetadata()
                    .build());
  }
}
