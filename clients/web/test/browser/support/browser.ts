import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';

const executablePath = '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Debian's Chromium, never a downloaded browser; Playwright gives each launch a fresh, empty profile. */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath, args });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** Chromium with a profile on disk (a fresh directory), as an installed browser is: PWA installability needs one. */
export async function launchProfile(options: BrowserContextOptions): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'cip-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args, ...options });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const viewports = {
  desktop: { viewport: { width: 1366, height: 900 } },
  tablet: { viewport: { width: 1024, height: 1366 }, hasTouch: true, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
} satisfies Record<string, BrowserContextOptions>;

export const demoPassword = 'demo-password-123';
export const demo = {
  owner: 'owner@demo-auto.example',
  advisor: 'advisor@demo-auto.example',
  technician: 'tech@demo-auto.example',
};

export async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** No serious or critical accessibility violation on what the page shows now. */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(blocking, `accessibility of ${screen}`).toEqual([]);
}

/** Marks the document, so a later check can tell that the page was never reloaded. */
export const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
export const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
