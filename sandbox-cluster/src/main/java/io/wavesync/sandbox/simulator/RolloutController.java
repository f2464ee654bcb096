package io.wavesync.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.wavesync.sandbox.SandboxAnnotations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Plays the Deployment, StatefulSet, DaemonSet and ReplicaSet controllers at the level of status
 * only (no ReplicaSets or Pods are created): every new generation is observed at once and reported
 * as progressing, and becomes available after the rollout duration, as Argo CD's health checks
 * expect. The outcome annotation can keep a rollout progressing or, for a Deployment, make it
 * exceed its progress deadline.
 */
final class RolloutController {

  private static final Logger LOG = Logger.getLogger(RolloutController.class.getName());

  private enum Outcome {
    AVAILABLE, PROGRESSING, DEGRADED
  }

  private record Plan(Outcome outcome, Duration duration) {
  }

  private final Simulation sim;
  private final Map<String, Long> observed = new ConcurrentHashMap<>();

  RolloutController(Simulation sim) {
    this.sim = sim;
  }

  void onDeleted(HasMetadata object) {
    observed.remove(object.getMetadata().getUid());
  }

  /** True when this generation has not been rolled out yet; records it as being rolled out. */
  private boolean newGeneration(HasMetadata object) {
    if (Simulation.deleting(object)) {
      return false;
    }
    long generation = generation(object);
    Long seen = observed.get(object.getMetadata().getUid());
    if (seen != null && seen >= generation) {
      return false;
    }
    observed.put(object.getMetadata().getUid(), generation);
    return true;
  }

  private Plan plan(HasMetadata object) {
    Map<String, String> annotations = Simulation.annotations(object);
    Outcome outcome = Outcome.AVAILABLE;
    String requested = annotations.get(SandboxAnnotations.OUTCOME);
    if (requested != null) {
      switch (requested.trim().toLowerCase(Locale.ROOT)) {
        case "available", "healthy", "succeeded" -> outcome = Outcome.AVAILABLE;
        case "progressing", "running" -> outcome = Outcome.PROGRESSING;
        case "degraded", "failed" -> outcome = Outcome.DEGRADED;
        default -> LOG.warning(() -> "ignoring " + SandboxAnnotations.OUTCOME + "=" + requested
            + " on " + Simulation.ref(object) + " (expected Available, Progressing or Degraded)");
      }
    }
    Duration duration = Durations.parse(annotations.get(SandboxAnnotations.DURATION))
        .orElse(sim.settings.rolloutDuration());
    return new Plan(outcome, duration);
  }

  // ---- Deployment ---------------------------------------------------------------------------

