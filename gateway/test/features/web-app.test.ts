import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLogger, listen, type RunningServer } from '@cip/platform';
import type { FeatureRuntime } from '../../src/features/feature';
import { webAppFeature } from '../../src/features/web-app';

const runtime = { logger: createLogger('silent', { service: 'test' }) } as FeatureRuntime;

/** A stand-in for the gateway's own routes behind the feature: it answers what the feature passes on. */
const gatewayRoutes = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(418, { 'content-type': 'text/plain' });
  res.end('gateway');
};

describe('the web app served by the gateway', () => {
  let root: string;
  let server: RunningServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'web-app-'));
    mkdirSync(join(root, 'assets'));
    mkdirSync(join(root, 'approve'));
    writeFileSync(join(root, 'index.html'), '<title>staff</title>');
    writeFileSync(join(root, 'approve', 'index.html'), '<title>customer</title>');
    writeFileSync(join(root, 'assets', 'staff-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'sw.js'), 'self.skipWaiting()');
    const parts = await webAppFeature({ root }).setup(runtime);
    server = await listen((req, res) => void Promise.resolve(parts.onRequest?.(req, res)).then((answered) => answered || gatewayRoutes(req, res)), {
      host: '127.0.0.1',
      port: 0,
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  const html = { accept: 'text/html,application/xhtml+xml' };

  it('serves the staff app at / and revalidates it on every load', async () => {
    const response = await get('/', html);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<title>staff</title>');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('caches hashed assets for a year and the service worker not at all', async () => {
    const asset = await get('/assets/staff-abc123.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await get('/sw.js')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a client-side route of the staff app with its shell', async () => {
    const response = await get('/inspections/1234', html);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<title>staff</title>');
  });

  it('serves the customer page, not the staff app, under /approve/', async () => {
    expect(await (await get('/approve/', html)).text()).toBe('<title>customer</title>');
    expect(await (await get('/approve/anything', html)).text()).toBe('<title>customer</title>');
  });

  it('leaves the gateway routes, unknown files and other methods to the gateway', async () => {
    for (const path of ['/graphql', '/api/v1/shops', '/healthz', '/assets/missing.js']) {
      const response = await get(path, html);
      expect(response.status, path).toBe(418);
    }
    expect((await fetch(`${server.url}/`, { method: 'POST', body: '{}' })).status).toBe(418);
  });

  it('does nothing but warn when the app is not built', async () => {
    const parts = await webAppFeature({ root: join(root, 'not-built') }).setup(runtime);
    expect(parts.onRequest).toBeUndefined();
  });
});
