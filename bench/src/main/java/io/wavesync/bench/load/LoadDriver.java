package io.wavesync.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.wavesync.events.CloudEventHeaders;
import io.wavesync.events.EventJson;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.Topics;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.events.payload.SyncStrategy;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Drives sync load through the local stack ({@code deploy/local/up.sh --no-demo}) by publishing
 * sync requests on Kafka, and reports wave-transition overhead, throughput, Kafka records per sync,
 * the processes' CPU time and memory, and the Kafka hop floor on the same broker. See {@code
 * bench/README.md}.
 */
@Command(
    name = "load-driver",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Publishes sync requests for N applications at a fixed rate against the local wavesync"
          + " stack and measures the pipeline. Modes: hooks (K waves in PreSync, Sync and"
          + " PostSync, hook Jobs in every phase, a SyncFail hook that does not run), trivial (one"
          + " ConfigMap, no hooks), idle (only the processes' memory and the Kafka floor).",
      ""
    })
public final class LoadDriver implements Callable<Integer> {

  enum Mode { hooks, trivial, idle }

  @Option(names = "--mode", defaultValue = "hooks", description = "hooks, trivial or idle (default: ${DEFAULT-VALUE}).")
  Mode mode;

  @Option(names = "--apps", defaultValue = "50", paramLabel = "N",
      description = "Applications; each has at most one sync running (default: ${DEFAULT-VALUE}).")
  int apps;

  @Option(names = "--waves", defaultValue = "3", paramLabel = "K",
      description = "Waves per phase in hooks mode (default: ${DEFAULT-VALUE}).")
  int waves;

  @Option(names = "--rate", defaultValue = "10", paramLabel = "R",
      description = "Sync requests per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS",
      description = "Measured time in seconds (default: ${DEFAULT-VALUE}).")
  double duration;

  @Option(names = "--warmup", defaultValue = "15", paramLabel = "SECONDS",
      description = "Load before the measurement, not counted (default: ${DEFAULT-VALUE}).")
  double warmup;

  @Option(names = "--drain-timeout", defaultValue = "120", paramLabel = "SECONDS",
      description = "How long to wait for running syncs after the load stops (default: ${DEFAULT-VALUE}).")
  double drainTimeout;

  @Option(names = "--namespace", defaultValue = "wavesync-bench",
      description = "Destination namespace of every application (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--app-prefix",
      description = "Application names are <prefix>-<mode>-<i> (default: b<random>, new"
          + " applications every run, so that no operation of an earlier run is in the way).")
  String appPrefix;

  @Option(names = "--bootstrap-server", defaultValue = "127.0.0.1:9092",
      description = "Kafka (default: ${DEFAULT-VALUE}).")
  String bootstrap;

  @Option(names = "--planner-metrics", defaultValue = "http://127.0.0.1:8081/q/metrics",
      description = "The planner's Prometheus endpoint (default: ${DEFAULT-VALUE}).")
  String plannerMetrics;

  @Option(names = "--pids", defaultValue = ".local/pids",
      description = "Directory of the local stack's pid files (default: ${DEFAULT-VALUE}).")
  Path pidsDir;

  @Option(names = "--floor-samples", defaultValue = "300",
      description = "Kafka hops measured for the floor, idle and again during the load (default: ${DEFAULT-VALUE}).")
  int floorSamples;

  @Option(names = "--floor-record-bytes", defaultValue = "1500",
      description = "Size of a floor probe record, about that of an observation (default: ${DEFAULT-VALUE}).")
  int floorRecordBytes;

  @Option(names = "--out", paramLabel = "FILE",
      description = "JSON report (default: bench/target/load-<mode>-<time>.json).")
  Path out;

  @Option(names = "--timeline", paramLabel = "FILE",
      description = "Also write every command and observation seen, as CSV, to FILE.")
  Path timelineFile;

  @Option(names = "--label", defaultValue = "", description = "Free text stored in the report.")
  String label;

  static final List<String> COMPONENTS =
      List.of("kafka", "sandbox", "planner", "runner", "watcher", "cleanup");

  private static final String SOURCE = CloudEventHeaders.source("wavesync-bench");
  private final PrintStream log = System.err;

