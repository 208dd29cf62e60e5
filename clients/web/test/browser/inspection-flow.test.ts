import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql, login } from './support/api';
import { demo, demoPassword, expectAccessible, launchChromium, markDocument, sameDocument, signIn, viewports } from './support/browser';

const baseUrl = inject('baseUrl');
const screenshots = new URL('../../../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });

/** The item keys a request to record results carried, in the order the page sent them. */
function recordedKeys(requests: Request[]): string[] {
  return requests
    .map((request) => request.postDataJSON() as { operationName?: string; variables?: { results?: { itemKey: string }[] } } | null)
    .filter((body) => body?.operationName === 'RecordItemResults')
    .flatMap((body) => body!.variables!.results!.map((r) => r.itemKey));
}

async function itemRow(page: Page, name: string) {
  const row = page.locator('li.item', { has: page.getByRole('heading', { name, exact: true }) });
  await row.waitFor();
  return row;
}

async function setCondition(page: Page, itemName: string, label: 'Good' | 'Soon' | 'Now') {
  const row = await itemRow(page, itemName);
  await row.getByRole('group', { name: `Condition of ${itemName}` }).getByRole('button', { name: label }).click();
  await expect.poll(() => row.getByRole('button', { name: label }).getAttribute('aria-pressed')).toBe('true');
}

describe('one inspection from the bay to the customer, each role in its own browser context', () => {
  let close: () => Promise<void>;
  let owner: BrowserContext;
  let technician: BrowserContext;
  let advisor: BrowserContext;
  let customer: BrowserContext;
  let dashboard: Page;
  let board: Page;
  let sheet: Page;
  let inspectionId: string;
  let customerLink: string;
  let approvedBefore: string;
  const delivered: Request[] = [];
  const ownerRefreshes: Request[] = [];

  beforeAll(async () => {
    const chromium = await launchChromium();
    close = chromium.close;
    owner = await chromium.browser.newContext(viewports.desktop);
    technician = await chromium.browser.newContext(viewports.tablet);
    advisor = await chromium.browser.newContext(viewports.desktop);
    customer = await chromium.browser.newContext(viewports.phone);
  });
  afterAll(() => close?.());

  it('signs the owner in to the organization dashboard and the shop board, both live', async () => {
    dashboard = await owner.newPage();
    owner.on('request', (request) => {
      if (request.postDataJSON?.()?.operationName === 'RefreshSession') ownerRefreshes.push(request);
    });
    await dashboard.goto(`${baseUrl}/`);
    await expectAccessible(dashboard, 'sign in');
    await signIn(dashboard, baseUrl, demo.owner);
    await dashboard.getByRole('heading', { name: 'Demo Auto Group' }).waitFor();
    await expect.poll(() => dashboard.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual([
      'Dashboard',
      'Shop board',
      'Customers',
      'Partner earnings',
      'Security',
    ]);
    const downtown = dashboard.getByTestId('shops-table').getByRole('row', { name: /Demo Auto Downtown/ });
    await downtown.waitFor();
    approvedBefore = (await downtown.locator('[data-kpi="approved"]').textContent())!;
    await expectAccessible(dashboard, 'dashboard');
    await markDocument(dashboard);

    board = await owner.newPage();
    await board.goto(`${baseUrl}/board`);
    await board.getByRole('heading', { name: 'Shop board' }).waitFor();
    await expect.poll(() => board.locator('[data-status="IN_PROGRESS"] .board-card').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(board, 'shop board');
    await markDocument(board);
  });

  it('lets the technician fill the inspection on a tablet: conditions, thresholds and carried-forward results', async () => {
    sheet = await technician.newPage();
    sheet.on('requestfinished', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/graphql')) delivered.push(request);
    });
    await signIn(sheet, baseUrl, demo.technician);
    await sheet.getByRole('heading', { name: 'My inspections' }).waitFor();
    await expect.poll(() => sheet.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['My inspections', 'Shop board', 'Security']);
    await expectAccessible(sheet, 'technician queue');
    const first = sheet.getByRole('link', { name: /HONDA Accord/i });
    await first.click();
    await sheet.getByRole('heading', { name: /HONDA Accord/i }).waitFor();
    inspectionId = new URL(sheet.url()).pathname.split('/').pop()!;
    await sheet.getByText('All changes saved').waitFor();

    // A measured item shows its thresholds, and the condition follows from the value entered.
    const tread = sheet.locator('li.item').filter({ has: sheet.getByLabel(/Measured/) }).first();
    const treadName = (await tread.getByRole('heading').textContent())!;
    await expect.poll(() => tread.getByText(/Yellow at [≤≥] .*, red at [≤≥]/).count()).toBe(1);
    const thresholds = (await tread.getByText(/Yellow at/).textContent())!;
    const redAt = Number(/red at [≤≥] ([\d.]+)/.exec(thresholds)![1]);
    await tread.getByLabel(/Measured/).fill(String(redAt));
    await tread.getByLabel(/Measured/).press('Enter');
    await expect.poll(() => tread.getByRole('button', { name: 'Now' }).getAttribute('aria-pressed')).toBe('true');

    const names = await sheet.locator('li.item h3').allTextContents();
    const conditionItems = [];
    for (const name of names) {
      if (name === treadName) continue;
      if ((await (await itemRow(sheet, name)).getByLabel(/Measured/).count()) === 0) conditionItems.push(name);
    }
    await setCondition(sheet, conditionItems[0], 'Soon');
    await setCondition(sheet, conditionItems[1], 'Good');
    await sheet.getByText('All changes saved').waitFor();
    await expectAccessible(sheet, 'inspection sheet');
    (sheet as Page & { conditionItems?: string[] }).conditionItems = conditionItems;
  });

  it('keeps the technician working offline: three results queued in IndexedDB, then sent in order when back online', async () => {
    const conditionItems = (sheet as Page & { conditionItems: string[] }).conditionItems;
    const offlineItems = conditionItems.slice(2, 5);
    const deliveredBefore = delivered.length;

    await technician.setOffline(true);
    // Changes start once the page itself has seen the network go (its offline event), not merely once asked to.
    await sheet.getByRole('status').filter({ hasText: /^Offline, last updated / }).waitFor();
    await setCondition(sheet, offlineItems[0], 'Now');
    await setCondition(sheet, offlineItems[1], 'Good');
    await setCondition(sheet, offlineItems[2], 'Good');
    await sheet.getByText('3 changes not yet saved — will send when back online').waitFor();
    await sheet.getByRole('status').filter({ hasText: /^Offline, last updated / }).waitFor();
    await sheet.screenshot({ path: `${screenshots}inspection-sheet-offline.png` });

    // Even a reload without a network keeps the sheet: the shell from the service worker, the data and the queue from IndexedDB.
    await sheet.reload();
    await sheet.getByRole('heading', { name: /HONDA Accord/i }).waitFor();
    await sheet.getByText('3 changes not yet saved — will send when back online').waitFor();
    const serverBefore = await itemConditions();
    for (const name of offlineItems) expect(serverBefore[name]).toBe('NOT_INSPECTED');

    await technician.setOffline(false);
    await sheet.getByText('All changes saved').waitFor({ timeout: 30_000 });
    // Each queued change reached the server exactly once, in the order it was made.
    const keys = await keysOf(offlineItems);
    expect(recordedKeys(delivered.slice(deliveredBefore)).filter((key) => keys.includes(key))).toEqual(keys);

    const serverAfter = await itemConditions();
    expect(offlineItems.map((name) => serverAfter[name])).toEqual(['RED', 'GREEN', 'GREEN']);
  });

  it('completes the inspection, and the board moves the card to pricing live', async () => {
    await sheet.getByRole('button', { name: 'Complete inspection' }).click();
    await sheet.getByText(/This inspection is completed/).waitFor();
    await expect.poll(() => board.locator(`[data-status="COMPLETED"] [data-inspection="${inspectionId}"]`).count(), { timeout: 30_000 }).toBe(1);
  });

  it('lets the advisor price each finding at the shop labor rate, attach a partner offer, and send the report with a link and QR code', async () => {
    const page = await advisor.newPage();
    await signIn(page, baseUrl, demo.advisor);
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Shop board', 'Customers', 'Security']);
    await page.locator(`[data-status="COMPLETED"] [data-inspection="${inspectionId}"]`).click();
    await page.getByRole('heading', { name: 'Recommendations' }).waitFor();
    await expect.poll(() => page.locator('li.rec-edit').count()).toBe(3);
    await expect.poll(() => page.getByText(/labor \$145\.00\/h/).count()).toBe(1);

    const editors = page.locator('li.rec-edit');
    for (let index = 0; index < 3; index += 1) {
      const editor = editors.nth(index);
      if (index === 0) {
        await editor.getByLabel('Partner offer').selectOption({ label: 'Summit all-season tire 225/45R17 — $165.00 (Summit Tire Rewards)' });
        await editor.getByLabel('Quantity').fill('2');
      } else {
        await editor.getByLabel('Parts, each ($)').fill('89.99');
      }
      await editor.getByLabel('Labor hours').fill('1.5');
      await expect.poll(() => editor.getByText('Labor 1.5 h × $145.00 = $217.50').count()).toBe(1);
      await editor.getByRole('button', { name: 'Save price' }).click();
      await expect.poll(() => editor.getByRole('button', { name: 'Save price' }).isDisabled()).toBe(true);
    }
    // 2 × $165.00 + $217.50, and $89.99 + $217.50 twice.
    await expect.poll(() => editors.locator('.rec-total').allTextContents()).toEqual(['$547.50', '$307.49', '$307.49']);
    await expect.poll(() => page.getByText('$1,162.48').count()).toBe(1);
    await expectAccessible(page, 'recommendations');

    await page.getByRole('button', { name: 'Send to customer' }).click();
    const link = page.getByTestId('customer-link');
    await link.waitFor();
    customerLink = await link.inputValue();
    expect(customerLink).toMatch(new RegExp(`^${baseUrl}/approve/#[A-Za-z0-9_-]{40,}$`));
    expect(await page.getByRole('img', { name: "QR code of the customer's link" }).locator('svg path').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'recommendations, sent');
    await expect.poll(() => board.locator(`[data-status="SENT"] [data-inspection="${inspectionId}"]`).count(), { timeout: 30_000 }).toBe(1);
  });

  it('lets the customer approve two items and decline one on a phone, the total updating before they confirm', async () => {
    const page = await customer.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
    await page.goto(customerLink);
    await page.getByRole('heading', { name: 'Recommended work' }).waitFor();
    await expectAccessible(page, 'customer approval page');
    const cards = page.locator('li.rec');
    await expect.poll(() => cards.count()).toBe(3);
    await cards.nth(0).getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('.decide-bar .total').textContent()).toBe('$547.50');
    await cards.nth(1).getByRole('button', { name: 'Decline' }).click();
    await cards.nth(2).getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('.decide-bar .total').textContent()).toBe('$854.99');
    await page.screenshot({ path: `${screenshots}customer-approval.png`, fullPage: false });
    await page.getByRole('button', { name: 'Send my decisions' }).click();
    await page.getByRole('heading', { name: /Thank you/ }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('$854.99');
    await expectAccessible(page, 'customer confirmation');
    expect(scripts.some((path) => /staff|Dashboard|InspectionSheet|Recommendations/.test(path)), scripts.join(', ')).toBe(false);
  });

  it('shows the decisions on the board and the approved revenue on the dashboard, neither page reloaded', async () => {
    const card = board.locator(`[data-status="CLOSED"] [data-inspection="${inspectionId}"]`);
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => card.textContent()).toContain('2 approved · 1 declined · 0 waiting');
    const downtown = dashboard.getByTestId('shops-table').getByRole('row', { name: /Demo Auto Downtown/ });
    await expect.poll(() => downtown.locator('[data-kpi="approved"]').textContent(), { timeout: 60_000 }).toBe('$855');
    expect(approvedBefore).toBe('$0');
    expect(await sameDocument(dashboard)).toBe(true);
    expect(await sameDocument(board)).toBe(true);
    await dashboard.screenshot({ path: `${screenshots}dashboard.png` });
    await board.screenshot({ path: `${screenshots}shop-board.png` });
  });

  it('renews the owner session without a reload before its access token expires', async () => {
    // The suite's access tokens live 45 s; on a fast machine the flow above can finish sooner, so wait for the renewal.
    await expect.poll(() => ownerRefreshes.length, { timeout: 120_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    expect(await sameDocument(dashboard)).toBe(true);
  });

  it('shows the technician sheet read-only once sent, for the README', async () => {
    await sheet.goto(`${baseUrl}/inspections/${inspectionId}`);
    await sheet.getByRole('heading', { name: /HONDA Accord/i }).waitFor();
    await sheet.screenshot({ path: `${screenshots}inspection-sheet.png` });
  });

  it('gives the owner the CRM and partner earnings, each accessible', async () => {
    const page = await owner.newPage();
    await page.goto(`${baseUrl}/customers`);
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('Maria');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await expectAccessible(page, 'customers');
    await page.getByRole('link', { name: 'Maria Gonzalez' }).click();
    await page.getByRole('heading', { name: 'Inspection history' }).waitFor();
    await expect.poll(() => page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(1);
    const sms = page.getByLabel('Agrees to text messages');
    expect(await sms.isChecked()).toBe(true);
    await sms.click();
    await expect.poll(() => sms.isChecked()).toBe(false);
    const token = await login(baseUrl, demo.owner, demoPassword);
    const id = new URL(page.url()).pathname.split('/').pop();
    expect((await graphql(baseUrl, `query($id: ID!) { customer(id: $id) { smsConsent } }`, { id }, token)).customer.smsConsent).toBe(false);
    await expectAccessible(page, 'customer detail');
    await page.goto(`${baseUrl}/earnings`);
    await page.getByRole('heading', { name: 'Summit Tire Rewards' }).waitFor();
    await expectAccessible(page, 'partner earnings');
  });

  it('signs out: the session ends and its refresh token no longer works', async () => {
    const token = await dashboard.evaluate(() => JSON.parse(localStorage.getItem('cip.session')!).refreshToken as string);
    await dashboard.getByRole('button', { name: 'Sign out' }).click();
    await dashboard.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await dashboard.evaluate(() => localStorage.getItem('cip.session'))).toBeNull();
    await expect(graphql(baseUrl, `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: token })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  async function itemConditions(): Promise<Record<string, string>> {
    const token = await login(baseUrl, demo.technician, demoPassword);
    const data = await graphql(baseUrl, `query($id: ID!) { inspection(id: $id) { items { key name condition } } }`, { id: inspectionId }, token);
    return Object.fromEntries(data.inspection.items.map((item: { name: string; condition: string }) => [item.name, item.condition]));
  }

  async function keysOf(names: string[]): Promise<string[]> {
    const token = await login(baseUrl, demo.technician, demoPassword);
    const data = await graphql(baseUrl, `query($id: ID!) { inspection(id: $id) { items { key name } } }`, { id: inspectionId }, token);
    return names.map((name) => data.inspection.items.find((item: { name: string }) => item.name === name).key);
  }
});
