import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { ErrorCode, type Logger, type Principal } from '@cip/platform/core';
import type { GatewayContext } from '../../context';

/** Close code sent once a connection's session or key was revoked and its subscriptions have ended. */
export const AccessRevokedCloseCode = 4403;

/** A subscription's results, which a later access check can end with a coded error. */
export interface EndableStream {
  results: AsyncIterableIterator<ExecutionResult>;
  /** Delivers `error` as the stream's last result, then completes it and closes its source (the upstream stream). */
  end(error: GraphQLError): void;
}

export function endable(source: AsyncIterableIterator<ExecutionResult>): EndableStream {
  let end!: (error: GraphQLError) => void;
  const ended = new Promise<{ error: GraphQLError }>((resolve) => (end = (error) => resolve({ error })));
  let finished = false;
  const finish = async () => {
    finished = true;
    await source.return?.();
  };
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (finished) return { done: true, value: undefined };
      const outcome = await Promise.race([source.next(), ended]);
      if ('error' in outcome) {
        await finish();
        return { done: false, value: { errors: [outcome.error] } };
      }
      if (outcome.done) finished = true;
      return outcome;
    },
    async return() {
      await finish();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => results,
  };
  return { results, end };
}

/** A WebSocket connection whose subscriptions are held to the access its credentials carry now. */
export interface WatchedConnection {
  /** The credentials of `connection_init`, read again at every check. */
  headers: IncomingHttpHeaders;
  /** Its running subscriptions by id: `refusal` says why one may no longer run for a principal (null: it may). */
  streams: Map<string, { refusal(principal: Principal): GraphQLError | null; end(error: GraphQLError): void }>;
  /** Set once its credentials stopped working: no new subscription starts, and the socket closes when the last one ends. */
  revoked?: GraphQLError;
  close(code: number, reason: string): void;
}

const revokedError = () =>
  new GraphQLError('The session or API key this connection signed in with was revoked; sign in again and reconnect.', { extensions: { code: ErrorCode.UNAUTHENTICATED } });

/**
 * Checks every connection's credentials again every `intervalMs` (a logout, a detected refresh-token reuse,
 * a removed role or a revoked API key take effect in the shared access registry and key store, not in the
 * token): a connection whose credentials no longer authenticate has each subscription ended with
 * UNAUTHENTICATED and is then closed with 4403; a subscription whose shop the caller may no longer read
 * ends alone, with FORBIDDEN. A check that fails for another reason (the store unreachable) changes
 * nothing until the next one.
 */
export function watchAccess(options: { intervalMs: number; contextFor: (headers: IncomingHttpHeaders) => Promise<GatewayContext>; logger: Logger }) {
  const connections = new Set<WatchedConnection>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const revoke = (connection: WatchedConnection) => {
    connection.revoked = revokedError();
    if (connection.streams.size === 0) return connection.close(AccessRevokedCloseCode, 'Access revoked');
    for (const stream of connection.streams.values()) stream.end(connection.revoked);
  };

  const check = async (connection: WatchedConnection) => {
    const principal = await options.contextFor(connection.headers).then(
      (context) => context.principal,
      (error: unknown) => ((error as GraphQLError).extensions?.code === ErrorCode.UNAUTHENTICATED ? null : undefined),
    );
    if (principal === undefined) return;
    if (principal === null) return revoke(connection);
    for (const stream of connection.streams.values()) {
      const refusal = stream.refusal(principal);
      if (refusal) stream.end(refusal);
    }
  };

  const sweep = async () => {
    for (const connection of connections) {
      if (connection.revoked || connection.streams.size === 0) continue;
      await check(connection).catch((error: unknown) => options.logger.warn('subscription access check failed', { error }));
    }
    if (!stopped) timer = setTimeout(() => void sweep(), options.intervalMs).unref();
  };
  timer = setTimeout(() => void sweep(), options.intervalMs).unref();

  return {
    add: (connection: WatchedConnection) => void connections.add(connection),
    remove: (connection: WatchedConnection) => void connections.delete(connection),
    /** A subscription ended (completed by either side): a revoked connection closes once it has none left. */
    ended(connection: WatchedConnection, id: string) {
      connection.streams.delete(id);
      if (connection.revoked && connection.streams.size === 0) connection.close(AccessRevokedCloseCode, 'Access revoked');
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
