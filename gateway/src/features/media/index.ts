import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, gatewayCredentialHeader } from '@cip/platform/core';
import { sendJson } from '../../http-adapter';
import type { GatewayFeature } from '../feature';

export interface MediaOptions {
  /** Path prefix of the media routes; the inspections subgraph's local storage signs its URLs under it. */
  prefix?: string;
}

/** Request headers an upload or a read needs; nothing else of the client's reaches the subgraph. */
const forwardedRequestHeaders = ['content-type', 'content-length', 'range', 'if-none-match'];
/** Response headers the client needs; the subgraph's own (server, its address) stay behind. */
const forwardedResponseHeaders = ['content-type', 'content-length', 'cache-control', 'etag', 'accept-ranges', 'content-range'];

/**
 * Photos and videos under the gateway's public origin (`/media/…`): requests are passed to the
 * inspections subgraph, which signs and checks the URLs and reads and writes its store (local disk or an
 * S3 bucket), so a customer's browser never sees an internal address, the subgraph's or the bucket's.
 */
export function mediaFeature(options: MediaOptions = {}): GatewayFeature {
  const prefix = options.prefix ?? '/media/';
  return {
    name: 'media',
    setup: ({ config, subgraphUrls }) => {
      if (!subgraphUrls.inspections) return {};
      const upstream = new URL(subgraphUrls.inspections).origin;
      return {
        routes: [
          {
            matches: (pathname) => pathname.startsWith(prefix),
            async handle(req: IncomingMessage, res: ServerResponse) {
              const headers = new Headers();
              for (const name of forwardedRequestHeaders) {
                const value = req.headers[name];
                if (typeof value === 'string') headers.set(name, value);
              }
              if (config.gatewaySecret) headers.set(gatewayCredentialHeader, config.gatewaySecret);
              const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
              const response = await fetch(`${upstream}${req.url ?? '/'}`, {
                method: req.method,
                headers,
                body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
                ...(hasBody ? { duplex: 'half' } : {}),
              } as RequestInit).catch(() => null);
              if (!response) {
                return sendJson(res, 502, { errors: [{ message: 'Media is unavailable right now; try again.', extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: 'inspections' } }] });
              }
              res.statusCode = response.status;
              for (const name of forwardedResponseHeaders) {
                const value = response.headers.get(name);
                if (value !== null) res.setHeader(name, value);
              }
              res.setHeader('x-content-type-options', 'nosniff');
              if (!response.body) return void res.end();
              await pipeline(Readable.fromWeb(response.body as never), res);
            },
          },
        ],
      };
    },
  };
}