  void onDeployment(Deployment deployment) {
    if (!newGeneration(deployment)) {
      return;
    }
    String ns = deployment.getMetadata().getNamespace();
    String name = deployment.getMetadata().getName();
    String uid = deployment.getMetadata().getUid();
    long generation = generation(deployment);
    int replicas = replicas(deployment.getSpec().getReplicas());
    String replicaSet = name + "-" + Names.hash(uid + "/" + generation);
    Plan plan = plan(deployment);
    String now = Names.now();
    boolean paused = Boolean.TRUE.equals(deployment.getSpec().getPaused());
    sim.editStatus(sim.client.apps().deployments().inNamespace(ns).withName(name), d -> {
      DeploymentStatus previous = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
      boolean wasAvailable = previous.getAvailableReplicas() != null
          && previous.getAvailableReplicas() > 0;
      DeploymentStatus status = new DeploymentStatus();
      status.setObservedGeneration(generation);
      status.setReplicas(replicas);
      status.setUpdatedReplicas(nonZero(0));
      status.setReadyReplicas(previous.getReadyReplicas());
      status.setAvailableReplicas(previous.getAvailableReplicas());
      status.setUnavailableReplicas(nonZero(replicas - value(previous.getAvailableReplicas())));
      List<DeploymentCondition> conditions = new ArrayList<>();
      conditions.add(wasAvailable
          ? condition("Available", "True", "MinimumReplicasAvailable",
              "Deployment has minimum availability.", now)
          : condition("Available", "False", "MinimumReplicasUnavailable",
              "Deployment does not have minimum availability.", now));
      conditions.add(paused
          ? condition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now)
          : condition("Progressing", "True", "ReplicaSetUpdated",
              "ReplicaSet \"" + replicaSet + "\" is progressing.", now));
      status.setConditions(conditions);
      d.setStatus(status);
      return d;
    });
    if (paused || plan.outcome() == Outcome.PROGRESSING) {
      return;
    }
    sim.schedule(plan.duration(), () -> {
      Deployment current = sim.client.apps().deployments().inNamespace(ns).withName(name).get();
      if (!sameGeneration(current, uid, generation)) {
        return;
      }
      String at = Names.now();
      sim.editStatus(sim.client.apps().deployments().inNamespace(ns).withName(name), d -> {
        DeploymentStatus status = new DeploymentStatus();
        status.setObservedGeneration(generation);
        status.setReplicas(nonZero(replicas));
        status.setUpdatedReplicas(nonZero(replicas));
        if (plan.outcome() == Outcome.DEGRADED) {
          status.setUnavailableReplicas(nonZero(replicas));
          status.setConditions(List.of(
              condition("Available", "False", "MinimumReplicasUnavailable",
                  "Deployment does not have minimum availability.", at),
              condition("Progressing", "False", "ProgressDeadlineExceeded",
                  "ReplicaSet \"" + replicaSet + "\" has timed out progressing.", at)));
        } else {
          status.setReadyReplicas(nonZero(replicas));
          status.setAvailableReplicas(nonZero(replicas));
          status.setConditions(List.of(
              condition("Available", "True", "MinimumReplicasAvailable",
                  "Deployment has minimum availability.", at),
              condition("Progressing", "True", "NewReplicaSetAvailable",
                  "ReplicaSet \"" + replicaSet + "\" has successfully progressed.", at)));
        }
        d.setStatus(status);
        return d;
      });
      Simulation.info("deployment " + ns + "/" + name + " generation " + generation + " "
          + (plan.outcome() == Outcome.DEGRADED ? "exceeded its progress deadline"
          : "is available"));
    });
  }

  // ---- StatefulSet --------------------------------------------------------------------------

  void onStatefulSet(StatefulSet set) {
    if (!newGeneration(set)) {
      return;
    }
    String ns = set.getMetadata().getNamespace();
    String name = set.getMetadata().getName();
    String uid = set.getMetadata().getUid();
    long generation = generation(set);
    int replicas = replicas(set.getSpec().getReplicas());
    String revision = name + "-" + Names.hash(uid + "/" + generation);
    Plan plan = plan(set);
    sim.editStatus(sim.client.apps().statefulSets().inNamespace(ns).withName(name), s -> {
      StatefulSetStatus previous = s.getStatus() == null ? new StatefulSetStatus() : s.getStatus();
      StatefulSetStatus status = new StatefulSetStatus();
      status.setObservedGeneration(generation);
      status.setReplicas(replicas);
      status.setReadyReplicas(previous.getReadyReplicas());
      status.setAvailableReplicas(previous.getAvailableReplicas() == null ? 0
          : previous.getAvailableReplicas());
      status.setCurrentReplicas(previous.getCurrentReplicas());
      status.setUpdatedReplicas(nonZero(0));
      status.setCurrentRevision(previous.getUpdateRevision() == null ? revision
          : previous.getUpdateRevision());
      status.setUpdateRevision(revision);
      status.setCollisionCount(0);
      s.setStatus(status);
      return s;
    });
    if (plan.outcome() != Outcome.AVAILABLE) {
      return;
    }
    whenAvailable(sim.client.apps().statefulSets().inNamespace(ns).withName(name),
        uid, generation, plan.duration(), "statefulset " + ns + "/" + name, s -> {
      StatefulSetStatus status = new StatefulSetStatus();
      status.setObservedGeneration(generation);
      status.setReplicas(replicas);
      status.setReadyReplicas(nonZero(replicas));
      status.setAvailableReplicas(replicas);
      status.setCurrentReplicas(nonZero(replicas));
      status.setUpdatedReplicas(nonZero(replicas));
      status.setCurrentRevision(revision);
      status.setUpdateRevision(revision);
      status.setCollisionCount(0);
      s.setStatus(status);
      return s;
    });
  }

  // ---- DaemonSet (one simulated node) ---------------------------------------------------------

  void onDaemonSet(DaemonSet set) {
    if (!newGeneration(set)) {
      return;
    }
    String ns = set.getMetadata().getNamespace();
    String name = set.getMetadata().getName();
    String uid = set.getMetadata().getUid();
    long generation = generation(set);
    Plan plan = plan(set);
    sim.editStatus(sim.client.apps().daemonSets().inNamespace(ns).withName(name), d -> {
      DaemonSetStatus previous = d.getStatus() == null ? new DaemonSetStatus() : d.getStatus();
      DaemonSetStatus status = new DaemonSetStatus();
      status.setObservedGeneration(generation);
      status.setDesiredNumberScheduled(1);
      status.setCurrentNumberScheduled(1);
      status.setNumberMisscheduled(0);
      status.setNumberReady(value(previous.getNumberReady()));
      status.setNumberAvailable(previous.getNumberAvailable());
      status.setNumberUnavailable(nonZero(1 - value(previous.getNumberAvailable())));
      status.setUpdatedNumberScheduled(nonZero(0));
      d.setStatus(status);
      return d;
    });
    if (plan.outcome() != Outcome.AVAILABLE) {
      return;
    }
    whenAvailable(sim.client.apps().daemonSets().inNamespace(ns).withName(name),
        uid, generation, plan.duration(), "daemonset " + ns + "/" + name, d -> {
      DaemonSetStatus status = new DaemonSetStatus();
      status.setObservedGeneration(generation);
      status.setDesiredNumberScheduled(1);
      status.setCurrentNumberScheduled(1);
      status.setNumberMisscheduled(0);
      status.setNumberReady(1);
      status.setNumberAvailable(1);
      status.setUpdatedNumberScheduled(1);
      d.setStatus(status);
      return d;
    });
  }

  // ---- ReplicaSet ---------------------------------------------------------------------------

  void onReplicaSet(ReplicaSet set) {
    if (!newGeneration(set)) {
      return;
    }
    String ns = set.getMetadata().getNamespace();
    String name = set.getMetadata().getName();
    String uid = set.getMetadata().getUid();
    long generation = generation(set);
    int replicas = replicas(set.getSpec().getReplicas());
    Plan plan = plan(set);
    sim.editStatus(sim.client.apps().replicaSets().inNamespace(ns).withName(name), r -> {
      ReplicaSetStatus previous = r.getStatus() == null ? new ReplicaSetStatus() : r.getStatus();
      ReplicaSetStatus status = new ReplicaSetStatus();
      status.setObservedGeneration(generation);
      status.setReplicas(replicas);
      status.setFullyLabeledReplicas(nonZero(replicas));
      status.setReadyReplicas(previous.getReadyReplicas());
      status.setAvailableReplicas(previous.getAvailableReplicas());
      r.setStatus(status);
      return r;
    });
    if (plan.outcome() != Outcome.AVAILABLE) {
      return;
    }
    whenAvailable(sim.client.apps().replicaSets().inNamespace(ns).withName(name),
        uid, generation, plan.duration(), "replicaset " + ns + "/" + name, r -> {
      ReplicaSetStatus status = new ReplicaSetStatus();
      status.setObservedGeneration(generation);
      status.setReplicas(replicas);
      status.setFullyLabeledReplicas(nonZero(replicas));
      status.setReadyReplicas(nonZero(replicas));
      status.setAvailableReplicas(nonZero(replicas));
      r.setStatus(status);
      return r;
    });
  }

  // ---- helpers ------------------------------------------------------------------------------

  /**
   * After {@code after}, marks the object available with {@code available} unless it was
   * replaced, is being deleted or has a newer generation by then.
   */
  private <T extends HasMetadata> void whenAvailable(Resource<T> resource, String uid,
      long generation, Duration after, String what, UnaryOperator<T> available) {
    sim.schedule(after, () -> {
      if (!sameGeneration(resource.get(), uid, generation)) {
        return;
      }
      sim.editStatus(resource, available);
      Simulation.info(what + " generation " + generation
          + " is available");
    });
  }

  private static boolean sameGeneration(HasMetadata current, String uid, long generation) {
    return current != null && uid.equals(current.getMetadata().getUid())
        && !Simulation.deleting(current) && generation(current) == generation;
  }

  private static long generation(HasMetadata object) {
    Long generation = object.getMetadata().getGeneration();
    return generation == null ? 1 : generation;
  }

  private static int replicas(Integer replicas) {
    return replicas == null ? 1 : replicas;
  }

  private static int value(Integer value) {
    return value == null ? 0 : value;
  }

  /** Controllers omit zero counts from status. */
  private static Integer nonZero(int value) {
    return value == 0 ? null : value;
  }

  private static DeploymentCondition condition(String type, String status, String reason,
      String message, String now) {
    return new DeploymentConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastUpdateTime(now)
        .withLastTransitionTime(now)
        .build();
  }
}