  // the run's state
  private final ArrayDeque<String> idle = new ArrayDeque<>();
  private final Map<String, Started> running = new ConcurrentHashMap<>();
  private final Map<String, Finished> finished = new ConcurrentHashMap<>();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();
  private final Set<String> measuredOperations = ConcurrentHashMap.newKeySet();
  private volatile boolean measuring;
  private Map<String, ProcStats> idleStats = Map.of();

  record Started(String app, String operationId, long sentAt, boolean measured) {}

  record Finished(Started started, String phase, long producedAt, long receivedAt) {
    long millis() {
      return receivedAt - started.sentAt();
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadDriver()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (apps < 1 || waves < 1 || rate <= 0 || duration <= 0) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--apps, --waves, --rate and --duration must be positive");
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("mode", mode.name());
    report.put("label", label);
    report.put("startedAt", java.time.Instant.now().toString());
    report.put("settings", Map.of("apps", apps, "waves", waves, "rate", rate,
        "durationSeconds", duration, "warmupSeconds", warmup, "namespace", namespace));
    report.put("loadAverageBefore", loadAverage());

    Map<String, Long> pids = pids();
    idleStats = procStats(pids);
    report.put("idleRssMiB", rssTable(idleStats));

    try (FloorProbe floor = new FloorProbe(bootstrap, floorRecordBytes)) {
      log.printf("floor: %d Kafka hops on an idle pipeline ...%n", floorSamples);
      Percentiles.Summary idleFloor =
          Percentiles.summarize(floor.measure(floorSamples, Duration.ofMillis(10)));
      report.put("floorIdleMs", summary(idleFloor));
      if (mode == Mode.idle) {
        report.put("loadAverageAfter", loadAverage());
        return finish(report, idleFloor, null);
      }
      return runLoad(report, floor, pids, idleFloor);
    }
  }

