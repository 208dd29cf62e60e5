import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { SubgraphName } from '@cip/platform';
import { startTestPlatform } from './platform';

export type ProxyMode = 'pass' | 'hang' | 'down';

/**
 * A real HTTP server in front of a subgraph that the test turns faulty: `pass` forwards (after `delay` ms, 0 by
 * default), `hang` accepts the request and never answers, `down` drops every connection as it arrives. It
 * counts what reaches it.
 */
export async function startFaultyProxy() {
  let mode: ProxyMode = 'pass';
  let target = '';
  let delayMs = 0;
  const sockets = new Set<Socket>();
  const stats = { connections: 0, requests: 0, peakOpen: 0 };
  const server: Server = createServer((req, res) => {
    stats.requests++;
    if (mode === 'hang') return;
    const forward = () => {
      const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (delayMs > 0) setTimeout(forward, delayMs);
    else forward();
  });
  server.on('connection', (socket) => {
    stats.connections++;
    if (mode === 'down') return void socket.destroy();
    sockets.add(socket);
    stats.peakOpen = Math.max(stats.peakOpen, sockets.size);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    /** The GraphQL endpoint to route a subgraph to; `forwardTo` names the real one. */
    url: `http://127.0.0.1:${port}/graphql`,
    forwardTo(url: string) {
      target = url;
    },
    /** Holds every request this long before forwarding it. */
    delay(ms: number) {
      delayMs = ms;
    },
    stats,
    /** Connections open right now. */
    open: () => sockets.size,
    set(next: ProxyMode) {
      mode = next;
      stats.connections = stats.requests = stats.peakOpen = 0;
      if (next !== 'pass') for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type FaultyProxy = Awaited<ReturnType<typeof startFaultyProxy>>;

/** A test platform whose gateway reaches `subgraph` through a faulty proxy, passing until the test turns it faulty. */
export async function startPlatformBehindProxy(subgraph: SubgraphName, options: NonNullable<Parameters<typeof startTestPlatform>[0]>) {
  const proxy = await startFaultyProxy();
  const platform = await startTestPlatform({ ...options, routeSubgraphs: { ...options.routeSubgraphs, [subgraph]: proxy.url } }).catch(async (error: unknown) => {
    await proxy.close();
    throw error;
  });
  proxy.forwardTo(platform.subgraphs[subgraph]!.url);
  return { proxy, platform };
}
