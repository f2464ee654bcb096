package io.wavesync.watcher.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.watcher.config.WatcherConfig;
import io.wavesync.watcher.domain.HookLogs;
import io.wavesync.watcher.domain.HookLogs.ContainerLog;
import io.wavesync.watcher.domain.HookLogs.PodCandidate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the log tail of a finished Job or Pod hook: a Pod's own containers, or those of a Job's
 * newest pod. Never throws: a tail that could not be read says why, and the observation goes out
 * regardless.
 */
@ApplicationScoped
public class PodLogReader {

  /** The label the Job controller puts on its pods (also as {@code batch.kubernetes.io/...}). */
  static final String CONTROLLER_UID = "controller-uid";

  static final String JOB_NAME = "job-name";

  private final KubernetesClient client;
  private final WatcherConfig config;

  public PodLogReader(KubernetesClient client, WatcherConfig config) {
    this.client = client;
    this.config = config;
  }

  /** The bounded log tail of {@code hook}, a Job or a Pod. */
  public String tail(KubeObject hook) {
    try {
      if ("Pod".equals(hook.kind())) {
        Pod pod = client.pods().inNamespace(hook.namespace()).withName(hook.name()).get();
        return pod == null
            ? HookLogs.unavailable("pod " + hook.name() + " no longer exists")
            : podTail(pod);
      }
      return jobTail(hook);
    } catch (KubernetesClientException e) {
      return HookLogs.unavailable(describe(e));
    } catch (RuntimeException e) {
      return HookLogs.unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private String jobTail(KubeObject job) {
    List<Pod> pods = podsOf(job);
    Map<String, Pod> byName =
        pods.stream()
            .collect(Collectors.toMap(p -> p.getMetadata().getName(), Function.identity()));
    List<PodCandidate> candidates =
        pods.stream()
            .map(
                p ->
                    new PodCandidate(
                        p.getMetadata().getName(), p.getMetadata().getCreationTimestamp()))
            .toList();
    Optional<PodCandidate> newest = HookLogs.newest(candidates);
    if (newest.isEmpty()) {
      return HookLogs.unavailable("no pod of job " + job.name() + " was found");
    }
    return podTail(byName.get(newest.get().name()));
  }

  // The controller-uid label names exactly this Job's pods; job-name alone could also match the
  // pods of an earlier Job of the same name, so those are filtered by their owner.
  private List<Pod> podsOf(KubeObject job) {
    var inNamespace = client.pods().inNamespace(job.namespace());
    List<Pod> pods = inNamespace.withLabel(CONTROLLER_UID, job.uid()).list().getItems();
    if (!pods.isEmpty()) {
      return pods;
    }
    return inNamespace.withLabel(JOB_NAME, job.name()).list().getItems().stream()
        .filter(p -> ownedBy(p, job.uid()))
        .toList();
  }

  private static boolean ownedBy(Pod pod, String uid) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    return owners == null
        || owners.isEmpty()
        || owners.stream().anyMatch(o -> Objects.equals(uid, o.getUid()));
  }

  private String podTail(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    List<ContainerLog> logs = new ArrayList<>();
    for (String container : startedContainers(pod)) {
      try {
        String text =
            client
                .pods()
                .inNamespace(ns)
                .withName(name)
                .inContainer(container)
                .tailingLines(config.logs().tailLines())
                .getLog();
        logs.add(ContainerLog.read(container, text == null ? "" : text));
      } catch (KubernetesClientException e) {
        logs.add(ContainerLog.failed(container, describe(e)));
      }
    }
    return HookLogs.compose(logs);
  }

  // Init containers first, then the main ones: the order they ran in. A container that never
  // started has no log, and asking for it is an error.
  private static List<String> startedContainers(Pod pod) {
    List<String> names = new ArrayList<>();
    addStarted(names, pod.getSpec().getInitContainers(), statuses(pod, true));
    addStarted(names, pod.getSpec().getContainers(), statuses(pod, false));
    return names;
  }

  private static void addStarted(
      List<String> names, List<Container> containers, List<ContainerStatus> statuses) {
    if (containers == null) {
      return;
    }
    for (Container c : containers) {
      boolean started =
          statuses.stream()
              .filter(s -> c.getName().equals(s.getName()))
              .anyMatch(PodLogReader::hasRun);
      if (started) {
        names.add(c.getName());
      }
    }
  }

  private static boolean hasRun(ContainerStatus status) {
    return (status.getState() != null
            && (status.getState().getRunning() != null
                || status.getState().getTerminated() != null))
        || (status.getLastState() != null && status.getLastState().getTerminated() != null);
  }

  private static List<ContainerStatus> statuses(Pod pod, boolean init) {
    if (pod.getStatus() == null) {
      return List.of();
    }
    List<ContainerStatus> list =
        init ? pod.getStatus().getInitContainerStatuses() : pod.getStatus().getContainerStatuses();
    return list == null ? List.of() : list;
  }

  private static String describe(KubernetesClientException e) {
    String message =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    return e.getCode() > 0 ? "HTTP " + e.getCode() + ": " + message : message;
  }
}