  private int runLoad(Map<String, Object> report, FloorProbe floor, Map<String, Long> pids,
      Percentiles.Summary idleFloor) throws Exception {
    if (appPrefix == null || appPrefix.isBlank()) {
      appPrefix = "b" + UUID.randomUUID().toString().substring(0, 6);
    }
    report.put("applications", appPrefix + "-" + mode + "-0.." + (apps - 1));
    for (int i = 0; i < apps; i++) {
      idle.add(appPrefix + "-" + mode + "-" + i);
    }
    Timeline timeline = new Timeline();
    try (KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(KafkaSettings.producer(bootstrap, "wavesync-bench-requests"));
        TopicTap tap = new TopicTap(bootstrap, timeline, this::completed);
        KafkaConsumer<String, byte[]> offsets =
            new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, "wavesync-bench-offsets"))) {
      List<TopicPartition> partitions = wavesyncPartitions(offsets);

      if (warmup > 0) {
        log.printf("warm-up: %.0f s at %.1f syncs/s ...%n", warmup, rate);
        drive(producer, warmup);
        drain();
      }

      Map<String, Long> offsetsBefore = endOffsets(offsets, partitions);
      String metricsBefore = scrape(plannerMetrics);
      Map<String, ProcStats> statsBefore = procStats(pids);
      report.put("loadAverageAtStart", loadAverage());

      log.printf("measuring: %.0f s at %.1f syncs/s (%s mode, %d apps) ...%n", duration, rate,
          mode, apps);
      List<Double> loadedFloor = new ArrayList<>();
      CountDownLatch floorDone = new CountDownLatch(1);
      long floorInterval = Math.max(10, (long) (duration * 1000 / Math.max(1, floorSamples)));
      Thread floorThread = new Thread(() -> {
        try {
          loadedFloor.addAll(floor.measure(floorSamples, Duration.ofMillis(floorInterval)));
        } finally {
          floorDone.countDown();
        }
      }, "floor-under-load");
      floorThread.setDaemon(true);
      measuring = true;
      long measureStart = System.currentTimeMillis();
      floorThread.start();
      long sent = drive(producer, duration);
      measuring = false;
      long measureEnd = System.currentTimeMillis();
      report.put("loadAverageAtEnd", loadAverage());
      long drainMillis = drain();
      floorDone.await(30, TimeUnit.SECONDS);

      Map<String, Long> offsetsAfter = endOffsets(offsets, partitions);
      String metricsAfter = scrape(plannerMetrics);
      Map<String, ProcStats> statsAfter = procStats(pids);
      if (tap.failure() != null) {
        throw new IllegalStateException("reading the topics failed", tap.failure());
      }

      // --- syncs
      List<Finished> measured = finished.values().stream()
          .filter(f -> f.started().measured()).toList();
      long succeeded = measured.stream().filter(f -> f.phase().equals("Succeeded")).count();
      long completedInWindow = measured.stream()
          .filter(f -> f.receivedAt() >= measureStart && f.receivedAt() <= measureEnd).count();
      List<String> notFinished = running.values().stream().filter(Started::measured)
          .map(Started::operationId).toList();
      Map<String, Long> byPhase = measured.stream()
          .collect(Collectors.groupingBy(Finished::phase, TreeMap::new, Collectors.counting()));
      double windowSeconds = (measureEnd - measureStart) / 1000.0;
      Map<String, Object> syncs = new LinkedHashMap<>();
      syncs.put("sent", sent);
      syncs.put("sentPerSecond", sent / windowSeconds);
      syncs.put("skippedNoIdleApp", skipped.get());
      syncs.put("completedByPhase", byPhase);
      syncs.put("succeeded", succeeded);
      syncs.put("notCompleted", notFinished.size());
      syncs.put("lost", sent - succeeded);
      syncs.put("completedWithinWindowPerSecond", completedInWindow / windowSeconds);
      syncs.put("succeededPerMinute", succeeded / windowSeconds * 60);
      syncs.put("drainMs", drainMillis);
      syncs.put("durationMs", summary(Percentiles.summarize(
          measured.stream().map(f -> (double) f.millis()).toList())));
      report.put("syncs", syncs);

      // --- transitions: the planner's histogram and the driver's own measurement
      PromHistogram planner = PromHistogram.parse(metricsAfter, "wavesync_wave_transition_seconds")
          .minus(PromHistogram.parse(metricsBefore, "wavesync_wave_transition_seconds"));
      Map<String, Object> plannerView = new LinkedHashMap<>();
      plannerView.put("count", planner.count());
      plannerView.put("meanMs", planner.mean() * 1000);
      plannerView.put("p50Ms", planner.quantile(0.50) * 1000);
      plannerView.put("p95Ms", planner.quantile(0.95) * 1000);
      plannerView.put("p99Ms", planner.quantile(0.99) * 1000);
      report.put("transitionPlannerHistogram", plannerView);
      PromHistogram handle = PromHistogram.parse(metricsAfter, "wavesync_planner_handle_seconds")
          .minus(PromHistogram.parse(metricsBefore, "wavesync_planner_handle_seconds"));
      report.put("plannerHandle", Map.of("count", handle.count(), "meanMs", handle.mean() * 1000));

      List<Timeline.Transition> transitions = timeline.transitions(measuredOperations::contains);
      Percentiles.Summary recordView = Percentiles.summarize(
          transitions.stream().map(t -> (double) t.recordMs()).toList());
      Percentiles.Summary receivedView = Percentiles.summarize(
          transitions.stream().map(t -> (double) t.receivedMs()).toList());
      report.put("transitionDriverRecordTimestampsMs", summary(recordView));
      report.put("transitionDriverReceivedMs", summary(receivedView));
      report.put("transitionTriggers", transitions.stream().collect(
          Collectors.groupingBy(t -> t.triggerType() + (t.viaCleanup() ? "+cleanup" : ""),
              TreeMap::new, Collectors.counting())));
      report.put("transitionCleanupPartMs", summary(Percentiles.summarize(transitions.stream()
          .filter(t -> t.cleanupMs() >= 0).map(t -> (double) t.cleanupMs()).toList())));
      report.put("waveApplyMs", summary(Percentiles.summarize(transitions.stream()
          .filter(t -> t.applyMs() >= 0).map(t -> (double) t.applyMs()).toList())));
      report.put("waveWaitForClusterMs", summary(Percentiles.summarize(transitions.stream()
          .filter(t -> t.waitMs() >= 0).map(t -> (double) t.waitMs()).toList())));

      // --- floor
      Percentiles.Summary loadFloor = Percentiles.summarize(loadedFloor);
      report.put("floorUnderLoadMs", summary(loadFloor));

      // --- Kafka records
      Map<String, Long> records = new TreeMap<>();
      long total = 0;
      long wavesyncTotal = 0;
      for (Map.Entry<String, Long> e : offsetsAfter.entrySet()) {
        long n = e.getValue() - offsetsBefore.getOrDefault(e.getKey(), 0L);
        String topic = e.getKey().substring(0, e.getKey().lastIndexOf('-'));
        records.merge(topic, n, Long::sum);
        total += n;
        if (topic.startsWith("wavesync.")) {
          wavesyncTotal += n;
        }
      }
      // per sync sent in the window: a sync that did not finish still caused records and CPU
      long syncCount = Math.max(1, sent);
      Map<String, Object> kafka = new LinkedHashMap<>();
      kafka.put("recordsByTopic", records);
      kafka.put("wavesyncTopicRecordsPerSync", (double) wavesyncTotal / syncCount);
      kafka.put("allRecordsPerSyncInclChangelogs", (double) total / syncCount);
      report.put("kafka", kafka);

      // --- processes
      report.put("processes", processTable(statsBefore, statsAfter, idleStats,
          (System.currentTimeMillis() - measureStart) / 1000.0, syncCount));
      report.put("loadAverageAfter", loadAverage());
      report.put("transitionSamples", transitions.size());
      if (timelineFile != null) {
        Files.writeString(timelineFile, timeline.csv());
      }
      return finish(report, idleFloor, loadFloor, recordView, planner);
    }
  }

  private int finish(Map<String, Object> report, Percentiles.Summary idleFloor,
      Percentiles.Summary loadFloor) throws IOException {
    return finish(report, idleFloor, loadFloor, null, null);
  }

  private int finish(Map<String, Object> report, Percentiles.Summary idleFloor,
      Percentiles.Summary loadFloor, Percentiles.Summary driverView, PromHistogram planner)
      throws IOException {
    if (driverView != null && loadFloor != null && loadFloor.count() > 0) {
      Map<String, Object> multiples = new LinkedHashMap<>();
      multiples.put("driverP50OverFloorP50UnderLoad", driverView.p50() / loadFloor.p50());
      multiples.put("plannerP50OverFloorP50UnderLoad", planner.quantile(0.5) * 1000 / loadFloor.p50());
      multiples.put("driverP50OverFloorP50Idle", driverView.p50() / idleFloor.p50());
      report.put("transitionOverFloor", multiples);
    }
    Path file = out != null ? out : Path.of("bench", "target", "load-" + mode + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(file, json.writeValueAsString(report) + "\n");
    System.out.print(ReportTable.render(report));
    System.out.println("JSON report: " + file);
    Object syncs = report.get("syncs");
    if (syncs instanceof Map<?, ?> s && s.get("lost") instanceof Long lost && lost > 0) {
      return 1;
    }
    return 0;
  }

  // --- load ------------------------------------------------------------------------------------

  /** Sends requests at the rate for {@code seconds}; returns how many were sent. */
  private long drive(KafkaProducer<String, byte[]> producer, double seconds) {
    long periodNanos = (long) (1e9 / rate);
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long next = start;
    long sent = 0;
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        return sent;
      }
      if (now < next) {
        LockSupport.parkNanos(Math.min(next - now, end - now));
        continue;
      }
      next += periodNanos;
      String app;
      synchronized (idle) {
        app = idle.poll();
      }
      if (app == null) {
        if (measuring) {
          skipped.incrementAndGet();
        }
        continue;
      }
      send(producer, app);
      sent++;
    }
  }

  private void send(KafkaProducer<String, byte[]> producer, String app) {
    long seq = sequence.incrementAndGet();
    String manifests = mode == Mode.hooks
        ? LoadManifests.hooks(app, waves, seq) : LoadManifests.trivial(app, seq);
    String operationId = UUID.randomUUID().toString();
    // a revision per sync: generateName hooks are named after its first seven characters
    String revision = UUID.randomUUID().toString().replace("-", "");
    SyncRequested request = SyncRequested.of(app, operationId, "wavesync-bench", revision,
        namespace, manifests, new SyncOptions(false, false, List.of(), SyncStrategy.HOOK, false,
            List.of(), null, null, null, null));
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.headers(request, SOURCE)
        .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
    boolean measured = measuring;
    if (measured) {
      measuredOperations.add(operationId);
    }
    running.put(operationId, new Started(app, operationId, System.currentTimeMillis(), measured));
    producer.send(new ProducerRecord<>(Topics.SYNC_REQUESTS, null, app,
        EventJson.serialize(request), headers), (meta, e) -> {
          if (e != null) {
            log.println("publishing a request for " + app + " failed: " + e);
          }
        });
  }

  private void completed(TopicTap.Completion c) {
    Started s = running.remove(c.operationId());
    if (s == null) {
      return; // another run's operation, or a repeated final update
    }
    finished.put(c.operationId(), new Finished(s, c.phase(), c.producedAt(), c.receivedAt()));
    synchronized (idle) {
      idle.add(s.app());
    }
  }

  /** Waits until nothing runs (or the timeout); returns how long it took. */
  private long drain() {
    long start = System.currentTimeMillis();
    long deadline = start + (long) (drainTimeout * 1000);
    while (!running.isEmpty() && System.currentTimeMillis() < deadline) {
      LockSupport.parkNanos(20_000_000);
    }
    if (!running.isEmpty()) {
      log.printf("%d sync(s) still running after %.0f s%n", running.size(), drainTimeout);
    }
    return System.currentTimeMillis() - start;
  }

  // --- measurements ----------------------------------------------------------------------------

  private static List<TopicPartition> wavesyncPartitions(KafkaConsumer<String, byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (Map.Entry<String, List<PartitionInfo>> e :
        consumer.listTopics(Duration.ofSeconds(10)).entrySet()) {
      String topic = e.getKey();
      if (topic.startsWith("wavesync.") || topic.startsWith("wavesync-planner-")) {
        e.getValue().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
    }
    return partitions;
  }

  private static Map<String, Long> endOffsets(KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions) {
    Map<String, Long> result = new TreeMap<>();
    consumer.endOffsets(partitions, Duration.ofSeconds(10))
        .forEach((tp, offset) -> result.put(tp.topic() + "-" + tp.partition(), offset));
    return result;
  }

  private static String scrape(String url) {
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private Map<String, Long> pids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String c : COMPONENTS) {
      Path file = pidsDir.resolve(c + ".pid");
      try {
        pids.put(c, Long.parseLong(Files.readString(file).trim()));
      } catch (IOException | NumberFormatException e) {
        log.println("no pid for " + c + " in " + file + ": its CPU and memory are not reported");
      }
    }
    pids.put("driver", ProcessHandle.current().pid());
    return pids;
  }

  private static Map<String, ProcStats> procStats(Map<String, Long> pids) {
    Map<String, ProcStats> stats = new LinkedHashMap<>();
    pids.forEach((name, pid) -> ProcStats.read(pid).ifPresent(s -> stats.put(name, s)));
    return stats;
  }

  private static Map<String, Object> rssTable(Map<String, ProcStats> stats) {
    Map<String, Object> table = new LinkedHashMap<>();
    stats.forEach((name, s) -> table.put(name, round(s.rssMib())));
    return table;
  }

  private static Map<String, Object> processTable(Map<String, ProcStats> before,
      Map<String, ProcStats> after, Map<String, ProcStats> idle, double seconds, long syncs) {
    Map<String, Object> table = new LinkedHashMap<>();
    for (Map.Entry<String, ProcStats> e : after.entrySet()) {
      ProcStats b = before.get(e.getKey());
      if (b == null) {
        continue;
      }
      double cpu = e.getValue().cpuSeconds() - b.cpuSeconds();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("cpuSeconds", round(cpu));
      row.put("cpuCoresAverage", round(cpu / seconds));
      row.put("cpuMsPerSync", round(cpu * 1000 / syncs));
      row.put("rssIdleMiB", Optional.ofNullable(idle.get(e.getKey())).map(s -> round(s.rssMib())).orElse(null));
      row.put("rssBeforeMiB", round(b.rssMib()));
      row.put("rssAfterMiB", round(e.getValue().rssMib()));
      table.put(e.getKey(), row);
    }
    return table;
  }

  static Map<String, Object> summary(Percentiles.Summary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", s.count());
    m.put("mean", round(s.mean()));
    m.put("p50", round(s.p50()));
    m.put("p95", round(s.p95()));
    m.put("p99", round(s.p99()));
    m.put("max", round(s.max()));
    return m;
  }

  private static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 10) / 10.0;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
