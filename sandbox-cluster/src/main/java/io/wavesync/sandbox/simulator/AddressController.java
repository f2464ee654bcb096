package io.wavesync.sandbox.simulator;

import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerStatus;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatus;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the cloud load balancer, the ingress controller and the volume binder: LoadBalancer
 * Services and Ingresses get an address, PersistentVolumeClaims become Bound.
 */
final class AddressController {

  private final Simulation sim;
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final AtomicInteger addresses = new AtomicInteger();

  AddressController(Simulation sim) {
    this.sim = sim;
  }

  void onDeleted(String uid) {
    handled.remove(uid);
  }

  void onService(Service service) {
    if (Simulation.deleting(service) || service.getSpec() == null
        || !"LoadBalancer".equals(service.getSpec().getType())) {
      return;
    }
    LoadBalancerStatus lb = service.getStatus() == null ? null
        : service.getStatus().getLoadBalancer();
    if (lb != null && lb.getIngress() != null && !lb.getIngress().isEmpty()) {
      return;
    }
    if (!handled.add(service.getMetadata().getUid())) {
      return;
    }
    String ns = service.getMetadata().getNamespace();
    String name = service.getMetadata().getName();
    String ip = nextAddress();
    sim.schedule(sim.settings.loadBalancerDelay(), () -> {
      sim.editStatus(sim.client.services().inNamespace(ns).withName(name), s -> {
        s.getStatus().setLoadBalancer(new LoadBalancerStatus(List.of(
            new LoadBalancerIngressBuilder().withIp(ip).withIpMode("VIP").build())));
        return s;
      });
      Simulation.info("service " + ns + "/" + name + " got load balancer address " + ip);
    });
  }

  void onIngress(Ingress ingress) {
    if (Simulation.deleting(ingress)) {
      return;
    }
    IngressStatus status = ingress.getStatus();
    if (status != null && status.getLoadBalancer() != null
        && status.getLoadBalancer().getIngress() != null
        && !status.getLoadBalancer().getIngress().isEmpty()) {
      return;
    }
    if (!handled.add(ingress.getMetadata().getUid())) {
      return;
    }
    String ns = ingress.getMetadata().getNamespace();
    String name = ingress.getMetadata().getName();
    String ip = nextAddress();
    sim.schedule(sim.settings.loadBalancerDelay(), () ->
        sim.editStatus(sim.client.network().v1().ingresses().inNamespace(ns).withName(name), i -> {
          i.setStatus(new IngressStatus(new IngressLoadBalancerStatus(List.of(
              new IngressLoadBalancerIngressBuilder().withIp(ip).build()))));
          return i;
        }));
  }

  void onClaim(PersistentVolumeClaim claim) {
    if (Simulation.deleting(claim)) {
      return;
    }
    if (claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase())) {
      return;
    }
    if (!handled.add(claim.getMetadata().getUid())) {
      return;
    }
    String ns = claim.getMetadata().getNamespace();
    String name = claim.getMetadata().getName();
    sim.schedule(sim.settings.podStartDelay(), () ->
        sim.editStatus(sim.client.persistentVolumeClaims().inNamespace(ns).withName(name), c -> {
          PersistentVolumeClaimStatus status = new PersistentVolumeClaimStatus();
          status.setPhase("Bound");
          if (c.getSpec() != null) {
            status.setAccessModes(c.getSpec().getAccessModes());
            if (c.getSpec().getResources() != null) {
              status.setCapacity(c.getSpec().getResources().getRequests());
            }
          }
          c.setStatus(status);
          return c;
        }));
  }

  private String nextAddress() {
    int n = addresses.getAndIncrement();
    return "172.18.255." + (200 + n % 50);
  }
}
