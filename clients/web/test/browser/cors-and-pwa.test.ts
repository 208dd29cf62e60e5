import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo, launchChromium, launchProfile, signIn, viewports } from './support/browser';

const baseUrl = inject('baseUrl');

/** A page on another origin that calls the gateway the way a web app on a CDN would. */
function originServer(port: number): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title><p>another origin</p>');
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

describe('the gateway to browsers on other origins', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  const servers: Server[] = [];
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
    servers.push(await originServer(inject('allowedOriginPort')), await originServer(inject('foreignOriginPort')));
  });
  afterAll(async () => {
    await close?.();
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
  });

  /** Sends a query from a page at `origin` with a JSON body and a bearer header, so the browser preflights it. */
  async function callFrom(port: number) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const response = page.waitForResponse((r) => r.url() === `${baseUrl}/graphql` && r.request().method() === 'POST').catch(() => null);
    const result = await page.evaluate(async (url) => {
      try {
        const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer none' }, body: JSON.stringify({ query: '{ __typename }' }) });
        return { ok: true, status: r.status, body: await r.text() };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    }, `${baseUrl}/graphql`);
    return { result, response: await Promise.race([response, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000))]), page };
  }

  it('answers a page on an allowed origin, preflight included, naming that origin', async () => {
    const port = inject('allowedOriginPort');
    const { result, response, page } = await callFrom(port);
    expect(result.ok).toBe(true);
    expect(response?.headers()['access-control-allow-origin']).toBe(`http://127.0.0.1:${port}`);
    await page.close();
  });

  it('refuses a page on any other origin: the browser gets no response to read', async () => {
    const { result, page } = await callFrom(inject('foreignOriginPort'));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('TypeError') });
    await page.close();
  });
});

describe('the staff app as an installable PWA', () => {
  it('has a manifest with icons and a service worker, and Chromium finds nothing stopping installation', async () => {
    const { context, close } = await launchProfile(viewports.desktop);
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, baseUrl, demo.owner);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const manifest = await (await page.request.get(`${baseUrl}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    await close();
  });
});
