package io.wavesync.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.wavesync.sandbox.SandboxSettings;
import io.wavesync.sandbox.server.PodLogStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The controllers a real cluster runs, played against the sandbox API through informers: Jobs,
 * Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, LoadBalancer Services, Ingresses,
 * PersistentVolumeClaims and Argo Workflows.
 */
public final class WorkloadSimulator implements AutoCloseable {

  private final KubernetesClient client;
  private final ScheduledExecutorService executor;
  private final Simulation sim;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  public WorkloadSimulator(KubernetesClient client, SandboxSettings settings, PodLogStore logs) {
    this.client = client;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sandbox-simulator");
      t.setDaemon(true);
      return t;
    });
    this.sim = new Simulation(client, settings, logs, executor);
  }

  public void start() {
    PodRunner pods = new PodRunner(sim);
    JobController jobs = new JobController(sim);
    pods.setJobController(jobs);
    RolloutController rollouts = new RolloutController(sim);
    AddressController addresses = new AddressController(sim);
    WorkflowController workflows = new WorkflowController(sim);

    informers.add(client.pods().inAnyNamespace().inform(handler(pods::onPod, pods::onDeleted), 0));
    informers.add(client.batch().v1().jobs().inAnyNamespace()
        .inform(handler(jobs::onJob, jobs::onDeleted), 0));
    informers.add(client.apps().deployments().inAnyNamespace()
        .inform(handler(rollouts::onDeployment, rollouts::onDeleted), 0));
    informers.add(client.apps().statefulSets().inAnyNamespace()
        .inform(handler(rollouts::onStatefulSet, rollouts::onDeleted), 0));
    informers.add(client.apps().daemonSets().inAnyNamespace()
        .inform(handler(rollouts::onDaemonSet, rollouts::onDeleted), 0));
    informers.add(client.apps().replicaSets().inAnyNamespace()
        .inform(handler(rollouts::onReplicaSet, rollouts::onDeleted), 0));
    informers.add(client.services().inAnyNamespace()
        .inform(handler(addresses::onService, s -> addresses.onDeleted(uid(s))), 0));
    informers.add(client.network().v1().ingresses().inAnyNamespace()
        .inform(handler(addresses::onIngress, i -> addresses.onDeleted(uid(i))), 0));
    informers.add(client.persistentVolumeClaims().inAnyNamespace()
        .inform(handler(addresses::onClaim, c -> addresses.onDeleted(uid(c))), 0));
    informers.add(client.genericKubernetesResources(WorkflowController.WORKFLOWS)
        .inAnyNamespace().inform(handler(workflows::onWorkflow, workflows::onDeleted), 0));
  }

  private <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<T> onChange,
      Consumer<T> onDelete) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        sim.run(() -> onChange.accept(object));
      }

      @Override
      public void onUpdate(T oldObject, T newObject) {
        sim.run(() -> onChange.accept(newObject));
      }

      @Override
      public void onDelete(T object, boolean deletedFinalStateUnknown) {
        sim.run(() -> onDelete.accept(object));
      }
    };
  }

  private static String uid(HasMetadata object) {
    return object.getMetadata().getUid();
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::stop);
    informers.clear();
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
