import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import type { TraceIds } from './request-trace';

interface RequestLog {
  logger: Logger;
  fields: Record<string, unknown>;
}

const logs = new WeakMap<IncomingMessage, RequestLog>();

/** Probes and scrapes arrive every few seconds from the orchestrator: their lines are debug, not info. */
const quietPaths = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Gives a request a logger whose every line carries its `trace_id` and `span_id`, and writes its access-log
 * line (`msg: "request"`: method, path, status, duration, client, operation) when the response ends.
 */
export function openRequestLog(req: IncomingMessage, res: ServerResponse, base: Logger, ids: TraceIds): void {
  const log: RequestLog = { logger: base.child({ trace_id: ids.traceId, span_id: ids.spanId }), fields: {} };
  logs.set(req, log);
  const started = process.hrtime.bigint();
  res.once('close', () => {
    const path = (req.url ?? '/').split('?')[0];
    const client = req.headers['apollographql-client-name'];
    const line = {
      method: req.method,
      path,
      status: res.statusCode,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      ...(typeof client === 'string' ? { client } : {}),
      ...(res.writableFinished ? {} : { aborted: true }),
      ...log.fields,
    };
    if (quietPaths.has(path)) log.logger.debug('request', line);
    else log.logger.info('request', line);
  });
}

/** The logger of a request `listen` is serving (trace and span ids bound), if any. */
export function requestLogger(req: IncomingMessage | undefined): Logger | undefined {
  return req ? logs.get(req)?.logger : undefined;
}

/** Adds fields (the GraphQL operation, the caller) to the request's access-log line. */
export function annotateRequest(req: IncomingMessage | undefined, fields: Record<string, unknown>): void {
  const log = req ? logs.get(req) : undefined;
  if (log) Object.assign(log.fields, fields);
}
