package io.wavesync.runner.k8s;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.ClusterOps;

/**
 * One span per cluster call of a wave ({@code apply Job demo/db-migrate}, {@code delete ...},
 * {@code remove-finalizer ...}), children of the wave's span. Nothing about tracing is written on
 * the objects: an annotation that changed with every apply would turn every "unchanged" apply into
 * "configured". The watcher learns each object's trace from the {@code ResourceApplied} record.
 */
public final class TracedClusterOps implements ClusterOps {

  static final AttributeKey<String> KIND = AttributeKey.stringKey("k8s.object.kind");
  static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("k8s.namespace.name");
  static final AttributeKey<String> NAME = AttributeKey.stringKey("k8s.object.name");
  static final AttributeKey<Boolean> DRY_RUN = AttributeKey.booleanKey("wavesync.dry_run");

  private final ClusterOps delegate;
  private final Tracer tracer;

  public TracedClusterOps(ClusterOps delegate, Tracer tracer) {
    this.delegate = delegate;
    this.tracer = tracer;
  }

  @Override
  public void removeHookFinalizer(KubeObject live) throws ApiException {
    traced("remove-finalizer", live, false, () -> {
      delegate.removeHookFinalizer(live);
      return null;
    });
  }

  @Override
  public void delete(KubeObject obj, String propagationPolicy) throws ApiException {
    traced("delete", obj, false, () -> {
      delegate.delete(obj, propagationPolicy);
      return null;
    });
  }

  @Override
  public Applied apply(KubeObject target, KubeObject live, ApplyStrategy.Method method,
      ApplyStrategy strategy, boolean dryRun) throws ApiException {
    return traced("apply", target, dryRun,
        () -> delegate.apply(target, live, method, strategy, dryRun));
  }

  private interface ApiCall<T> {
    T call() throws ApiException;
  }

  private <T> T traced(String call, KubeObject obj, boolean dryRun, ApiCall<T> body)
      throws ApiException {
    Span span = start(call, obj);
    if (dryRun) {
      span.setAttribute(DRY_RUN, true);
    }
    try (Scope scope = span.makeCurrent()) {
      return body.call();
    } catch (ApiException | RuntimeException e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  private Span start(String call, KubeObject obj) {
    String ns = obj.namespace();
    return tracer.spanBuilder(call + " " + obj.kind() + " " + (ns.isEmpty() ? "" : ns + "/")
            + obj.name())
        .setAttribute(KIND, obj.kind())
        .setAttribute(NAMESPACE, ns)
        .setAttribute(NAME, obj.name())
        .startSpan();
  }

  private static void failed(Span span, Exception e) {
    span.recordException(e);
    span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
  }
}
