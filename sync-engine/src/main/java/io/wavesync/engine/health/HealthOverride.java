package io.wavesync.engine.health;

import io.wavesync.engine.model.KubeObject;
import java.util.Optional;

/**
 * A custom health check that takes precedence over the built-in ones (the counterpart of Argo CD's
 * Lua health customisations).
 *
 * <p>Returning {@link Optional#empty()} means "no opinion": the built-in check, if any, applies.
 * Throwing means the evaluation failed; {@link HealthAssessor} turns that into a {@link
 * HealthCheckException}.
 */
@FunctionalInterface
public interface HealthOverride {

  Optional<HealthResult> assess(KubeObject obj) throws Exception;
}
