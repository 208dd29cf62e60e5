import { STATUS_CODES } from 'node:http';
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import { Headers } from 'node-fetch';
import { Agent, request, type Dispatcher } from 'undici';

/**
 * Kept-alive connections for every subgraph call. undici's `request` costs the gateway less CPU per subgraph
 * call than node-fetch over `node:http`, which cost a third less than the built-in fetch (docs/performance.md).
 * An idle socket is dropped after 4 s, before a subgraph's server closes it at its 5 s keep-alive timeout, so a
 * request never goes out on a connection the other side is closing.
 */
const dispatcher = new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 4_000 });

/** A subgraph's answer read whole: what the gateway's data sources parse, with nothing left to arrive. */
export class BufferedResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly ok: boolean;
  readonly statusText: string;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: FetcherHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): BufferedResponse {
    return new BufferedResponse(this.url, this.status, this.headers, this.body);
  }
}

/** A call to a subgraph over undici, resolved once its whole body has arrived. */
export const subgraphFetcher: Fetcher = async (url, init = {}) => {
  const response = await request(url, {
    method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
    headers: init.headers,
    body: init.body,
    signal: init.signal as AbortSignal | undefined,
    dispatcher,
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return new BufferedResponse(url, response.statusCode, headers, await response.body.text());
};
