package io.wavesync.runner.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.wavesync.engine.sync.ClusterOps;
import io.wavesync.kubernetes.GenericResources;
import io.wavesync.runner.config.PhaseRunnerConfig;
import io.wavesync.runner.domain.CallLog;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The cluster the runner writes to: one discovery cache and the two appliers for the service's
 * lifetime, and a fresh {@link KubernetesClusterOps} per wave.
 */
@ApplicationScoped
public class KubernetesCluster {

  private final GenericResources resources;
  private final Applier clientSide;
  private final Applier serverSide;
  private final java.util.Map<String, java.util.List<String>> projectApplications = new java.util.HashMap<>();
  private final java.util.Map<String, io.wavesync.engine.sync.ProjectPolicy> projects = new java.util.HashMap<>();

  public KubernetesCluster(KubernetesClient client, PhaseRunnerConfig config) {
    config.projects().forEach((name, p) -> {
      projectApplications.put(name, p.applications());
      projects.put(name, new io.wavesync.engine.sync.ProjectPolicy(name, p.destinations(), p.kinds(),
          p.deniedKinds().orElse(java.util.List.of())));
    });
    this.resources = new GenericResources(client);
    this.clientSide = new CreateOrUpdateApplier(resources, config.forceReplaceTimeout());
    this.serverSide = new ServerSideApplier(resources, config.forceReplaceTimeout());
  }

  /** The cluster calls of one wave, recording what they do in {@code log}. */
  public ClusterOps opsFor(CallLog log) {
    return new KubernetesClusterOps(resources, clientSide, serverSide, log,
        io.wavesync.engine.sync.ProjectPolicy.ANY);
  }

  /** The cluster calls of one wave of an application, within the application's project. */
  public ClusterOps opsFor(CallLog log, String application) {
    return new KubernetesClusterOps(resources, clientSide, serverSide, log,
        io.wavesync.engine.sync.ProjectPolicy.select(projectApplications, projects, application));
  }
}
