import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';

const maxBodyBytes = 1_000_000;

export class RequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RequestError(413, `Request body is larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Serves Apollo Server from `node:http` (Apollo Server 5 ships no framework integration). */
export async function executeHttp<Ctx extends BaseContext>(
  server: ApolloServer<Ctx>,
  req: IncomingMessage,
  res: ServerResponse,
  options: { context: () => Promise<Ctx>; parsedBody?: unknown; extraHeaders?: () => Map<string, string> },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  let body = options.parsedBody;
  if (body === undefined && req.method === 'POST') {
    const text = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    try {
      body = contentType.includes('application/json') && text ? JSON.parse(text) : text;
    } catch {
      throw new RequestError(400, 'Request body is not valid JSON.');
    }
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: req.method?.toUpperCase() ?? 'GET',
    headers: headerMapOf(req),
    search: url.search,
    body,
  };
  const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: options.context });
  res.statusCode = result.status ?? 200;
  for (const [key, value] of result.headers) res.setHeader(key, value);
  for (const [key, value] of options.extraHeaders?.() ?? []) res.setHeader(key, value);
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(value));
}
