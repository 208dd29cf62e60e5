import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from './support/api';
import { demo, launchChromium, markDocument, sameDocument, signIn, viewports } from './support/browser';

const baseUrl = inject('baseUrl');
const operatorToken = inject('operatorToken');
const notice = 'Scheduled maintenance tonight 22:00–23:00 UTC';

/** What an operator does: sets the flag through GraphQL, with a reason. */
const setNotice = (state: Record<string, unknown>, reason: string) =>
  graphql(baseUrl, `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { version } }`, { input: { key: 'platform.maintenance-notice', state, reason } }, operatorToken);

describe('the maintenance notice, an OpenFeature flag in the browser', () => {
  let close: () => Promise<void>;
  let page: Page;
  beforeAll(async () => {
    const chromium = await launchChromium();
    close = chromium.close;
    page = await (await chromium.browser.newContext(viewports.desktop)).newPage();
  });
  afterAll(async () => {
    await setNotice({ enabled: false }, 'browser suite: maintenance over').catch(() => undefined);
    await close?.();
  });

  it('appears above the staff screen when an operator turns it on through GraphQL, and goes away when turned off, without a reload', async () => {
    await signIn(page, baseUrl, demo.advisor);
    const banner = page.locator('[data-flag="platform.maintenance-notice"]');
    expect(await banner.count()).toBe(0);
    await markDocument(page);

    await setNotice({ enabled: true, fallthrough: { value: notice } }, 'browser suite: database upgrade');
    await banner.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await banner.textContent()).toContain(notice);
    await expect.poll(() => page.getByRole('status').filter({ hasText: notice }).count()).toBe(1);

    await setNotice({ enabled: false }, 'browser suite: maintenance over');
    await banner.waitFor({ state: 'detached', timeout: 60_000 });
    expect(await sameDocument(page)).toBe(true);
  });
});
