import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '../logger';
import { openRequestLog } from '../observability/access-log';
import { httpInFlight, httpOpenConnections } from '../observability/metrics';
import { traceRequest } from '../observability/request-trace';

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  /** Requests being served right now. */
  inFlight(): number;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `timeoutMs`; the rest are cut and
   * counted), answers them with `Connection: close` so clients do not reuse the connection, then resolves.
   */
  close(timeoutMs?: number): Promise<DrainResult>;
}

export interface DrainResult {
  /** Requests that were still running when the timeout cut their connection. */
  cut: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** How much of the shutdown timeout in-flight requests get; the rest is kept for the outbox and the pools. */
export function drainBudget(shutdownTimeoutMs: number): number {
  return shutdownTimeoutMs - Math.min(2_000, Math.floor(shutdownTimeoutMs / 4));
}

export async function listen(handler: Handler, options: { host: string; port: number; logger?: Logger; name?: string }): Promise<RunningServer> {
  const active = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const labels = { service: options.name ?? 'http' };
  let draining = false;

  const server = createServer((req, res) => {
    active.add(res);
    httpInFlight.inc(labels);
    res.once('close', () => {
      active.delete(res);
      httpInFlight.dec(labels);
    });
    // A request that reaches a draining server on a kept-alive connection is still served, as the last one on it.
    if (draining) res.setHeader('connection', 'close');
    const trace = traceRequest(req);
    if (options.logger) openRequestLog(req, res, options.logger, trace);
    res.once('close', () => trace.end(res.statusCode));
    trace.run(() => handler(req, res));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    httpOpenConnections.inc(labels);
    socket.once('close', () => {
      sockets.delete(socket);
      httpOpenConnections.dec(labels);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<DrainResult> | null = null;
  return {
    server,
    port,
    url: `http://${options.host}:${port}`,
    inFlight: () => active.size,
    close(timeoutMs = 10_000) {
      closing ??= new Promise<DrainResult>((resolve) => {
        draining = true;
        for (const res of active) {
          if (!res.headersSent) res.setHeader('connection', 'close');
          else res.once('finish', () => res.socket?.end());
        }
        let cut = 0;
        const timer = setTimeout(() => {
          cut = active.size;
          for (const socket of sockets) socket.destroy();
        }, timeoutMs);
        // Closes idle kept-alive connections now; busy ones close as their last response ends.
        server.close(() => {
          clearTimeout(timer);
          if (cut > 0) options.logger?.warn('requests cut short at the shutdown timeout', { cut, timeoutMs });
          resolve({ cut });
        });
      });
      return closing;
    },
  };
}

let stopping = false;

/** Whether this process has begun shutting down (connections ending now are expected, not failures). */
export function isShuttingDown(): boolean {
  return stopping;
}

export interface ShutdownOptions {
  /** After this long the process exits (code 1) even if a step has not finished. */
  deadlineMs?: number;
}

/**
 * Runs `steps` once, in order, on SIGTERM or SIGINT, then logs "stopped" and exits (0, or 1 when a step
 * failed or the deadline passed). Servers close first (draining in-flight requests), then background work,
 * the outbox and the pools, and the database a process started itself last. `steps` may still grow after
 * this is called, so a process registers it before starting anything.
 */
export function onShutdown(steps: (() => Promise<void>)[], logger: Pick<Logger, 'info' | 'error'>, options: ShutdownOptions = {}): void {
  let started = false;
  const shutdown = async (signal: string) => {
    if (started) return;
    started = true;
    stopping = true;
    const began = Date.now();
    logger.info(`received ${signal}, draining`, { signal });
    if (options.deadlineMs !== undefined) {
      const deadline = options.deadlineMs;
      setTimeout(() => {
        logger.error('shutdown did not finish in time; exiting', { deadlineMs: deadline });
        process.exit(1);
      }, deadline).unref();
    }
    let code = 0;
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        code = 1;
        logger.error('shutdown step failed', { error });
      }
    }
    logger.info('stopped', { signal, ms: Date.now() - began, code });
    process.exit(code);
  };
  // A terminal's Ctrl-C reaches every process of the group, and runners relay it again: later signals
  // must not cut the shutdown short, so they are handled (and ignored) rather than left to the default.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
