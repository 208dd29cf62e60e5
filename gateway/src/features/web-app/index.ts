import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import type { Logger } from '@cip/platform/core';
import type { GatewayFeature } from '../feature';

export interface WebAppOptions {
  /** The built web app (`clients/web/dist` by default, written by `npm run build -w @cip/web`). */
  root?: string;
  /** Path prefixes that belong to the gateway's own routes: never answered with the app's shell. */
  reserved?: string[];
}

const defaultRoot = fileURLToPath(new URL('../../../../clients/web/dist', import.meta.url));
const defaultReserved = ['/graphql', '/api/', '/webhooks/', '/healthz', '/readyz', '/metrics', '/media/', '/.well-known/'];
/** The customer's approval page is its own document (no staff code in it); every other app path is the staff app. */
const customerPage = '/approve/';

/**
 * Serves the web app at `/` on the gateway's own origin, beside `/graphql`: the files of the build, the
 * staff app's shell for its client-side routes, and the customer approval page under `/approve/`.
 * Hashed assets are cached for a year; documents, the service worker and the manifest are revalidated
 * on every load, so a new deployment is picked up (and the app offers to update).
 */
export function webAppFeature(options: WebAppOptions = {}): GatewayFeature {
  const root = options.root ?? defaultRoot;
  const reserved = options.reserved ?? defaultReserved;
  return {
    name: 'web-app',
    setup: ({ logger }) => {
      if (!existsSync(`${root}/index.html`)) {
        warnNotBuilt(logger, root);
        return {};
      }
      const files = sirv(root, { dev: false, etag: true, extensions: ['html'], setHeaders });
      const serve = (req: IncomingMessage, res: ServerResponse) =>
        new Promise<boolean>((resolve) => {
          res.once('finish', () => resolve(true));
          files(req, res, () => resolve(false));
        });
      return {
        async onRequest(req, res) {
          if (req.method !== 'GET' && req.method !== 'HEAD') return false;
          const pathname = new URL(req.url ?? '/', 'http://gateway').pathname;
          if (reserved.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix))) return false;
          if (await serve(req, res)) return true;
          if (!acceptsHtml(req) || /\.[a-z0-9]+$/i.test(pathname)) return false;
          req.url = pathname.startsWith(customerPage) ? `${customerPage}index.html` : '/index.html';
          return serve(req, res);
        },
      };
    },
  };
}

function setHeaders(res: ServerResponse, pathname: string) {
  res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  if (pathname.endsWith('.html')) res.setHeader('x-frame-options', 'DENY');
}

function acceptsHtml(req: IncomingMessage) {
  return String(req.headers.accept ?? '').includes('text/html');
}

function warnNotBuilt(logger: Logger, root: string) {
  logger.warn('the web app is not built: run `npm run build -w @cip/web` to serve it at /', { root });
}
