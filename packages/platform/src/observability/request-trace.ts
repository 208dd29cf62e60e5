import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { context, propagation, SpanKind, trace, type Span } from '@opentelemetry/api';
import { tracingRecords } from '../telemetry/tracing';

const traceparentPattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const invalidTrace = '0'.repeat(32);
const invalidSpan = '0'.repeat(16);

export interface TraceIds {
  traceId: string;
  spanId: string;
}

/** The trace and parent span a W3C `traceparent` names, or null when it is absent or malformed. */
export function parseTraceparent(header: string | undefined | null): (TraceIds & { flags: string }) | null {
  const match = header ? traceparentPattern.exec(header.trim().toLowerCase()) : null;
  if (!match || match[1] === invalidTrace || match[2] === invalidSpan) return null;
  return { traceId: match[1], spanId: match[2], flags: match[3] };
}

export const newTraceId = () => randomBytes(16).toString('hex');
export const newSpanId = () => randomBytes(8).toString('hex');

/** A request's place in its trace, and how to run its handler inside it. */
export interface RequestTrace extends TraceIds {
  run(handler: () => void): void;
  end(status: number): void;
}

/**
 * Where an incoming request sits in its trace, so every log line of it can carry `trace_id` and `span_id`.
 *
 * When spans are recorded, the handler runs in the context the caller's `traceparent` describes (a caller
 * without one gets a root server span), so the gateway's spans join the caller's trace. When they are not
 * (no exporter), the request gets a span id of its own without recording anything, and its `traceparent`
 * header is rewritten to name it: the gateway forwards that header to the subgraphs as it is, so their log
 * lines share the trace id and name the gateway's request as their parent.
 */
export function traceRequest(req: IncomingMessage): RequestTrace {
  const header = req.headers.traceparent;
  const incoming = parseTraceparent(typeof header === 'string' ? header : undefined);
  if (tracingRecords()) {
    const parent = propagation.extract(context.active(), req.headers, {
      get: (headers, key) => (typeof headers[key] === 'string' ? (headers[key] as string) : undefined),
      keys: () => ['traceparent', 'tracestate'],
    });
    let span: Span | undefined;
    let active = parent;
    if (!incoming) {
      span = trace.getTracer('http').startSpan(`${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`, { kind: SpanKind.SERVER }, parent);
      active = trace.setSpan(parent, span);
    }
    const ids = span ? span.spanContext() : { traceId: incoming!.traceId, spanId: incoming!.spanId };
    return {
      traceId: ids.traceId,
      spanId: ids.spanId,
      run: (handler) => context.with(active, handler),
      end: (status) => {
        span?.setAttribute('http.response.status_code', status);
        span?.end();
      },
    };
  }
  const traceId = incoming?.traceId ?? newTraceId();
  const spanId = newSpanId();
  req.headers.traceparent = `00-${traceId}-${spanId}-${incoming?.flags ?? '01'}`;
  return { traceId, spanId, run: (handler) => handler(), end: () => undefined };
}
