package io.wavesync.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.wavesync.engine.model.KubeObject;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A large, realistic application generated deterministically from a seed: the input of the
 * benchmarks.
 *
 * <p>It holds what a big platform team's application holds: Namespaces, a CRD and its custom
 * resources, cluster roles, workloads with their Services, ConfigMaps, Secrets, ServiceAccounts and
 * Ingresses, CronJobs and Jobs, and hooks in every phase (PreSync, Sync, PostSync, SyncFail, one
 * hook in two phases, Helm-annotated hooks, some named by {@code generateName}), plus a few Skip and
 * PreDelete objects. Objects spread over {@value #WAVES} waves, from {@value #FIRST_WAVE} up.
 */
public final class SyntheticApplication {

  /** The application's destination namespace. */
  public static final String NAMESPACE = "shop";

  public static final String REVISION = "4f2a9c1e77d05b3a8e61c0d9f2b7a4e5c3d1f0a9";

  /** When the synthetic operation starts. */
  public static final Instant STARTED_AT = Instant.parse("2026-03-01T10:00:00Z");

  /** The seed of the benchmarks' application. */
  public static final long SEED = 20260301L;

  public static final int WAVES = 20;
  public static final int FIRST_WAVE = -4;

  static final int TEAM_NAMESPACES = 20;
  static final int CLUSTER_ROLES = 40;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final String[] COMPONENTS = {
    "auth", "cart", "catalog", "checkout", "gateway", "inventory", "notify", "orders",
    "payments", "pricing", "recommend", "reports", "reviews", "search", "shipping", "users"
  };

  private static final String[] HOOK_DELETE_POLICIES = {
    null, "BeforeHookCreation", "HookSucceeded", "HookFailed", "HookSucceeded,HookFailed",
    "BeforeHookCreation,HookSucceeded"
  };

  /** What to generate, with its weight out of 100, after the fixed cluster-level objects. */
  private enum Shape {
    DEPLOYMENT(14),
    SERVICE(14),
    CONFIG_MAP(18),
    SECRET(12),
    SERVICE_ACCOUNT(6),
    WIDGET(6),
    INGRESS(4),
    CRON_JOB(2),
    JOB(2),
    PRE_SYNC_HOOK(6),
    SYNC_HOOK(3),
    POST_SYNC_HOOK(5),
    SYNC_FAIL_HOOK(2),
    TWO_PHASE_HOOK(1),
    HELM_HOOK(3),
    SKIP(1),
    PRE_DELETE_HOOK(1);

    final int weight;

    Shape(int weight) {
      this.weight = weight;
    }
  }

  private final List<KubeObject> objects;

  private SyntheticApplication(List<KubeObject> objects) {
    this.objects = List.copyOf(objects);
  }

  /** The same {@code size} and {@code seed} always give the same application. */
  public static SyntheticApplication generate(int size, long seed) {
    return new Generator(size, new Random(seed)).run();
  }

  public List<KubeObject> objects() {
    return objects;
  }

  /** All objects as one multi-document YAML stream, as {@code helm template} or kustomize print it. */
  public String toYaml() {
    YAMLMapper mapper =
        YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // annotation values such as sync waves must stay strings
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    StringBuilder sb = new StringBuilder(objects.size() * 800);
    try {
      for (KubeObject o : objects) {
        sb.append(mapper.writeValueAsString(o.json()));
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  private static final class Generator {

    private final int size;
    private final Random rnd;
    private final List<KubeObject> out = new ArrayList<>();

    Generator(int size, Random rnd) {
      this.size = size;
      this.rnd = rnd;
    }

    SyntheticApplication run() {
      for (int i = 0; i < TEAM_NAMESPACES; i++) {
        ObjectNode ns = object("v1", "Namespace", null, team(i));
        wave(ns);
        add(ns);
      }
      add(widgetCrd());
      for (int i = 0; i < CLUSTER_ROLES && out.size() < size; i++) {
        add(clusterRole(i));
        add(clusterRoleBinding(i));
      }
      int totalWeight = 0;
      for (Shape s : Shape.values()) {
        totalWeight += s.weight;
      }
      while (out.size() < size) {
        int pick = rnd.nextInt(totalWeight);
        for (Shape s : Shape.values()) {
          pick -= s.weight;
          if (pick < 0) {
            add(make(s, out.size()));
            break;
          }
        }
      }
      return new SyntheticApplication(out.subList(0, size));
    }

    private void add(ObjectNode n) {
      out.add(KubeObject.of(n));
    }

    private ObjectNode make(Shape shape, int i) {
      String app = COMPONENTS[rnd.nextInt(COMPONENTS.length)];
      String name = app + "-" + String.format("%05d", i);
      String ns = namespace();
      return switch (shape) {
        case DEPLOYMENT -> waved(deployment(ns, name, app));
        case SERVICE -> waved(service(ns, name, app));
        case CONFIG_MAP -> waved(configMap(ns, name));
        case SECRET -> waved(secret(ns, name));
        case SERVICE_ACCOUNT -> waved(object("v1", "ServiceAccount", ns, name));
        case WIDGET -> waved(widget(ns, name));
        case INGRESS -> waved(ingress(ns, name, app));
        case CRON_JOB -> waved(cronJob(ns, name, app));
        case JOB -> waved(job(ns, name, app, "echo batch run; sleep 1"));
        case PRE_SYNC_HOOK -> hook(job(ns, name, app, "echo migrate; sleep 1"), "PreSync");
        case SYNC_HOOK -> hook(rnd.nextBoolean()
            ? pod(ns, name, app)
            : job(ns, name, app, "echo sync task; sleep 1"), "Sync");
        case POST_SYNC_HOOK -> hook(job(ns, name, app, "echo smoke test; sleep 1"), "PostSync");
        case SYNC_FAIL_HOOK -> hook(job(ns, name, app, "echo page on-call; sleep 1"), "SyncFail");
        case TWO_PHASE_HOOK -> hook(configMap(ns, name), "PreSync,PostSync");
        case HELM_HOOK -> helmHook(job(ns, name, app, "echo chart hook; sleep 1"));
        case SKIP -> annotate(configMap(ns, name), "argocd.argoproj.io/hook", "Skip");
        case PRE_DELETE_HOOK ->
            annotate(job(ns, name, app, "echo drain; sleep 1"), "argocd.argoproj.io/hook", "PreDelete");
      };
    }

    /** Most objects live in a team namespace; the others take the destination namespace. */
    private String namespace() {
      return rnd.nextInt(5) == 0 ? null : team(rnd.nextInt(TEAM_NAMESPACES));
    }

    private static String team(int i) {
      return String.format("team-%02d", i);
    }

    private ObjectNode waved(ObjectNode n) {
      wave(n);
      return n;
    }

    /** Seven in ten objects carry an explicit wave; the rest are in wave 0. */
    private void wave(ObjectNode n) {
      if (rnd.nextInt(10) < 7) {
        annotate(n, "argocd.argoproj.io/sync-wave", Integer.toString(FIRST_WAVE + rnd.nextInt(WAVES)));
      }
    }

    /** A hook; one in three is named by generateName, so each operation creates a new one. */
    private ObjectNode hook(ObjectNode n, String types) {
      wave(n);
      annotate(n, "argocd.argoproj.io/hook", types);
      String policy = HOOK_DELETE_POLICIES[rnd.nextInt(HOOK_DELETE_POLICIES.length)];
      if (policy != null) {
        annotate(n, "argocd.argoproj.io/hook-delete-policy", policy);
      }
      if (rnd.nextInt(3) == 0) {
        ObjectNode meta = (ObjectNode) n.get("metadata");
        meta.put("generateName", meta.get("name").asText() + "-");
        meta.remove("name");
      }
      return n;
    }

    private ObjectNode helmHook(ObjectNode n) {
      annotate(n, "helm.sh/hook", rnd.nextBoolean() ? "pre-install,pre-upgrade" : "post-install,post-upgrade");
      annotate(n, "helm.sh/hook-weight", Integer.toString(FIRST_WAVE + rnd.nextInt(WAVES)));
      annotate(n, "helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
      return n;
    }

    // -- objects ---------------------------------------------------------------------------------

    private static ObjectNode object(String apiVersion, String kind, String ns, String name) {
      ObjectNode n = NODES.objectNode();
      n.put("apiVersion", apiVersion);
      n.put("kind", kind);
      ObjectNode meta = n.putObject("metadata");
      meta.put("name", name);
      if (ns != null) {
        meta.put("namespace", ns);
      }
      ObjectNode labels = meta.putObject("labels");
      labels.put("app.kubernetes.io/part-of", "shop");
      labels.put("app.kubernetes.io/managed-by", "wavesync");
      return n;
    }

    private static ObjectNode annotate(ObjectNode n, String key, String value) {
      ObjectNode meta = (ObjectNode) n.get("metadata");
      ObjectNode ann = meta.has("annotations")
          ? (ObjectNode) meta.get("annotations")
          : meta.putObject("annotations");
      ann.put(key, value);
      return n;
    }

    private ObjectNode deployment(String ns, String name, String app) {
      ObjectNode d = object("apps/v1", "Deployment", ns, name);
      ((ObjectNode) d.at("/metadata/labels")).put("app.kubernetes.io/name", app);
      ObjectNode spec = d.putObject("spec");
      spec.put("replicas", 1 + rnd.nextInt(3));
      spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/instance", name);
      ObjectNode template = spec.putObject("template");
      template.putObject("metadata").putObject("labels").put("app.kubernetes.io/instance", name);
      ObjectNode podSpec = template.putObject("spec");
      podSpec.put("serviceAccountName", app);
      ObjectNode c = podSpec.putArray("containers").addObject();
      c.put("name", app);
      c.put("image", "registry.example.com/shop/" + app + ":1." + rnd.nextInt(40) + "." + rnd.nextInt(10));
      ObjectNode port = c.putArray("ports").addObject();
      port.put("name", "http");
      port.put("containerPort", 8080);
      ArrayNode env = c.putArray("env");
      env.addObject().put("name", "LOG_LEVEL").put("value", "info");
      env.addObject().put("name", "COMPONENT").put("value", app);
      ObjectNode resources = c.putObject("resources");
      resources.putObject("requests").put("cpu", "100m").put("memory", "128Mi");
      resources.putObject("limits").put("memory", "256Mi");
      ObjectNode probe = c.putObject("readinessProbe").putObject("httpGet");
      probe.put("path", "/healthz");
      probe.put("port", "http");
      return d;
    }

    private static ObjectNode service(String ns, String name, String app) {
      ObjectNode s = object("v1", "Service", ns, name);
      ObjectNode spec = s.putObject("spec");
      spec.putObject("selector").put("app.kubernetes.io/name", app);
      ObjectNode port = spec.putArray("ports").addObject();
      port.put("name", "http");
      port.put("port", 80);
      port.put("targetPort", "http");
      return s;
    }

    private ObjectNode configMap(String ns, String name) {
      ObjectNode cm = object("v1", "ConfigMap", ns, name);
      ObjectNode data = cm.putObject("data");
      data.put("LOG_LEVEL", "info");
      data.put("FEATURE_FLAGS", "new-checkout=" + (rnd.nextBoolean() ? "enabled" : "disabled"));
      data.put("application.properties", "server.port=8080\ncache.ttl=" + (30 + rnd.nextInt(300)) + "s\n");
      return cm;
    }

    private ObjectNode secret(String ns, String name) {
      ObjectNode s = object("v1", "Secret", ns, name);
      s.put("type", "Opaque");
      ObjectNode data = s.putObject("data");
      Base64.Encoder b64 = Base64.getEncoder();
      data.put("username", b64.encodeToString(name.getBytes()));
      data.put("password", b64.encodeToString(Long.toHexString(rnd.nextLong()).getBytes()));
      return s;
    }

    private ObjectNode widget(String ns, String name) {
      ObjectNode w = object("example.com/v1", "Widget", ns, name);
      ObjectNode spec = w.putObject("spec");
      spec.put("size", 1 + rnd.nextInt(10));
      spec.put("color", rnd.nextBoolean() ? "blue" : "green");
      return w;
    }

    private static ObjectNode ingress(String ns, String name, String app) {
      ObjectNode ing = object("networking.k8s.io/v1", "Ingress", ns, name);
      ObjectNode rule = ing.putObject("spec").putArray("rules").addObject();
      rule.put("host", app + ".shop.example.com");
      ObjectNode path = rule.putObject("http").putArray("paths").addObject();
      path.put("path", "/");
      path.put("pathType", "Prefix");
      ObjectNode svc = path.putObject("backend").putObject("service");
      svc.put("name", app);
      svc.putObject("port").put("name", "http");
      return ing;
    }

    private static ObjectNode podSpec(ObjectNode parent, String app, String script) {
      ObjectNode spec = parent.putObject("spec");
      spec.put("restartPolicy", "Never");
      ObjectNode c = spec.putArray("containers").addObject();
      c.put("name", app);
      c.put("image", "busybox:1.36");
      c.putArray("command").add("sh").add("-c").add(script);
      return spec;
    }

    private static ObjectNode job(String ns, String name, String app, String script) {
      ObjectNode job = object("batch/v1", "Job", ns, name);
      ObjectNode spec = job.putObject("spec");
      spec.put("backoffLimit", 0);
      podSpec(spec.putObject("template"), app, script);
      return job;
    }

    private static ObjectNode pod(String ns, String name, String app) {
      ObjectNode pod = object("v1", "Pod", ns, name);
      podSpec(pod, app, "echo sync task; sleep 1");
      return pod;
    }

    private ObjectNode cronJob(String ns, String name, String app) {
      ObjectNode cj = object("batch/v1", "CronJob", ns, name);
      ObjectNode spec = cj.putObject("spec");
      spec.put("schedule", rnd.nextInt(60) + " */6 * * *");
      ObjectNode jobSpec = spec.putObject("jobTemplate").putObject("spec");
      podSpec(jobSpec.putObject("template"), app, "echo report; sleep 1");
      return cj;
    }

    private ObjectNode widgetCrd() {
      ObjectNode crd =
          object("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "widgets.example.com");
      // a late wave: dependency ordering must still move it before the first Widget
      annotate(crd, "argocd.argoproj.io/sync-wave", "3");
      ObjectNode spec = crd.putObject("spec");
      spec.put("group", "example.com");
      spec.put("scope", "Namespaced");
      ObjectNode names = spec.putObject("names");
      names.put("kind", "Widget");
      names.put("plural", "widgets");
      names.put("singular", "widget");
      ObjectNode version = spec.putArray("versions").addObject();
      version.put("name", "v1");
      version.put("served", true);
      version.put("storage", true);
      ObjectNode schema = version.putObject("schema").putObject("openAPIV3Schema");
      schema.put("type", "object");
      schema.put("x-kubernetes-preserve-unknown-fields", true);
      return crd;
    }

    private ObjectNode clusterRole(int i) {
      ObjectNode role = object("rbac.authorization.k8s.io/v1", "ClusterRole", null, "shop-reader-" + i);
      wave(role);
      ObjectNode rule = role.putArray("rules").addObject();
      rule.putArray("apiGroups").add("").add("apps");
      rule.putArray("resources").add("pods").add("deployments").add("configmaps");
      rule.putArray("verbs").add("get").add("list").add("watch");
      return role;
    }

    private ObjectNode clusterRoleBinding(int i) {
      ObjectNode b =
          object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, "shop-reader-" + i);
      wave(b);
      ObjectNode ref = b.putObject("roleRef");
      ref.put("apiGroup", "rbac.authorization.k8s.io");
      ref.put("kind", "ClusterRole");
      ref.put("name", "shop-reader-" + i);
      ObjectNode subject = b.putArray("subjects").addObject();
      subject.put("kind", "ServiceAccount");
      subject.put("name", COMPONENTS[i % COMPONENTS.length]);
      subject.put("namespace", team(i % TEAM_NAMESPACES));
      return b;
    }
  }
}
