package io.wavesync.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.wavesync.events.EventJson;
import io.wavesync.events.HealthObserved;
import io.wavesync.events.Observation;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.TerminateRequested;
import io.wavesync.events.Topics;
import io.wavesync.events.WavesyncEvent;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.sandbox.SandboxCluster;
import io.wavesync.testsupport.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole pipeline for end-to-end tests: a real Kafka broker, the sandbox cluster, and the four
 * packaged services as separate processes; plus a client that publishes requests and records every
 * operation update and observation.
 */
final class Pipeline implements AutoCloseable {

  static final List<String> SERVICES =
      List.of("planner-service", "phase-runner-service", "hook-watcher-service", "cleanup-service");

  static final String RUNNER = "phase-runner-service";

  /**
   * One phase-runner process: its name, which is also its key in {@link #services} and its log's
   * name, and the phases it consumes ({@code phase-runner.phases}), all of them when null.
   */
  record Runner(String name, String phases) {}

  private final int partitions;
  private final List<Runner> runners;
  final Path root = Path.of(System.getProperty("wavesync.root", "..")).toAbsolutePath().normalize();
  EmbeddedKafka kafka;
  // pods start at once: the durations a test sees are the ones its manifests ask for
  final SandboxCluster sandbox = new SandboxCluster(
      io.wavesync.sandbox.SandboxSettings.defaults().withPodStartDelay(Duration.ZERO));
  final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  final List<OperationUpdated> operations = new CopyOnWriteArrayList<>();
  final List<Observation> observations = new CopyOnWriteArrayList<>();
  private KafkaProducer<String, String> producer;
  private Thread reader;
  private volatile boolean running = true;
  private Path plannerState;
  // settings every service process gets on top of the pipeline's own
  private final Map<String, String> extraProperties = new LinkedHashMap<>();
  // settings of one service's processes, by process name; they apply from its next (re)start
  private final Map<String, Map<String, String>> serviceProperties = new java.util.concurrent.ConcurrentHashMap<>();

  // several partitions, as in production: applications spread over them
  Pipeline() {
    this(3, List.of(new Runner(RUNNER, null)));
  }

  /** A pipeline whose topics have {@code partitions} partitions, with these runner processes. */
  Pipeline(int partitions, List<Runner> runners) {
    this.partitions = partitions;
    this.runners = List.copyOf(runners);
  }

  /** Adds a setting (a system property) for every service process; call before {@link #start}. */
  Pipeline withProperty(String key, String value) {
    extraProperties.put(key, value);
    return this;
  }

  /** Adds a setting for the processes named {@code service}, from their next (re)start. */
  Pipeline withServiceProperty(String service, String key, String value) {
    serviceProperties.computeIfAbsent(service, k -> new LinkedHashMap<>()).put(key, value);
    return this;
  }

  Pipeline start() throws Exception {
    kafka = EmbeddedKafka.startOrConnect(partitions);
    List<String> topics = new ArrayList<>(Topics.ALL);
    Topics.ALL.forEach(t -> topics.add(Topics.dlq(t)));
    kafka.createTopics(topics);
    sandbox.start("127.0.0.1", 0);
    plannerState = Files.createTempDirectory("wavesync-planner-e2e");
    for (String s : SERVICES) {
      if (s.equals(RUNNER)) {
        runners.forEach(r -> services.put(r.name(), newService(r.name())));
      } else {
        services.put(s, newService(s));
      }
    }
    for (ServiceProcess p : services.values()) {
      p.start();
    }
    for (ServiceProcess p : services.values()) {
      p.awaitReady(Duration.ofSeconds(120));
    }
    Properties pp = new Properties();
    pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    pp.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producer = new KafkaProducer<>(pp);
    startReader();
    return this;
  }

