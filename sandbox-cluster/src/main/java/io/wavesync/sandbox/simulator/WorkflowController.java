package io.wavesync.sandbox.simulator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.wavesync.sandbox.SandboxAnnotations;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the Argo Workflows controller for hooks that are Workflows: Running, then Succeeded (or
 * Failed, or never ending, per the outcome annotation) after the duration.
 */
final class WorkflowController {

  static final ResourceDefinitionContext WORKFLOWS = new ResourceDefinitionContext.Builder()
      .withGroup("argoproj.io")
      .withVersion("v1alpha1")
      .withKind("Workflow")
      .withPlural("workflows")
      .withNamespaced(true)
      .build();

  private final Simulation sim;
  private final Set<String> started = ConcurrentHashMap.newKeySet();

  WorkflowController(Simulation sim) {
    this.sim = sim;
  }

  void onDeleted(GenericKubernetesResource workflow) {
    started.remove(workflow.getMetadata().getUid());
  }

  void onWorkflow(GenericKubernetesResource workflow) {
    if (Simulation.deleting(workflow) || workflow.getAdditionalProperties().get("status") != null
        || !started.add(workflow.getMetadata().getUid())) {
      return;
    }
    Map<String, String> annotations = Simulation.annotations(workflow);
    String requested = annotations.getOrDefault(SandboxAnnotations.OUTCOME, "Succeeded")
        .trim().toLowerCase(Locale.ROOT);
    String ns = workflow.getMetadata().getNamespace();
    String name = workflow.getMetadata().getName();
    String uid = workflow.getMetadata().getUid();
    String startedAt = Names.now();
    writeStatus(ns, name, status("Running", startedAt, null, null));
    if (requested.equals("running")) {
      return;
    }
    boolean failed = requested.equals("failed") || requested.equals("error");
    sim.schedule(Durations.parse(annotations.get(SandboxAnnotations.DURATION))
        .orElse(sim.settings.defaultDuration()), () -> {
          GenericKubernetesResource current = sim.client.genericKubernetesResources(WORKFLOWS)
              .inNamespace(ns).withName(name).get();
          if (current == null || !uid.equals(current.getMetadata().getUid())) {
            return;
          }
          writeStatus(ns, name, status(failed ? "Failed" : "Succeeded", startedAt, Names.now(),
              failed ? "child 'main' failed" : null));
          Simulation.info("workflow " + ns + "/" + name + (failed ? " failed" : " succeeded"));
        });
  }

  private void writeStatus(String ns, String name, Map<String, Object> status) {
    sim.edit(sim.client.genericKubernetesResources(WORKFLOWS).inNamespace(ns).withName(name), w -> {
      w.setAdditionalProperty("status", status);
      return w;
    });
  }

  private static Map<String, Object> status(String phase, String startedAt, String finishedAt,
      String message) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("phase", phase);
    status.put("startedAt", startedAt);
    status.put("finishedAt", finishedAt);
    status.put("progress", finishedAt == null ? "0/1" : "1/1");
    if (message != null) {
      status.put("message", message);
    }
    return status;
  }
}
