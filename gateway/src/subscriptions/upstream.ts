import { context, propagation } from '@opentelemetry/api';
import type { ExecutionResult } from 'graphql';

/**
 * Opens a subscription on a subgraph over Server-Sent Events (how Yoga serves subscriptions) and
 * yields each result. Returning from (or breaking out of) the iteration closes the HTTP stream.
 */
export async function* subscribeUpstream(
  url: string,
  body: { query: string; variables: Record<string, unknown>; operationName?: string },
  headers: Record<string, string>,
): AsyncGenerator<ExecutionResult> {
  const abort = new AbortController();
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...carrier, ...headers },
      body: JSON.stringify(body),
      signal: abort.signal,
    });
    if (!response.ok || !response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
      const text = await response.text().catch(() => '');
      const parsed = safeJson(text) as ExecutionResult | null;
      yield parsed?.errors ? parsed : { errors: [{ message: `Subgraph answered ${response.status} to a subscription.` } as never] };
      return;
    }
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const { event, data } = parseMessage(message);
        if (event === 'complete') return;
        if (data) yield JSON.parse(data) as ExecutionResult;
      }
    }
  } finally {
    abort.abort();
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