  private ServiceProcess newService(String name) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    // fabric8's own settings: Quarkus fixes its kubernetes-client keys at build time
    props.put("kubernetes.master", sandbox.url());
    props.put("kubernetes.trust.certificates", "true");
    props.put("kubernetes.namespace", "default");
    props.put("kubernetes.auth.tryKubeConfig", "false");
    props.putAll(extraProperties);
    props.putAll(serviceProperties.getOrDefault(name, Map.of()));
    if (name.equals("planner-service")) {
      props.put("kafka-streams.state.dir", plannerState.toString());
      // a stable member id lets a restarted planner take its partitions back at once
      props.put("kafka-streams.group.instance.id", "planner-e2e-0");
    }
    for (Runner r : runners) {
      if (r.name().equals(name)) {
        if (r.phases() != null) {
          props.put("phase-runner.phases", r.phases());
        }
        return new ServiceProcess(name, RUNNER, root, props);
      }
    }
    return new ServiceProcess(name, root, props);
  }

  ServiceProcess service(String name) {
    return services.get(name);
  }

  /** Restarts a service in a new process with the same settings (and state directory). */
  void restart(String name) throws Exception {
    ServiceProcess fresh = newService(name);
    services.put(name, fresh);
    fresh.start();
    fresh.awaitReady(Duration.ofSeconds(120));
  }

  KubernetesClient k8s() {
    return sandbox.client();
  }

  private void startReader() {
    Properties cp = new Properties();
    cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp);
    consumer.subscribe(List.of(Topics.OPERATIONS, Topics.OBSERVATIONS));
    reader = new Thread(() -> {
      try (consumer) {
        while (running) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
            if (r.topic().equals(Topics.OPERATIONS)) {
              operations.add(EventJson.deserialize(r.value(), OperationUpdated.class));
            } else {
              try {
                observations.add(EventJson.deserialize(r.value(), Observation.class));
              } catch (RuntimeException e) {
                // not every observation needs to be understood by the test
              }
            }
          }
        }
      }
    }, "e2e-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Reads every YAML file of a directory under the repository into one multi-document text. */
  String manifests(String dir) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(dir))) {
      List<Path> sorted = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      StringBuilder b = new StringBuilder();
      for (Path p : sorted) {
        b.append(Files.readString(p)).append("\n---\n");
      }
      return b.toString();
    }
  }

  static String resource(String name) throws IOException {
    try (var in = Pipeline.class.getResourceAsStream("/apps/" + name)) {
      if (in == null) {
        throw new IOException("no test resource /apps/" + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  String sync(String app, String namespace, String manifests, SyncOptions options) {
    return sync(app, namespace, "FooBarBaz", manifests, options);
  }

  String sync(String app, String namespace, String revision, String manifests, SyncOptions options) {
    String opId = UUID.randomUUID().toString();
    publish(app, SyncRequested.of(app, opId, "e2e", revision, namespace, manifests, options));
    return opId;
  }

  void terminate(String app, String opId) {
    publish(app, TerminateRequested.of(app, opId, "e2e", "test"));
  }

  void publish(String app, WavesyncEvent event) {
    publish(app, event, Map.of());
  }

  /** Publishes {@code event} with these record headers. */
  void publish(String app, WavesyncEvent event, Map<String, String> headers) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(Topics.topicOf(event), app, EventJson.serializeToString(event));
    headers.forEach((k, v) -> record.headers().add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for an update of the operation that matches, and returns it. */
  OperationUpdated await(String opId, Predicate<OperationUpdated> p, Duration timeout) {
    return org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
        .until(() -> updates(opId).stream().filter(p).reduce((a, b) -> b).orElse(null),
            java.util.Objects::nonNull);
  }

  /** Waits for the operation to complete and returns its final state. */
  OperationUpdated awaitCompleted(String opId, Duration timeout) {
    return await(opId, u -> u.phase().isCompleted(), timeout);
  }

  List<OperationUpdated> updates(String opId) {
    return operations.stream().filter(u -> u.operationId().equals(opId)).toList();
  }

  /** Distinct uids observed per object name of an application: a hook run twice has two. */
  Map<String, List<String>> observedUids(String app) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Observation o : observations) {
      if (o instanceof HealthObserved h && h.application().equals(app) && h.ref().uid() != null) {
        List<String> uids = out.computeIfAbsent(h.ref().name(), k -> new ArrayList<>());
        if (!uids.contains(h.ref().uid())) {
          uids.add(h.ref().uid());
        }
      }
    }
    return out;
  }

  String logs() {
    return services.values().stream().map(s -> s.name() + ": " + s.log())
        .collect(Collectors.joining(", "));
  }

  @Override
  public void close() throws Exception {
    running = false;
    if (reader != null) {
      reader.join(2000);
    }
    if (producer != null) {
      producer.close();
    }
    List<ServiceProcess> all = new ArrayList<>(services.values());
    Collections.reverse(all);
    for (ServiceProcess p : all) {
      p.close();
    }
    sandbox.close();
    if (kafka != null) {
      kafka.close();
    }
  }
}
