import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from './support/api';
import { demoPassword, expectAccessible, launchChromium, viewports } from './support/browser';
import { newColleague } from './support/staff';
import { codeAt } from './support/totp';

const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');
const screenshots = new URL('../../../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });


describe('signing in with a second factor', () => {
  let close: () => Promise<void>;
  let page: Page;
  let email: string;
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    const chromium = await launchChromium();
    close = chromium.close;
    page = await (await chromium.browser.newContext(viewports.desktop)).newPage();
    const colleague = await newColleague(baseUrl, databaseUrl, 'ADVISOR', 'Morgan Twofactor');
    email = colleague.email;
    ({ enrollTotp: { secret } } = await graphql(baseUrl, `mutation { enrollTotp { secret } }`, {}, colleague.token));
    ({ confirmTotp: recoveryCodes } = await graphql(baseUrl, `mutation($c: String!) { confirmTotp(code: $c) }`, { c: await codeAt(secret, 0) }, colleague.token));
  });
  afterAll(() => close?.());

  const passwordStep = async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
  };

  it('asks for the authenticator code after the password, refuses a wrong one, and signs in with the right one', async () => {
    await passwordStep();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await expectAccessible(page, 'the second sign-in step');
    await page.locator('.signin-card').screenshot({ path: `${screenshots}sign-in-second-step.png` });

    await page.getByLabel('Authenticator code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not valid' }).waitFor();

    await page.getByLabel('Authenticator code').fill(await codeAt(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('signs in with a recovery code instead, which then works no more', async () => {
    await passwordStep();
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await passwordStep();
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not valid' }).waitFor();
  });
});
