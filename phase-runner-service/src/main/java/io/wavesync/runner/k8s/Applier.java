package io.wavesync.runner.k8s;

/**
 * Writes one object to the cluster. Two strategies implement it: {@link CreateOrUpdateApplier}
 * (kubectl's client-side apply, the default) and {@link ServerSideApplier} (server-side apply with
 * wavesync's field manager). Both carry out the other methods an object may ask for ({@code
 * Replace=true}: create, replace, update) the same way.
 *
 * <p>Never throws for an API refusal: a refusal is a {@link ApplyResult.Outcome#FAILED} result with
 * the API's message, so one bad manifest fails its task and nothing else.
 */
public interface Applier {

  ApplyResult apply(ApplyRequest request);
}
