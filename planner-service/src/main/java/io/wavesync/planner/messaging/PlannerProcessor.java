package io.wavesync.planner.messaging;

import io.wavesync.events.CleanupCompleted;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventDecodingException;
import io.wavesync.events.EventJson;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.HookCompleted;
import io.wavesync.events.Observation;
import io.wavesync.events.SyncRequestEvent;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.TerminateRequested;
import io.wavesync.events.Topics;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.WavesyncEvent;
import io.wavesync.planner.domain.AppRecord;
import io.wavesync.planner.domain.PlannerCore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * The Kafka Streams processor of the planner: decodes requests and observations, hands them to
 * {@link PlannerCore} with the application's record from the state store, saves the record and
 * forwards the commands and operation updates. A wall-clock punctuator drives timers.
 */
public final class PlannerProcessor implements Processor<String, byte[], String, byte[]> {

  private static final Logger LOG = Logger.getLogger(PlannerProcessor.class);

  public static final String APPS_STORE = "planner-apps";
  public static final String ACTIVE_STORE = "planner-active";
  public static final String DLQ_REASON = io.wavesync.events.CloudEventHeaders.DLQ_REASON;

  private final PlannerCore core;
  private final Settings settings;
  private final PlannerMetrics metrics;
  private final PlannerTracing tracing;
  private ProcessorContext<String, byte[]> ctx;
  private KeyValueStore<String, byte[]> apps;
  private KeyValueStore<String, byte[]> active;

  /** What the processor needs from configuration. */
  public record Settings(String fieldManager, Duration tick, int maxRequestBytes, String source) {}

  public PlannerProcessor(PlannerCore core, Settings settings, PlannerMetrics metrics) {
    this(core, settings, metrics, PlannerTracing.NONE);
  }

  public PlannerProcessor(PlannerCore core, Settings settings, PlannerMetrics metrics,
      PlannerTracing tracing) {
    this.core = core;
    this.settings = settings;
    this.metrics = metrics;
    this.tracing = tracing;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.ctx = context;
    this.apps = context.getStateStore(APPS_STORE);
    this.active = context.getStateStore(ACTIVE_STORE);
    context.schedule(settings.tick(), PunctuationType.WALL_CLOCK_TIME, this::tick);
  }

  /** Timestamp of the record being processed; 0 inside a punctuation. */
  private long currentTimestamp;

  @Override
  public void process(Record<String, byte[]> record) {
    currentTimestamp = record.timestamp();
    String topic = ctx.recordMetadata().map(m -> m.topic()).orElse("");
    metrics.consumed(topic);
    // the input's span continues the trace of its traceparent header; every record it causes
    // carries the span's context
    PlannerTracing.Handling span = tracing.handling(record.headers(), topic, record.key());
    try {
      if (Topics.SYNC_REQUESTS.equals(topic)) {
        onRequest(record);
      } else {
        onObservation(record, topic);
      }
    } catch (RuntimeException e) {
      // a record that breaks the planner must not stop it: park it with the reason
      span.failed(e);
      LOG.errorf(e, "failed to process record of %s with key %s", topic, record.key());
      metrics.failed(topic);
      deadLetter(record, topic, e.toString());
    } finally {
      span.close();
    }
  }

  private void onRequest(Record<String, byte[]> record) {
    String app = record.key();
    byte[] value = record.value();
    if (value != null && value.length > settings.maxRequestBytes()) {
      reject(record, app, operationIdOf(value), "sync request is " + value.length
          + " bytes, over the limit of " + settings.maxRequestBytes() + " bytes");
      return;
    }
    SyncRequestEvent event;
    try {
      event = EventJson.deserialize(value, SyncRequestEvent.class);
    } catch (EventDecodingException e) {
      reject(record, app, operationIdOf(value), "invalid sync request: " + e.getMessage());
      return;
    }
    tracing.named(event.eventType());
    if (app == null || !app.equals(event.application())) {
      // the key decides the partition and so the single writer: it must name the application
      reject(record, event.application(), operationIdOf(value),
          "invalid sync request: record key '" + app + "' does not match application '"
              + event.application() + "'");
      return;
    }
    if (event instanceof SyncRequested s) {
      apply(app, new PlannerCore.StartSync(EventMapper.request(s)));
    } else if (event instanceof TerminateRequested t) {
      apply(app, new PlannerCore.Terminate(t.operationId()));
    }
  }

