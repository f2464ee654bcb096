package io.wavesync.sandbox;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.wavesync.sandbox.server.GarbageCollector;
import io.wavesync.sandbox.server.Json;
import io.wavesync.sandbox.server.PodLogStore;
import io.wavesync.sandbox.server.SandboxDispatcher;
import io.wavesync.sandbox.server.SandboxStore;
import io.wavesync.sandbox.simulator.WorkloadSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API for development, demos and tests: the fabric8 mock API server in CRUD mode,
 * made usable by kubectl and by clients that use server-side apply, with a workload simulator that
 * plays the controllers of a real cluster (Jobs run and complete, Deployments become available,
 * owners' dependents are garbage-collected).
 *
 * <pre>{@code
 * try (SandboxCluster sandbox = new SandboxCluster().start("127.0.0.1", 0)) {
 *   KubernetesClient client = sandbox.client();
 *   client.batch().v1().jobs().resource(job).create();
 * }
 * }</pre>
 */
public final class SandboxCluster implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SandboxCluster.class.getName());
  /** Held so that the level set on it is not lost when the logger is garbage-collected. */
  private static final Logger REQUEST_LOG =
      Logger.getLogger(MockWebServer.class.getName());
  /** The client warns about every v1alpha1 type it touches; Argo Workflows are one. */
  private static final Logger VERSION_WARNINGS =
      Logger.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils");
  private static final String NAME = "wavesync-sandbox";

  private final SandboxSettings settings;
  private KubernetesMockServer server;
  private SandboxDispatcher dispatcher;
  private ScheduledExecutorService housekeeping;
  private NamespacedKubernetesClient internalClient;
  private NamespacedKubernetesClient client;
  private WorkloadSimulator simulator;
  private String url;
  private int port;

  public SandboxCluster() {
    this(SandboxSettings.defaults());
  }

  public SandboxCluster(SandboxSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts the API server on {@code host:port} (port 0 picks a free port) and the simulator.
   *
   * @return this, to chain {@code new SandboxCluster().start(...)}
   * @throws IllegalStateException if already started or the address cannot be bound
   */
  public synchronized SandboxCluster start(String host, int port) {
    if (server != null) {
      throw new IllegalStateException("the sandbox cluster is already started at " + url);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host, e);
    }
    REQUEST_LOG.setLevel(settings.requestLogging() ? Level.INFO : Level.WARNING);
    VERSION_WARNINGS.setLevel(Level.SEVERE);
    Map<ServerRequest, Queue<ServerResponse>> expectations = new ConcurrentHashMap<>();
    SandboxStore store = new SandboxStore();
    PodLogStore logs = new PodLogStore();
    String urlHost = urlHost(address);
    // The port is only known once bound; discovery reads the address when asked.
    AtomicReference<String> serverAddress = new AtomicReference<>(urlHost);
    dispatcher = new SandboxDispatcher(expectations, store, logs, serverAddress::get,
        settings.watchPollInterval());
    server = new KubernetesMockServer(new Context(Json.MAPPER),
        new MockWebServer(), expectations, dispatcher, settings.https()) {
      @Override
      public void onStart() {
        // The dispatcher serves /version and / itself; no default expectations are needed.
      }
    };
    try {
      server.init(address, port);
    } catch (RuntimeException e) {
      server = null;
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": "
          + rootMessage(e), e);
    }
    this.port = server.getPort();
    this.url = (settings.https() ? "https" : "http") + "://" + urlHost + ":" + this.port;
    serverAddress.set(urlHost + ":" + this.port);

    housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sandbox-housekeeping");
      t.setDaemon(true);
      return t;
    });
    GarbageCollector collector = new GarbageCollector(dispatcher, housekeeping,
        settings.garbageCollectionDelay());
    store.addListener(collector::onChange);
    // The mock server records every request for tests that inspect them; a long-running sandbox
    // must not keep them all.
    housekeeping.scheduleWithFixedDelay(this::dropRecordedRequests, 30, 30, TimeUnit.SECONDS);

    try {
      internalClient = newClient();
      for (String namespace : new String[] {"default", "kube-system", "kube-public",
          "kube-node-lease"}) {
        internalClient.namespaces().resource(new NamespaceBuilder().withNewMetadata()
            .withName(namespace).endMetadata().build()).createOr(existing -> existing.update());
      }
      simulator = new WorkloadSimulator(internalClient, settings, logs);
      simulator.start();
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException("cannot start the workload simulator: " + rootMessage(e),
          e);
    }
    LOG.fine(() -> "sandbox cluster listening on " + url);
    return this;
  }

  /** The API server's URL, for example {@code http://127.0.0.1:18080}. */
  public String url() {
    requireStarted();
    return url;
  }

  public int port() {
    requireStarted();
    return port;
  }

  public SandboxSettings settings() {
    return settings;
  }

  /** A client whose default namespace is {@code default}; it is closed with the sandbox. */
  public synchronized KubernetesClient client() {
    requireStarted();
    if (client == null) {
      client = newClient();
    }
    return client;
  }

  /**
   * The underlying fabric8 mock server, for tests that queue expectations
   * ({@code server().expect()...}); queued expectations answer before the sandbox does.
   */
  public KubernetesMockServer server() {
    requireStarted();
    return server;
  }

  /** A kubeconfig for kubectl and other clients, with {@code default} as the namespace. */
  public String kubeconfig() {
    requireStarted();
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
        %3$s
        users:
        - name: %1$s
          user:
            token: sandbox
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: default
        current-context: %1$s
        preferences: {}
        """.formatted(NAME, url, settings.https() ? "    insecure-skip-tls-verify: true" : "");
  }

  /** Writes {@link #kubeconfig()} to {@code path}, creating parent directories. */
  public Path writeKubeconfig(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(path, kubeconfig().replaceAll("(?m)^\\s*\\n", ""));
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig " + path, e);
    }
  }

  @Override
  public synchronized void close() {
    if (simulator != null) {
      simulator.close();
      simulator = null;
    }
    if (housekeeping != null) {
      housekeeping.shutdownNow();
      housekeeping = null;
    }
    if (client != null) {
      client.close();
      client = null;
    }
    if (internalClient != null) {
      internalClient.close();
      internalClient = null;
    }
    if (server != null) {
      server.destroy();
      server = null;
    }
  }

  private NamespacedKubernetesClient newClient() {
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace("default")
        .withTrustCerts(true)
        .withDisableHostnameVerification(true)
        .withHttp2Disable(true)
        .withOauthToken("sandbox")
        .build();
    return server.createClient(builder -> builder.withConfig(config));
  }

  private void dropRecordedRequests() {
    try {
      while (server != null && server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
        // Drained: the requests are not needed once served.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void requireStarted() {
    if (server == null) {
      throw new IllegalStateException("the sandbox cluster is not started");
    }
  }

  private static String urlHost(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String literal = address.getHostAddress();
    return address instanceof Inet6Address ? "[" + literal + "]" : literal;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
