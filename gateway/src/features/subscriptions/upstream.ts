import { once } from 'node:events';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { context, propagation } from '@opentelemetry/api';
import type { ExecutionResult } from 'graphql';

/**
 * Opens a subscription on a subgraph over Server-Sent Events (how Yoga serves subscriptions). Resolves once
 * the subgraph has answered, with its results: `setup` aborting before then (the subgraph's call budget is
 * spent) destroys the connection and rejects, and so does an answer of 5xx (the subgraph is failing). Aborting
 * `signal` (or returning from the iteration) destroys the connection at any time and ends the iteration, even
 * while it waits for the next event. Plain `node:http` is used because a dropped stream must free its socket
 * at once (the subgraph keeps a subscriber per open stream).
 */
export async function openUpstream(
  url: string,
  body: { query: string; variables: Record<string, unknown>; operationName?: string },
  headers: Record<string, string>,
  signal: AbortSignal,
  setup: AbortSignal,
): Promise<AsyncGenerator<ExecutionResult>> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const target = new URL(url);
  const payload = JSON.stringify(body);
  const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'content-length': Buffer.byteLength(payload), ...carrier, ...headers },
    signal,
  });
  // Aborting destroys the request, which then emits `error` after `once` has stopped listening: without a
  // listener of its own that AbortError would reach the process. Failures still surface through the response.
  let failure: unknown;
  request.on('error', (error) => (failure ??= error));
  const giveUp = () => request.destroy(setup.reason as Error);
  setup.addEventListener('abort', giveUp, { once: true });
  try {
    request.end(payload);
    const [response] = (await once(request, 'response', { signal })) as [IncomingMessage];
    response.setEncoding('utf8');
    if (response.statusCode === 200 && String(response.headers['content-type']).includes('text/event-stream')) return events(request, response, signal);
    let text = '';
    for await (const chunk of response) text += chunk;
    request.destroy();
    if ((response.statusCode ?? 500) >= 500) throw new Error(`Subgraph answered ${response.statusCode} to a subscription.`);
    const parsed = safeJson(text) as ExecutionResult | null;
    return single(parsed?.errors ? parsed : { errors: [{ message: `Subgraph answered ${response.statusCode} to a subscription.` } as never] });
  } catch (error) {
    request.destroy();
    throw failure ?? error;
  } finally {
    setup.removeEventListener('abort', giveUp);
  }
}

async function* single(result: ExecutionResult): AsyncGenerator<ExecutionResult> {
  yield result;
}

async function* events(request: ClientRequest, response: IncomingMessage, signal: AbortSignal): AsyncGenerator<ExecutionResult> {
  try {
    let buffer = '';
    for await (const chunk of response) {
      buffer += chunk as string;
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const { event, data } = parseMessage(message);
        if (event === 'complete') return;
        if (data) yield JSON.parse(data) as ExecutionResult;
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    request.destroy();
  }
}

function parseMessage(message: string): { event?: string; data?: string } {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of message.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return { event, data: data.length ? data.join('\n') : undefined };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
