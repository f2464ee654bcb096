package io.wavesync.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field that {@link SandboxClusterResource} fills with the running sandbox: either the
 * {@code SandboxCluster} itself or a {@code KubernetesClient} connected to it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectSandbox {
}
