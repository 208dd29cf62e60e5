import { context, propagation, trace, type Context, type TracerProvider } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

let provider: NodeTracerProvider | null = null;
let installed: TracerProvider | null = null;

/**
 * Installs the process-wide tracer provider once. Spans are exported over OTLP when an endpoint is
 * configured, to `exporter` when one is given (tests), and nowhere otherwise.
 */
export function setupTracing(options: { serviceName: string; otlpEndpoint?: string; exporter?: SpanExporter }): TracerProvider {
  if (installed) return installed;
  const spanProcessors = [];
  if (options.exporter) spanProcessors.push(new SimpleSpanProcessor(options.exporter));
  if (options.otlpEndpoint) spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint}/v1/traces` })));
  if (spanProcessors.length === 0) {
    // Recording spans that no processor exports costs CPU on every request (a sixth of the gateway's under
    // load), and so does an async context manager: on Node 20 it hooks every promise. Without a destination
    // neither is installed; the gateway forwards the caller's `traceparent` as it came.
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    installed = trace.getTracerProvider();
    return installed;
  }
  provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': options.serviceName }),
    spanProcessors,
  });
  provider.register({ contextManager: new AsyncLocalStorageContextManager(), propagator: new W3CTraceContextPropagator() });
  installed = provider;
  return provider;
}

/** Whether this process records spans (an exporter or OTLP endpoint was configured). */
export function tracingRecords(): boolean {
  return provider !== null;
}

export async function shutdownTracing(): Promise<void> {
  await provider?.shutdown();
  provider = null;
  installed = null;
}

interface HeaderReader {
  get(name: string): string | null;
}

/** The OpenTelemetry context a request's `traceparent` header describes (any fetch-style Headers). */
export function contextFromHeaders(headers: HeaderReader): Context {
  return propagation.extract(context.active(), headers, {
    get: (carrier, key) => carrier.get(key) ?? undefined,
    keys: () => ['traceparent', 'tracestate'],
  });
}

export function tracer(name: string) {
  return trace.getTracer(name);
}
