import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from './support/api';
import { expectAccessible, launchChromium, viewports } from './support/browser';
import { staffSession } from './support/seed';
import { newColleague } from './support/staff';
import { codeAt } from './support/totp';

const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');


/** Opens the app in a fresh context already holding `session`, as the sign-in screen stores it. */
async function openWith(browser: Browser, session: Record<string, string>, path: string) {
  const context = await browser.newContext(viewports.desktop);
  await context.addInitScript((value) => localStorage.setItem('cip.session', value), JSON.stringify(session));
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  return page;
}

describe('the Security screen', () => {
  let close: () => Promise<void>;
  let browser: Browser;
  beforeAll(async () => {
    const chromium = await launchChromium();
    close = chromium.close;
    browser = chromium.browser;
  });
  afterAll(() => close?.());

  it('enrolls an authenticator app through the screen, shows the recovery codes once, and a stale session steps up to get new ones', async () => {
    const colleague = await newColleague(baseUrl, databaseUrl, 'MANAGER', 'Riley Security');
    // Signed in before the factor exists: this session has verified none, so sensitive changes need a step-up.
    const stale = await staffSession(baseUrl, colleague.email);
    const page = await openWith(browser, await staffSession(baseUrl, colleague.email), '/security');

    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!;
    await page.getByLabel('First code from the app').fill(await codeAt(secret, 0));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const shown = page.getByRole('status', { name: 'New recovery codes' }).getByRole('listitem');
    await expect.poll(() => shown.count()).toBe(10);
    await page.getByText('10 unused recovery codes.').waitFor();
    await expectAccessible(page, 'the Security screen');
    const { mfaStatus } = await graphql(baseUrl, `{ mfaStatus { totpEnabled recoveryCodesLeft } }`, {}, colleague.token);
    expect(mfaStatus).toEqual({ totpEnabled: true, recoveryCodesLeft: 10 });

    const stalePage = await openWith(browser, stale, '/security');
    await stalePage.getByRole('button', { name: 'New recovery codes' }).click();
    const dialog = stalePage.getByRole('dialog', { name: 'Confirm it is you' });
    await dialog.waitFor();
    await dialog.getByLabel('Authenticator or recovery code').fill('000000');
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'That code is not valid' }).waitFor();
    await dialog.getByLabel('Authenticator or recovery code').fill(await codeAt(secret, 1));
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await dialog.waitFor({ state: 'detached' });
    const fresh = stalePage.getByRole('status', { name: 'New recovery codes' }).getByRole('listitem');
    await expect.poll(() => fresh.count()).toBe(10);
    const freshCodes = await fresh.allTextContents();
    const firstCodes = await shown.allTextContents();
    expect(freshCodes.some((code) => firstCodes.includes(code))).toBe(false);
  });
});
