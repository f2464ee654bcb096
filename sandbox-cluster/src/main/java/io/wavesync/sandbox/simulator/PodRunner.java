package io.wavesync.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateRunningBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateWaitingBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the kubelet: a Pod goes Pending → Running, then (restartPolicy Never or OnFailure)
 * Succeeded or Failed with a terminated container state, as its {@link ContainerPlan} says. Pods
 * with restartPolicy Always keep running and are Ready, or crash-loop when their plan fails.
 */
final class PodRunner {

  private static final String HOST_IP = "10.0.0.10";

  private final Simulation sim;
  private final Set<String> tracked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger podIps = new AtomicInteger(10);
  private JobController jobs;

  PodRunner(Simulation sim) {
    this.sim = sim;
  }

  void setJobController(JobController jobs) {
    this.jobs = jobs;
  }

  void onPod(Pod pod) {
    if (Simulation.deleting(pod)) {
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return;
    }
    String uid = pod.getMetadata().getUid();
    if (!tracked.add(uid)) {
      return;
    }
    ContainerPlan plan = ContainerPlan.of(pod.getSpec(), Simulation.annotations(pod),
        sim.settings.defaultDuration());
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    sim.schedule(sim.settings.podStartDelay(), () -> start(ns, name, uid, plan));
  }

