import pg from 'pg';
import type { Logger } from '../logger';
import { reportDatabaseFailure } from '../events/database-failure';

/**
 * Runs `work` on a client checked out of `pool`, with an error listener for as long as it is out: a server
 * that ends the session (a restart, a failover) fails the work instead of raising an unhandled 'error'
 * that would end the process. A client that failed is destroyed rather than returned to the pool.
 */
export async function withPoolClient<T>(pool: { connect(): Promise<pg.PoolClient> }, logger: Logger, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  const onError = (error: Error) => {
    failure = error;
    reportDatabaseFailure(logger, 'warn', 'database connection failed during work', error);
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    failure ??= error instanceof Error && isConnectionError(error) ? error : undefined;
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(failure);
  }
}

const connectionCodes = new Set(['57P01', '57P02', '57P03', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', '08000', '08003', '08006']);

/** The server or the network ended the session (as opposed to a statement that failed). */
export function isConnectionError(error: Error): boolean {
  const code = (error as Error & { code?: string }).code;
  return (code !== undefined && connectionCodes.has(code)) || /Connection terminated|connection is closed|Client has encountered a connection error/i.test(error.message);
}

/**
 * The request could not be served because the database could not give it a session: the server refused or ended
 * one (a FATAL: too many clients, not accepting connections, shutting down), the network failed, or the pool found
 * no free connection in time. Unlike a statement that failed, trying again shortly may succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const driverError = (error as Error & { driverError?: unknown }).driverError;
  const failed = driverError instanceof Error ? driverError : error;
  const severity = (failed as Error & { severity?: string }).severity;
  return severity === 'FATAL' || severity === 'PANIC' || isConnectionError(failed) || /timeout exceeded when trying to connect/i.test(failed.message);
}

/** A connection of its own, outside every pool: for a LISTEN, which holds it for the life of the process. */
export async function connectClient(url: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  return client;
}

export interface Listener {
  close(): Promise<void>;
}

/**
 * LISTEN on `channels` over a connection of its own that comes back after the server does: on a lost
 * connection it reconnects with backoff (at most `maxDelayMs` apart), listens again and calls `onNotify`
 * once, so whoever waits for a notification catches up on what happened while it was away.
 */
export async function listenForever(options: {
  connect: () => Promise<pg.ClientBase & { release?: (error?: Error) => void; end?: () => Promise<void> }>;
  channels: string[];
  logger: Logger;
  /** Called with the notification, or with nothing after listening again (anything may have been missed). */
  onNotify: (notification?: pg.Notification) => void;
  label: string;
  maxDelayMs?: number;
}): Promise<Listener> {
  let closed = false;
  let current: Awaited<ReturnType<typeof options.connect>> | undefined;
  let reconnecting: Promise<void> | undefined;

  const drop = (client: NonNullable<typeof current>, error?: Error) => {
    client.removeAllListeners('notification');
    if (client.release) client.release(error ?? new Error('listener closed'));
    else void client.end?.().catch(() => undefined);
  };

  const open = async () => {
    const client = await options.connect();
    const lost = (error: Error) => {
      if (current !== client) return;
      reportDatabaseFailure(options.logger, 'warn', `${options.label} lost its connection; listening again`, error);
      current = undefined;
      drop(client, error);
      if (!closed) reconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('the connection ended')));
    client.on('notification', options.onNotify);
    for (const channel of options.channels) await client.query(`LISTEN "${channel}"`);
    current = client;
  };

  const reconnect = () => {
    reconnecting ??= (async () => {
      for (let attempt = 0; !closed; attempt++) {
        try {
          await open();
          options.logger.info(`${options.label} listening again`);
          options.onNotify();
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, Math.min(options.maxDelayMs ?? 500, 50 * 2 ** attempt)));
        }
      }
    })().finally(() => (reconnecting = undefined));
  };

  await open();
  return {
    async close() {
      closed = true;
      await reconnecting;
      const client = current;
      current = undefined;
      if (!client) return;
      for (const channel of options.channels) await client.query(`UNLISTEN "${channel}"`).catch(() => undefined);
      drop(client);
    },
  };
}