  private void reject(Record<String, byte[]> record, String app, String operationId, String why) {
    metrics.failed(Topics.SYNC_REQUESTS);
    deadLetter(record, Topics.SYNC_REQUESTS, why);
    if (app != null && !app.isBlank()) {
      String opId = operationId != null ? operationId : java.util.UUID.randomUUID().toString();
      apply(app, new PlannerCore.Rejected(opId, why));
    }
  }

  private static String operationIdOf(byte[] value) {
    try {
      return EventJson.newMapper().readTree(value).path("operationId").textValue();
    } catch (Exception e) {
      return null;
    }
  }

  private void onObservation(Record<String, byte[]> record, String topic) {
    Observation event;
    try {
      event = EventJson.deserialize(record.value(), Observation.class);
    } catch (EventDecodingException e) {
      metrics.failed(topic);
      deadLetter(record, topic, e.getMessage());
      return;
    }
    tracing.named(event.eventType());
    String app = event.application();
    PlannerCore.Input input;
    if (event instanceof WaveApplied w) {
      input = EventMapper.answer(w);
    } else if (event instanceof CleanupCompleted c) {
      input = EventMapper.answer(c);
    } else if (event instanceof HealthObserved h) {
      input = EventMapper.observed(h);
    } else if (event instanceof HookCompleted h) {
      input = new PlannerCore.HookLogs(EventMapper.key(h.ref()).toString(), h.ref().uid(), h.logTail());
    } else {
      return; // per-resource apply and delete reports are for people and dashboards
    }
    if (apps.get(app) == null && !(input instanceof PlannerCore.Observed)) {
      return;
    }
    apply(app, input);
  }

