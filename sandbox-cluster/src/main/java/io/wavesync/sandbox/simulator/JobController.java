package io.wavesync.sandbox.simulator;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.UncountedTerminatedPods;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.wavesync.sandbox.SandboxAnnotations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the Job controller and the TTL-after-finished controller: one Pod per Job, no retries (a
 * failed Pod fails the Job as if the backoff limit were reached), {@code activeDeadlineSeconds}
 * honoured, finished Jobs with {@code ttlSecondsAfterFinished} deleted in the foreground.
 */
final class JobController {

  static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  static final String JOB_NAME = "batch.kubernetes.io/job-name";

  private final Simulation sim;
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final Set<String> expiring = ConcurrentHashMap.newKeySet();

  JobController(Simulation sim) {
    this.sim = sim;
  }

  void onJob(Job job) {
    if (Simulation.deleting(job)) {
      return;
    }
    String uid = job.getMetadata().getUid();
    if (finished(job)) {
      scheduleExpiry(job);
      return;
    }
    if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      return;
    }
    if (job.getStatus() != null && job.getStatus().getStartTime() != null) {
      started.add(uid);
      return;
    }
    if (started.add(uid)) {
      start(job);
    }
  }

  void onDeleted(Job job) {
    started.remove(job.getMetadata().getUid());
    expiring.remove(job.getMetadata().getUid());
  }

  private void start(Job job) {
    String ns = job.getMetadata().getNamespace();
    String name = job.getMetadata().getName();
    String uid = job.getMetadata().getUid();
    Pod pod = null;
    for (int attempt = 0; attempt < 5 && pod == null; attempt++) {
      try {
        pod = sim.client.pods().inNamespace(ns).resource(podFor(job)).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
    if (pod == null) {
      return;
    }
    String now = Names.now();
    sim.editStatus(sim.client.batch().v1().jobs().inNamespace(ns).withName(name), j -> {
      JobStatus status = j.getStatus() == null ? new JobStatus() : j.getStatus();
      status.setActive(1);
      status.setReady(0);
      status.setTerminating(0);
      status.setStartTime(now);
      status.setUncountedTerminatedPods(new UncountedTerminatedPods());
      j.setStatus(status);
      return j;
    });
    Simulation.info("job " + ns + "/" + name + " started pod " + pod.getMetadata().getName());
    Long deadline = job.getSpec().getActiveDeadlineSeconds();
    if (deadline != null) {
      sim.schedule(Duration.ofSeconds(deadline), () -> deadlineExceeded(ns, name, uid));
    }
  }

  private Pod podFor(Job job) {
    PodTemplateSpec template = job.getSpec().getTemplate();
    Map<String, String> labels = new HashMap<>();
    Map<String, String> annotations = new HashMap<>();
    if (template.getMetadata() != null) {
      if (template.getMetadata().getLabels() != null) {
        labels.putAll(template.getMetadata().getLabels());
      }
      if (template.getMetadata().getAnnotations() != null) {
        annotations.putAll(template.getMetadata().getAnnotations());
      }
    }
    String uid = job.getMetadata().getUid();
    String name = job.getMetadata().getName();
    labels.putIfAbsent(CONTROLLER_UID, uid);
    labels.putIfAbsent(JOB_NAME, name);
    labels.putIfAbsent("controller-uid", uid);
    labels.putIfAbsent("job-name", name);
    // Annotations on the Job steer its pod unless the pod template says otherwise.
    for (String key : List.of(SandboxAnnotations.OUTCOME, SandboxAnnotations.DURATION)) {
      String value = Simulation.annotations(job).get(key);
      if (value != null) {
        annotations.putIfAbsent(key, value);
      }
    }
    OwnerReference owner = new OwnerReferenceBuilder()
        .withApiVersion("batch/v1")
        .withKind("Job")
        .withName(name)
        .withUid(uid)
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
    return new PodBuilder()
        .withMetadata(new ObjectMetaBuilder()
            .withName(name + "-" + Names.suffix())
            .withNamespace(job.getMetadata().getNamespace())
            .withLabels(labels)
            .withAnnotations(annotations)
            .withOwnerReferences(owner)
            .build())
        .withSpec(template.getSpec())
        .build();
  }

  void onPodFinished(String ns, OwnerReference owner, boolean succeeded) {
    Job job = sim.client.batch().v1().jobs().inNamespace(ns).withName(owner.getName()).get();
    if (job == null || !owner.getUid().equals(job.getMetadata().getUid()) || finished(job)) {
      return;
    }
    String now = Names.now();
    Resource<Job> resource = sim.client.batch().v1().jobs().inNamespace(ns)
        .withName(owner.getName());
    Job updated = sim.editStatus(resource, j -> {
      JobStatus status = j.getStatus() == null ? new JobStatus() : j.getStatus();
      status.setActive(null);
      status.setReady(0);
      status.setTerminating(0);
      List<JobCondition> conditions = new ArrayList<>();
      if (succeeded) {
        status.setSucceeded(1);
        status.setCompletionTime(now);
        String message = "Reached expected number of succeeded pods";
        conditions.add(condition("SuccessCriteriaMet", "CompletionsReached", message, now));
        conditions.add(condition("Complete", "CompletionsReached", message, now));
      } else {
        status.setFailed(1);
        String message = "Job has reached the specified backoff limit";
        conditions.add(condition("FailureTarget", "BackoffLimitExceeded", message, now));
        conditions.add(condition("Failed", "BackoffLimitExceeded", message, now));
      }
      status.setConditions(conditions);
      j.setStatus(status);
      return j;
    });
    Simulation.info("job " + ns + "/" + owner.getName() + (succeeded ? " complete" : " failed"));
    scheduleExpiry(updated);
  }

  private void deadlineExceeded(String ns, String name, String uid) {
    Job job = sim.client.batch().v1().jobs().inNamespace(ns).withName(name).get();
    if (job == null || !uid.equals(job.getMetadata().getUid()) || finished(job)) {
      return;
    }
    sim.client.pods().inNamespace(ns).withLabel(CONTROLLER_UID, uid).delete();
    String now = Names.now();
    Resource<Job> resource = sim.client.batch().v1().jobs().inNamespace(ns).withName(name);
    Job updated = sim.editStatus(resource, j -> {
      JobStatus status = j.getStatus() == null ? new JobStatus() : j.getStatus();
      status.setActive(null);
      status.setReady(0);
      status.setFailed(1);
      String message = "Job was active longer than specified deadline";
      status.setConditions(List.of(
          condition("FailureTarget", "DeadlineExceeded", message, now),
          condition("Failed", "DeadlineExceeded", message, now)));
      j.setStatus(status);
      return j;
    });
    Simulation.info("job " + ns + "/" + name + " failed: deadline exceeded");
    scheduleExpiry(updated);
  }

  private void scheduleExpiry(Job job) {
    Integer ttl = job.getSpec().getTtlSecondsAfterFinished();
    String uid = job.getMetadata().getUid();
    if (ttl == null || Simulation.deleting(job) || !expiring.add(uid)) {
      return;
    }
    Instant finishedAt = finishedAt(job);
    Duration wait = Duration.between(Instant.now(), finishedAt.plusSeconds(ttl));
    String ns = job.getMetadata().getNamespace();
    String name = job.getMetadata().getName();
    sim.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> {
      Job current = sim.client.batch().v1().jobs().inNamespace(ns).withName(name).get();
      if (current == null || !uid.equals(current.getMetadata().getUid())
          || Simulation.deleting(current)) {
        return;
      }
      // The TTL controller deletes in the foreground, so the pods go first.
      sim.client.batch().v1().jobs().inNamespace(ns).withName(name)
          .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
      Simulation.info("job " + ns + "/" + name + " deleted " + ttl + "s after it finished");
    });
  }

  static boolean finished(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return false;
    }
    return job.getStatus().getConditions().stream()
        .anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
            && "True".equals(c.getStatus()));
  }

  private static Instant finishedAt(Job job) {
    if (job.getStatus().getCompletionTime() != null) {
      return Instant.parse(job.getStatus().getCompletionTime());
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> "Failed".equals(c.getType()) && c.getLastTransitionTime() != null)
        .map(c -> Instant.parse(c.getLastTransitionTime()))
        .findFirst()
        .orElse(Instant.now());
  }

  private static JobCondition condition(String type, String reason, String message, String now) {
    return new JobConditionBuilder()
        .withType(type)
        .withStatus("True")
        .withReason(reason)
        .withMessage(message)
        .withLastProbeTime(now)
        .withLastTransitionTime(now)
        .build();
  }
}