  void onDeleted(Pod pod) {
    tracked.remove(pod.getMetadata().getUid());
    sim.logs.remove(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  private Pod current(String ns, String name, String uid) {
    Pod pod = sim.client.pods().inNamespace(ns).withName(name).get();
    if (pod == null || !uid.equals(pod.getMetadata().getUid()) || Simulation.deleting(pod)) {
      return null;
    }
    return pod;
  }

  private void start(String ns, String name, String uid, ContainerPlan plan) {
    Pod pod = current(ns, name, uid);
    if (pod == null) {
      return;
    }
    String now = Names.now();
    List<Container> containers = pod.getSpec().getContainers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      sim.logs.append(ns, name, c.getName(), "[sandbox] started container " + c.getName()
          + " (image " + c.getImage() + ")");
      if (i == 0) {
        if (!plan.command().isEmpty()) {
          sim.logs.append(ns, name, c.getName(), "[sandbox] command: " + plan.command());
        }
        plan.output().forEach(line -> sim.logs.append(ns, name, c.getName(), line));
      }
    }
    int n = podIps.getAndIncrement();
    String podIp = "10.244." + (n / 250) + "." + (n % 250 + 1);
    List<ContainerStatus> statuses = new ArrayList<>();
    for (Container c : containers) {
      statuses.add(new ContainerStatusBuilder()
          .withName(c.getName())
          .withImage(c.getImage())
          .withImageID(c.getImage())
          .withContainerID(Names.containerId())
          .withReady(true)
          .withStarted(true)
          .withRestartCount(0)
          .withState(new ContainerStateBuilder()
              .withRunning(new ContainerStateRunningBuilder().withStartedAt(now).build())
              .build())
          .build());
    }
    PodStatus running = new PodStatus();
    running.setPhase("Running");
    running.setHostIP(HOST_IP);
    running.setHostIPs(List.of(new HostIP(HOST_IP)));
    running.setPodIP(podIp);
    running.setPodIPs(List.of(new PodIP(podIp)));
    running.setStartTime(now);
    running.setQosClass(pod.getStatus() == null || pod.getStatus().getQosClass() == null
        ? "BestEffort" : pod.getStatus().getQosClass());
    running.setConditions(List.of(
        condition("PodReadyToStartContainers", "True", now, null),
        condition("Initialized", "True", now, null),
        condition("Ready", "True", now, null),
        condition("ContainersReady", "True", now, null),
        condition("PodScheduled", "True", now, null)));
    running.setContainerStatuses(statuses);
    writeStatus(ns, name, running);

    if (!plan.ends()) {
      return;
    }
    String restartPolicy = pod.getSpec().getRestartPolicy() == null ? "Always"
        : pod.getSpec().getRestartPolicy();
    if (restartPolicy.equals("Always")) {
      if (plan.outcome() == ContainerPlan.Outcome.FAILED) {
        sim.schedule(plan.duration(), () -> crashLoop(ns, name, uid, plan));
      }
      return;
    }
    sim.schedule(plan.duration(), () -> finish(ns, name, uid, plan));
  }

  private void finish(String ns, String name, String uid, ContainerPlan plan) {
    Pod pod = current(ns, name, uid);
    if (pod == null) {
      return;
    }
    String now = Names.now();
    boolean succeeded = plan.outcome() == ContainerPlan.Outcome.SUCCEEDED;
    PodStatus status = pod.getStatus();
    List<ContainerStatus> terminated = new ArrayList<>();
    List<ContainerStatus> before = status.getContainerStatuses() == null ? List.of()
        : status.getContainerStatuses();
    for (int i = 0; i < before.size(); i++) {
      ContainerStatus c = before.get(i);
      int code = i == 0 ? plan.exitCode() : 0;
      String reason = code == 0 ? "Completed" : "Error";
      String startedAt = c.getState() != null && c.getState().getRunning() != null
          ? c.getState().getRunning().getStartedAt() : now;
      if (i == 0) {
        sim.logs.append(ns, name, c.getName(), "[sandbox] container " + c.getName()
            + " exited with code " + code + " (" + reason + ")");
      }
      terminated.add(new ContainerStatusBuilder(c)
          .withReady(false)
          .withStarted(false)
          .withState(new ContainerStateBuilder()
              .withTerminated(new ContainerStateTerminatedBuilder()
                  .withExitCode(code)
                  .withReason(reason)
                  .withStartedAt(startedAt)
                  .withFinishedAt(now)
                  .withContainerID(c.getContainerID())
                  .build())
              .build())
          .build());
    }
    status.setPhase(succeeded ? "Succeeded" : "Failed");
    status.setConditions(List.of(
        condition("PodReadyToStartContainers", "False", now, null),
        condition("Initialized", "True", now, "PodCompleted"),
        condition("Ready", "False", now, "PodCompleted"),
        condition("ContainersReady", "False", now, "PodCompleted"),
        condition("PodScheduled", "True", now, null)));
    status.setContainerStatuses(terminated);
    writeStatus(ns, name, status);
    Simulation.info("pod " + ns + "/" + name + " " + status.getPhase().toLowerCase()
        + " (exit code " + plan.exitCode() + ")");
    OwnerReference owner = controller(pod);
    if (owner != null && "Job".equals(owner.getKind()) && jobs != null) {
      jobs.onPodFinished(ns, owner, succeeded);
    }
  }

  private void crashLoop(String ns, String name, String uid, ContainerPlan plan) {
    Pod pod = current(ns, name, uid);
    if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        || pod.getStatus().getContainerStatuses().isEmpty()) {
      return;
    }
    String now = Names.now();
    PodStatus status = pod.getStatus();
    List<ContainerStatus> statuses = new ArrayList<>(status.getContainerStatuses());
    ContainerStatus first = statuses.get(0);
    String startedAt = first.getState() != null && first.getState().getRunning() != null
        ? first.getState().getRunning().getStartedAt() : now;
    sim.logs.append(ns, name, first.getName(), "[sandbox] container " + first.getName()
        + " exited with code " + plan.exitCode() + " (Error), restarting");
    statuses.set(0, new ContainerStatusBuilder(first)
        .withReady(false)
        .withStarted(false)
        .withRestartCount(1)
        .withState(new ContainerStateBuilder()
            .withWaiting(new ContainerStateWaitingBuilder()
                .withReason("CrashLoopBackOff")
                .withMessage("back-off 10s restarting failed container=" + first.getName()
                    + " pod=" + name + "_" + ns + "(" + uid + ")")
                .build())
            .build())
        .withLastState(new ContainerStateBuilder()
            .withTerminated(new ContainerStateTerminatedBuilder()
                .withExitCode(plan.exitCode())
                .withReason("Error")
                .withStartedAt(startedAt)
                .withFinishedAt(now)
                .withContainerID(first.getContainerID())
                .build())
            .build())
        .build());
    status.setContainerStatuses(statuses);
    String message = "containers with unready status: [" + first.getName() + "]";
    status.setConditions(List.of(
        condition("PodReadyToStartContainers", "True", now, null),
        condition("Initialized", "True", now, null),
        new PodConditionBuilder(condition("Ready", "False", now, "ContainersNotReady"))
            .withMessage(message).build(),
        new PodConditionBuilder(condition("ContainersReady", "False", now, "ContainersNotReady"))
            .withMessage(message).build(),
        condition("PodScheduled", "True", now, null)));
    writeStatus(ns, name, status);
  }

  private void writeStatus(String ns, String name, PodStatus status) {
    sim.editStatus(sim.client.pods().inNamespace(ns).withName(name), p -> {
      p.setStatus(status);
      return p;
    });
  }

  static OwnerReference controller(Pod pod) {
    List<OwnerReference> refs = pod.getMetadata().getOwnerReferences();
    if (refs == null) {
      return null;
    }
    return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst()
        .orElse(null);
  }

  private static PodCondition condition(String type, String status, String now, String reason) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withLastTransitionTime(now)
        .withReason(reason)
        .build();
  }

  static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }
}