  private void tick(long wallClock) {
    currentTimestamp = 0;
    Instant now = Instant.ofEpochMilli(wallClock);
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = active.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        // the value is when a tick can next change anything (empty: unknown, tick it)
        if (kv.value == null || kv.value.length != Long.BYTES
            || java.nio.ByteBuffer.wrap(kv.value).getLong() <= wallClock) {
          keys.add(kv.key);
        }
      }
    }
    for (String app : keys) {
      try {
        apply(app, new PlannerCore.Tick(), now);
      } catch (RuntimeException e) {
        LOG.errorf(e, "timer of application %s failed", app);
      }
    }
  }

  private void apply(String app, PlannerCore.Input input) {
    Instant now = Instant.ofEpochMilli(ctx.currentSystemTimeMs());
    Instant produced = ctx.recordMetadata().isPresent() && currentTimestamp > 0
        ? Instant.ofEpochMilli(currentTimestamp) : now;
    apply(app, input, now, produced);
  }

  private void apply(String app, PlannerCore.Input input, Instant now) {
    apply(app, input, now, now);
  }

  private void apply(String app, PlannerCore.Input input, Instant now, Instant produced) {
    org.jboss.logging.MDC.put("application", app);
    try {
      applyLogged(app, input, now, produced);
    } finally {
      org.jboss.logging.MDC.remove("application");
      org.jboss.logging.MDC.remove("operationId");
    }
  }

  private void applyLogged(String app, PlannerCore.Input input, Instant now, Instant produced) {
    byte[] stored = apps.get(app);
    AppRecord before = AppRecordSerde.read(stored);
    if (before != null && before.request != null) {
      // every log line about this input names the application and its operation
      org.jboss.logging.MDC.put("operationId", before.request.operationId());
    }
    if (input instanceof PlannerCore.StartSync start) {
      org.jboss.logging.MDC.put("operationId", start.request().operationId());
    }
    io.wavesync.engine.sync.OperationState previous = before == null ? null : before.state;
    String previousOp = before == null || before.request == null ? null : before.request.operationId();
    long started = System.nanoTime();
    PlannerCore.Result result = core.handle(before, app, input, now, produced);
    metrics.handled(input, System.nanoTime() - started);
    AppRecord rec = result.record();
    // map every output before saving: a record that cannot be mapped must not leave a state
    // saved without the commands it implies
    List<Outgoing> outgoing = new ArrayList<>();
    for (PlannerCore.Output out : result.outputs()) {
      outgoing.addAll(map(app, out, rec, now));
    }
    // an input that changed nothing (most timer ticks, repeated observations) writes nothing:
    // every write is a changelog record
    byte[] written = AppRecordSerde.write(rec);
    if (stored == null || !java.util.Arrays.equals(stored, written)) {
      apps.put(app, written);
    }
    byte[] wasActive = active.get(app);
    if (rec.active()) {
      Instant next = core.nextTick(rec);
      byte[] due = java.nio.ByteBuffer.allocate(Long.BYTES)
          .putLong(next == null ? Long.MAX_VALUE : next.toEpochMilli()).array();
      if (!java.util.Arrays.equals(wasActive, due)) {
        active.put(app, due);
      }
    } else if (wasActive != null) {
      active.delete(app);
    }
    metrics.transitions(previousOp, previous, rec, now);
    logTransition(previousOp, previous, rec);
    metrics.inFlight(app, rec.active());
    metrics.runningHooks(rec, core::hookTimeout);
    // an input's span is current here; a timer's step that sends something gets a span of its
    // own, in the trace of the application's last input
    try (PlannerTracing.Handling timer = outgoing.isEmpty() ? PlannerTracing.Handling.NONE
        : tracing.timer(app)) {
      if (rec.request != null) {
        tracing.operation(rec.request.operationId());
      }
      for (Outgoing o : outgoing) {
        send(o.topic(), app, o.event());
      }
    }
    tracing.remember(app, rec.active());
  }

  // one line when an operation starts and one when it ends, with the application and operation
  // in the MDC like every line about an input
  private static void logTransition(String previousOp, io.wavesync.engine.sync.OperationState previous,
      AppRecord rec) {
    if (rec.request == null || rec.state == null) {
      return;
    }
    boolean sameOp = rec.request.operationId().equals(previousOp);
    if (!sameOp && !rec.state.phase().isCompleted()) {
      LOG.info("operation started");
    }
    if (rec.state.phase().isCompleted()
        && (!sameOp || previous == null || !previous.phase().isCompleted())) {
      LOG.infof("operation %s: %s", rec.state.phase(), rec.state.message());
    }
  }

  private record Outgoing(String topic, WavesyncEvent event) {}

  private List<Outgoing> map(String app, PlannerCore.Output out, AppRecord rec, Instant now) {
    if (out instanceof PlannerCore.SendRunTasks c) {
      var wave = EventMapper.wave(app, c, settings.fieldManager());
      metrics.command("wave", wave.phase().name());
      if (c.request().purpose() == io.wavesync.engine.sync.RunTasksRequest.Purpose.STEP
          && c.triggeredAt() != null) {
        metrics.waveTransition(wave.phase().name(), java.time.Duration.between(c.triggeredAt(), now));
      }
      return List.of(new Outgoing(Topics.waveTopic(wave.phase()), wave));
    }
    if (out instanceof PlannerCore.SendCleanup c) {
      metrics.command("cleanup", c.kind().name());
      return List.of(new Outgoing(Topics.CLEANUP, EventMapper.cleanup(app, c, settings.fieldManager())));
    }
    if (out instanceof PlannerCore.Publish p) {
      var update = EventMapper.operation(p.record());
      metrics.operation(update);
      return List.of(new Outgoing(Topics.OPERATIONS, update));
    }
    PlannerCore.Refused r = (PlannerCore.Refused) out;
    List<Outgoing> list = new ArrayList<>();
    list.add(new Outgoing(Topics.OPERATIONS, EventMapper.refused(app, r.request(), r.message(), now)));
    if (rec.request != null && rec.state != null) {
      // keep the compacted topic's latest value for the application on the running operation
      list.add(new Outgoing(Topics.OPERATIONS, EventMapper.operation(rec)));
    }
    return list;
  }

  private void send(String topic, String key, WavesyncEvent event) {
    RecordHeaders headers = new RecordHeaders();
    for (Map.Entry<String, String> h : CloudEventHeaders.headers(event, settings.source()).entrySet()) {
      headers.add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
    }
    tracing.inject(headers);
    ctx.forward(new Record<>(key, EventJson.serialize(event), ctx.currentSystemTimeMs(), headers),
        PlannerTopology.sinkFor(topic));
  }

  private void deadLetter(Record<String, byte[]> record, String topic, String reason) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.add(DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
    ctx.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers),
        PlannerTopology.sinkFor(Topics.dlq(topic)));
    metrics.deadLettered(topic);
  }
}
