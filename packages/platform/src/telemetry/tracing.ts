import { createRequire } from 'node:module';
import { context, propagation, trace, type Context, type TracerProvider } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

// The SDK and the OTLP exporter are loaded only by a process that records spans: one without a destination
// (the default) would hold their code and data for nothing, several MiB in the gateway.
const require = createRequire(import.meta.url);

let provider: NodeTracerProvider | null = null;
let installed: TracerProvider | null = null;

/**
 * Installs the process-wide tracer provider once. Spans are exported over OTLP when an endpoint is
 * configured, to `exporter` when one is given (tests), and nowhere otherwise.
 */
export function setupTracing(options: { serviceName: string; otlpEndpoint?: string; exporter?: SpanExporter }): TracerProvider {
  if (installed) return installed;
  if (!options.exporter && !options.otlpEndpoint) {
    // Recording spans that no processor exports costs CPU on every request (a sixth of the gateway's under
    // load), and so does an async context manager: on Node 20 it hooks every promise. Without a destination
    // neither is installed; the gateway forwards the caller's `traceparent` as it came.
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    installed = trace.getTracerProvider();
    return installed;
  }
  const { BatchSpanProcessor, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { Resource } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks') as typeof import('@opentelemetry/context-async-hooks');
  const spanProcessors = [];
  if (options.exporter) spanProcessors.push(new SimpleSpanProcessor(options.exporter));
  if (options.otlpEndpoint) {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint}/v1/traces` })));
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
