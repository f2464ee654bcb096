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

  public KubernetesCluster(KubernetesClient client, PhaseRunnerConfig config) {
    this.resources = new GenericResources(client);
    this.clientSide = new CreateOrUpdateApplier(resources, config.forceReplaceTimeout());
    this.serverSide = new ServerSideApplier(resources, config.forceReplaceTimeout());
  }

  /** The cluster calls of one wave, recording what they do in {@code log}. */
  public ClusterOps opsFor(CallLog log) {
    return new KubernetesClusterOps(resources, clientSide, serverSide, log);
  }
}
