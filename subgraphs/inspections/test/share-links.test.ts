import { describe, expect, it } from 'vitest';
import { codeOf, must, openShare, runToCompleted, runToSent } from './seed';
import { inspections, shop, useInspectionsSubgraph } from './subgraph';

useInspectionsSubgraph({ shops: 1 });

const read = (id: string, token: string) => inspections.execute(`query($id: ID!) { inspection(id: $id) { id status } }`, { id }, { token });
const openResult = (token: string) => inspections.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken } }`, { t: token });

describe('share links', () => {
  it("are sent as the customer's page under the public origin, not this subgraph's address, with the token in the fragment", async () => {
    const { id } = await runToCompleted(inspections, shop);
    const sent = must(await inspections.execute(`mutation($id: ID!) { sendInspection(id: $id) { token url } }`, { id }, { token: shop.advisor.token })).sendInspection;
    expect(sent.url).toBe(`${inspections.runtime.config.publicUrl}/approve/#${sent.token}`);
    expect(new URL(sent.url).origin).not.toBe(new URL(inspections.runtime.config.subgraphUrls.inspections).origin);
    const renewed = must(await inspections.execute(`mutation($id: ID!) { renewShareLink(id: $id) { token url } }`, { id }, { token: shop.advisor.token })).renewShareLink;
    expect(renewed.url).toBe(`${inspections.runtime.config.publicUrl}/approve/#${renewed.token}`);
  });

  it('replaced: the old link and every customer token it gave stop working at once, the new one works', async () => {
    const sent = await runToSent(inspections, shop);
    const customer = await openShare(inspections, sent.shareToken);
    expect(must(await read(sent.id, customer)).inspection).toEqual({ id: sent.id, status: 'SENT' });

    const renewed = must(await inspections.execute(`mutation($id: ID!) { renewShareLink(id: $id) { token } }`, { id: sent.id }, { token: shop.advisor.token })).renewShareLink;
    expect(codeOf(await openResult(sent.shareToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await read(sent.id, customer))).toBe('UNAUTHENTICATED');
    expect(codeOf(await inspections.execute(`mutation($id: ID!) { decideRecommendation(id: $id, decision: APPROVED) { id } }`, { id: sent.recommendations[0].id }, { token: customer }))).toBe('UNAUTHENTICATED');

    const fresh = await openShare(inspections, renewed.token);
    expect(must(await read(sent.id, fresh)).inspection.status).toBe('SENT');
  });

  it('closed by the shop: the link no longer opens and its customer tokens read nothing', async () => {
    const sent = await runToSent(inspections, shop);
    const customer = await openShare(inspections, sent.shareToken);
    must(await inspections.execute(`mutation($id: ID!) { closeInspection(id: $id) { status } }`, { id: sent.id }, { token: shop.advisor.token }));
    expect(codeOf(await openResult(sent.shareToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await read(sent.id, customer))).toBe('UNAUTHENTICATED');
    expect(must(await read(sent.id, shop.advisor.token)).inspection.status).toBe('CLOSED');
  });

  it("closed by the customer's last decision: that answer shows the closed inspection, the next request is refused", async () => {
    const sent = await runToSent(inspections, shop);
    const customer = await openShare(inspections, sent.shareToken);
    const decide = `mutation($id: ID!) { decideRecommendation(id: $id, decision: DECLINED) { decision inspection { id status approval { declinedCount } } } }`;
    const [last, ...others] = [...sent.recommendations].reverse();
    for (const r of others) must(await inspections.execute(decide, { id: r.id }, { token: customer }));
    const closing = must(await inspections.execute(decide, { id: last.id }, { token: customer })).decideRecommendation;
    expect(closing).toEqual({ decision: 'DECLINED', inspection: { id: sent.id, status: 'CLOSED', approval: { declinedCount: sent.recommendations.length } } });
    expect(codeOf(await read(sent.id, customer))).toBe('UNAUTHENTICATED');
    expect(codeOf(await openResult(sent.shareToken))).toBe('UNAUTHENTICATED');
  });
});
