import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo, launchChromium, viewports } from './support/browser';
import { sentInspectionLink, staffSession } from './support/seed';

const baseUrl = inject('baseUrl');
const dist = new URL('../../dist/', import.meta.url);
type Chunk = { file: string; imports?: string[]; isEntry?: boolean };
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8')) as Record<string, Chunk>;

/** The JavaScript a document loads before anything is lazily imported: its entry and every static import. */
function staticClosure(keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return files;
}

const gzippedKb = (files: Set<string>) => [...files].reduce((sum, file) => sum + gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length, 0) / 1000;

describe('budgets of the production build', () => {
  it('keeps the staff app within 250 kB of gzipped JavaScript for its first screen, the dashboard included', () => {
    const signIn = gzippedKb(staticClosure(['index.html']));
    const dashboard = gzippedKb(staticClosure(['index.html', 'src/staff/screens/dashboard/Dashboard.tsx']));
    console.info(`staff app JavaScript, gzipped: sign-in screen ${signIn.toFixed(1)} kB, with the dashboard ${dashboard.toFixed(1)} kB (budget 250 kB)`);
    expect(signIn).toBeGreaterThan(0);
    expect(dashboard).toBeLessThanOrEqual(250);
  });

  it('keeps the customer page within 100 kB of gzipped JavaScript, none of it staff code', () => {
    const files = staticClosure(['approve/index.html']);
    const size = gzippedKb(files);
    console.info(`customer page JavaScript, gzipped: ${size.toFixed(1)} kB (budget 100 kB): ${[...files].join(', ')}`);
    expect(size).toBeLessThanOrEqual(100);
    const staffFiles = new Set([...staticClosure(['index.html'])].filter((file) => !files.has(file)));
    expect(staffFiles.size).toBeGreaterThan(0);
    const text = [...files].map((file) => readFileSync(new URL(file, dist), 'utf8')).join('\n');
    for (const marker of ['ApolloClient', 'InspectionSheet', 'RecordItemResults', 'shopMetricsUpdated']) expect(text, marker).not.toContain(marker);
  });
});

describe('first contentful paint with the CPU throttled 4×, on loopback', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  /** FCP of a cold load (new context: empty cache, no service worker), in milliseconds. */
  async function firstContentfulPaint(
    url: string,
    options: typeof viewports.phone | typeof viewports.desktop,
    init?: { session: Record<string, string>; ready: string },
  ) {
    const context = await browser.newContext(options);
    if (init) await context.addInitScript((session) => localStorage.setItem('cip.session', JSON.stringify(session)), init.session);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'load' });
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const entry = performance.getEntriesByName('first-contentful-paint')[0];
          if (entry) return resolve(entry.startTime);
          new PerformanceObserver((list) => resolve(list.getEntriesByName('first-contentful-paint')[0].startTime)).observe({ type: 'paint', buffered: true });
        }),
    );
    // How long until the screen's own numbers are there, reported beside the paint.
    const ready = init ? await page.locator(init.ready).first().waitFor().then(() => page.evaluate(() => performance.now())) : null;
    await context.close();
    return { fcp, ready };
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  it('paints the customer page in under a second', async () => {
    const link = await sentInspectionLink(baseUrl, 'RO-1012');
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push((await firstContentfulPaint(link, viewports.phone)).fcp);
    console.info(`customer page FCP, CPU 4× slower: ${runs.map((r) => r.toFixed(0)).join(', ')} ms (median ${median(runs).toFixed(0)} ms, budget 1000 ms)`);
    expect(median(runs)).toBeLessThan(1_000);
  });

  it('paints the dashboard in under two seconds', async () => {
    const runs = [];
    const kpis = [];
    for (let i = 0; i < 3; i += 1) {
      const { fcp, ready } = await firstContentfulPaint(`${baseUrl}/dashboard`, viewports.desktop, { session: await staffSession(baseUrl, demo.owner), ready: '[data-kpi="approved"] dd' });
      runs.push(fcp);
      kpis.push(ready!);
    }
    console.info(`dashboard FCP, CPU 4× slower: ${runs.map((r) => r.toFixed(0)).join(', ')} ms (median ${median(runs).toFixed(0)} ms, budget 2000 ms); KPIs shown at ${kpis.map((r) => r.toFixed(0)).join(', ')} ms`);
    expect(median(runs)).toBeLessThan(2_000);
  });
});
