package io.wavesync.cli;

import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.SyncRequestEvent;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.TerminateRequested;
import io.wavesync.events.Topics;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.ResourceResultView;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.SyncPhase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the planner for the command's tests: answers every sync request with a realistic
 * sequence of operation updates on {@value Topics#OPERATIONS}, chosen by the application name's
 * prefix, and records every request it receives.
 *
 * <table>
 *   <tr><td>{@code fail-}</td><td>the migration hook fails, SyncFail runs, Failed</td></tr>
 *   <tr><td>{@code error-}</td><td>Error at once (the planner could not use the request)</td></tr>
 *   <tr><td>{@code refused-}</td><td>another operation runs: the request is refused</td></tr>
 *   <tr><td>{@code slow-}</td><td>a hook runs until a terminate request stops the operation</td></tr>
 *   <tr><td>{@code running-}</td><td>Running, and stays so</td></tr>
 *   <tr><td>anything else</td><td>PreSync, Sync and PostSync pass: Succeeded</td></tr>
 * </table>
 */
final class StandInPlanner implements AutoCloseable {

  /** The start of every operation, so that the JSON the tests compare is fixed. */
  static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

  static final Instant FINISHED = Instant.parse("2026-03-01T10:00:07Z");

  static final String MIGRATION_LOG = """
      [sandbox] started container migrate (image busybox:1.36)
      [sandbox] command: sh -c 'echo Running migrations; sleep 1; echo Migration 0042 failed >&2; exit 1'
      Running migrations
      Migration 0042 failed
      [sandbox] container migrate exited with code 1 (Error)
      """;

  /** A request as it arrived: record key, headers, event. */
  record Received(String key, Map<String, String> headers, SyncRequestEvent event) {}

  private static final Duration STEP = Duration.ofMillis(60);

  private final String bootstrapServers;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  /** Operations of the {@code slow-} scenario waiting to be terminated, by application. */
  private final Map<String, String> terminable = new ConcurrentHashMap<>();
  private final ExecutorService plays = Executors.newCachedThreadPool();
  private KafkaConsumer<String, String> consumer;
  private KafkaProducer<String, String> producer;
  private Thread loop;
  private volatile boolean running = true;

  StandInPlanner(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  void start() {
    Properties pp = new Properties();
    pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    pp.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producer = new KafkaProducer<>(pp);

    Properties cp = new Properties();
    cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(cp);
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.SYNC_REQUESTS).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);

    loop = new Thread(this::run, "stand-in-planner");
    loop.setDaemon(true);
    loop.start();
  }

  /** Every request received for {@code application}, in order. */
  List<Received> requests(String application) {
    return received.stream().filter(r -> application.equals(r.key())).toList();
  }

  @Override
  public void close() {
    running = false;
    plays.shutdownNow();
    try {
      loop.join(5000);
      plays.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }

  private void run() {
    try (KafkaConsumer<String, String> c = consumer) {
      while (running) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
          Map<String, String> headers = new LinkedHashMap<>();
          for (Header h : r.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
          }
          SyncRequestEvent event = EventJson.deserialize(r.value(), SyncRequestEvent.class);
          received.add(new Received(r.key(), headers, event));
          if (event instanceof SyncRequested s) {
            plays.submit(() -> play(s));
          } else if (event instanceof TerminateRequested t) {
            terminate(t);
          }
        }
      }
    }
  }

  private void play(SyncRequested s) {
    String app = s.application();
    String op = s.operationId();
    if (app.startsWith("fail-")) {
      publish(update(s, OperationPhase.Running, "waiting for completion of hook batch/Job/backup-database",
          SyncPhase.PreSync, -5L, backup(HookPhase.Running)));
      publish(update(s, OperationPhase.Running, "waiting for completion of hook batch/Job/db-migrate",
          SyncPhase.PreSync, 0L, backup(HookPhase.Succeeded), migrate(HookPhase.Running)));
      publish(update(s, OperationPhase.Running, "waiting for completion of hook batch/Job/notify-failure",
          SyncPhase.SyncFail, 0L, backup(HookPhase.Succeeded), migrate(HookPhase.Failed),
          notifyFailure(HookPhase.Running)));
      publish(update(s, OperationPhase.Failed, "one or more synchronization tasks completed"
          + " unsuccessfully, reason: Job has reached the specified backoff limit", null, null,
          backup(HookPhase.Succeeded), migrate(HookPhase.Failed), notifyFailure(HookPhase.Succeeded)));
    } else if (app.startsWith("error-")) {
      publish(update(s, OperationPhase.Error, "invalid manifests: request " + op
          + ": document 3 (line 1): kind is missing", null, null));
    } else if (app.startsWith("refused-")) {
      SyncRequested other = SyncRequested.of(app, UUID.randomUUID().toString(), "someone@else",
          null, "default", s.manifests(), s.options());
      publish(update(other, OperationPhase.Running, "waiting for completion of hook"
          + " batch/Job/backup-database", SyncPhase.PreSync, -5L, backup(HookPhase.Running)));
      publish(update(s, OperationPhase.Error, "another operation is already in progress", null,
          null));
      publish(update(other, OperationPhase.Running, "waiting for completion of hook"
          + " batch/Job/backup-database", SyncPhase.PreSync, -5L, backup(HookPhase.Running)));
    } else if (app.startsWith("slow-")) {
      terminable.put(app, op);
      publish(update(s, OperationPhase.Running, "waiting for completion of hook batch/Job/db-migrate",
          SyncPhase.PreSync, 0L, backup(HookPhase.Succeeded), migrate(HookPhase.Running)));
    } else if (app.startsWith("running-")) {
      publish(update(s, OperationPhase.Running, "waiting for completion of hook"
          + " batch/Job/backup-database", SyncPhase.PreSync, -5L, backup(HookPhase.Running)));
    } else {
      publish(update(s, OperationPhase.Running, "waiting for completion of hook batch/Job/backup-database",
          SyncPhase.PreSync, -5L, backup(HookPhase.Running)));
      publish(update(s, OperationPhase.Running, "waiting for healthy state of apps/Deployment/myapp",
          SyncPhase.Sync, 0L, backup(HookPhase.Succeeded), deployment(HookPhase.Running)));
      publish(update(s, OperationPhase.Running, "waiting for completion of hook batch/Job/smoke-test",
          SyncPhase.PostSync, 0L, backup(HookPhase.Succeeded), deployment(HookPhase.Succeeded),
          smokeTest(HookPhase.Running)));
      publish(update(s, OperationPhase.Succeeded, "successfully synced (no more tasks)", null, null,
          backup(HookPhase.Succeeded), deployment(HookPhase.Succeeded),
          smokeTest(HookPhase.Succeeded)));
    }
  }

  private void terminate(TerminateRequested t) {
    String op = terminable.get(t.application());
    if (op == null || (t.operationId() != null && !t.operationId().equals(op))) {
      return;
    }
    terminable.remove(t.application());
    SyncRequested s = (SyncRequested) requests(t.application()).stream()
        .map(Received::event)
        .filter(e -> e instanceof SyncRequested r && r.operationId().equals(op))
        .findFirst()
        .orElseThrow();
    plays.submit(() -> {
      publish(update(s, OperationPhase.Terminating, "Operation terminating", SyncPhase.PreSync, 0L,
          backup(HookPhase.Succeeded), migrate(HookPhase.Running)));
      publish(update(s, OperationPhase.Failed, "Operation terminated", null, null,
          backup(HookPhase.Succeeded), migrate(HookPhase.Failed)));
    });
  }

  private static OperationUpdated update(SyncRequested s, OperationPhase phase, String message,
      SyncPhase currentPhase, Long currentWave, ResourceResultView... resources) {
    return OperationUpdated.of(s.application(), s.operationId(), phase, message, s.revision(),
        s.options().dryRun(), STARTED, phase.isCompleted() ? FINISHED : null, 0, currentPhase,
        currentWave, null, List.of(resources));
  }

  private void publish(OperationUpdated u) {
    try {
      Thread.sleep(STEP.toMillis());
      RecordHeaders headers = new RecordHeaders();
      CloudEventHeaders.headers(u, CloudEventHeaders.source("planner-service"))
          .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(new ProducerRecord<>(Topics.OPERATIONS, null, u.application(),
          EventJson.serializeToString(u), headers)).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish " + u, e);
    }
  }

  private static ResourceResultView job(String name, SyncPhase phase, long wave, HookPhase state,
      String runningMessage, String doneMessage, String logTail) {
    return new ResourceResultView("batch", "v1", "Job", "hooks-demo", name,
        ResultCode.Synced, state == HookPhase.Running ? runningMessage : doneMessage,
        phase.name(), state, phase, wave, state == HookPhase.Failed ? logTail : null,
        List.of("busybox:1.36"));
  }

  static ResourceResultView backup(HookPhase state) {
    return job("backup-database", SyncPhase.PreSync, -5, state, "job is running", "job completed",
        null);
  }

  static ResourceResultView migrate(HookPhase state) {
    return job("db-migrate", SyncPhase.PreSync, 0, state, "job is running",
        state == HookPhase.Failed ? "Job has reached the specified backoff limit" : "job completed",
        MIGRATION_LOG);
  }

  static ResourceResultView notifyFailure(HookPhase state) {
    return job("notify-failure", SyncPhase.SyncFail, 0, state, "job is running", "job completed",
        null);
  }

  static ResourceResultView smokeTest(HookPhase state) {
    return job("smoke-test", SyncPhase.PostSync, 0, state, "job is running", "job completed", null);
  }

  static ResourceResultView deployment(HookPhase state) {
    return new ResourceResultView("apps", "v1", "Deployment", "hooks-demo", "myapp",
        ResultCode.Synced, state == HookPhase.Running
            ? "Waiting for rollout to finish: 0 of 2 updated replicas are available..."
            : "deployment.apps/myapp created",
        null, state, SyncPhase.Sync, 0, null, List.of("nginx:1.27"));
  }
}
