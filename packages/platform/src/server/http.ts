import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish (up to `timeoutMs`), then resolves. */
  close(timeoutMs?: number): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function listen(handler: Handler, options: { host: string; port: number }): Promise<RunningServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    server,
    port,
    url: `http://${options.host}:${port}`,
    close(timeoutMs = 10_000) {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
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

/**
 * Runs `steps` once, in order, on SIGTERM or SIGINT, then exits. Servers close first (draining
 * in-flight requests), then the pools and buses they used.
 */
export function onShutdown(steps: (() => Promise<void>)[], log: (message: string, error?: unknown) => void): void {
  let started = false;
  const shutdown = async (signal: string) => {
    if (started) return;
    started = true;
    stopping = true;
    log(`received ${signal}, draining`);
    let code = 0;
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        code = 1;
        log('shutdown step failed', error);
      }
    }
    log('stopped');
    process.exit(code);
  };
  // A terminal's Ctrl-C reaches every process of the group, and runners relay it again: later signals
  // must not cut the shutdown short, so they are handled (and ignored) rather than left to the default.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
