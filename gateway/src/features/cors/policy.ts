import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@cip/platform/core';

export interface CorsOptions {
  /** Browser origins, besides the gateway's own, allowed to call it (`CORS_ORIGINS`). */
  allowedOrigins: string[];
  /** Where staff and customers reach the gateway (`PUBLIC_URL`): its origin is the gateway's own. */
  publicUrl: string;
  /** How long a browser may keep a preflight's answer, in seconds. */
  maxAgeSeconds?: number;
}

/** Request headers a browser may send cross-origin: what the web app and Apollo clients set. */
const allowedHeaders = [
  'authorization',
  'content-type',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'traceparent',
  'tracestate',
];
const allowedMethods = ['GET', 'POST', 'OPTIONS'];
/** Response headers a cross-origin script may read beside the CORS-safelisted ones. */
const exposedHeaders = ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy', 'x-deprecated-fields'];

export type CorsDecision = 'not-cross-origin' | 'allowed' | 'refused';

/**
 * Answers CORS for the allowed origins and refuses every other cross-origin request outright (403, no
 * CORS headers), so a page on a foreign origin neither reads a response nor gets a request executed.
 * Same-origin requests (the web app served by the gateway) pass untouched.
 */
export function createCorsPolicy(options: CorsOptions) {
  const allowed = new Set(options.allowedOrigins.map(normalizeOrigin));
  const ownOrigin = normalizeOrigin(options.publicUrl);
  const maxAge = String(options.maxAgeSeconds ?? 600);

  const decide = (req: IncomingMessage): { decision: CorsDecision; origin?: string } => {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    if (origin === undefined) return { decision: 'not-cross-origin' };
    const normalized = normalizeOrigin(origin);
    if (normalized === ownOrigin || normalized === requestOrigin(req)) return { decision: 'not-cross-origin' };
    return { decision: allowed.has(normalized) ? 'allowed' : 'refused', origin };
  };

  /** Handles the request when it is a preflight or refused; otherwise sets the CORS headers and returns false. */
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const { decision, origin } = decide(req);
    if (decision === 'not-cross-origin') return false;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (decision === 'refused') {
      res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', vary: 'Origin' });
      res.end(JSON.stringify({ errors: [{ message: `Origin ${origin} is not allowed to call this API.`, extensions: { code: ErrorCode.FORBIDDEN } }] }));
      return true;
    }
    res.setHeader('access-control-allow-origin', origin!);
    res.setHeader('vary', 'Origin');
    if (!preflight) {
      res.setHeader('access-control-expose-headers', exposedHeaders.join(', '));
      return false;
    }
    res.writeHead(204, {
      'access-control-allow-methods': allowedMethods.join(', '),
      'access-control-allow-headers': allowedHeaders.join(', '),
      'access-control-max-age': maxAge,
      'content-length': '0',
    });
    res.end();
    return true;
  };
}

function normalizeOrigin(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}

/** The origin the request was addressed to, as the browser sees it (scheme from a proxy when present). */
function requestOrigin(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (!host) return undefined;
  const forwarded = req.headers['x-forwarded-proto'];
  const scheme = typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : 'http';
  return normalizeOrigin(`${scheme}://${host}`);
}
