import { describe, expect, it } from 'vitest';
import { must, openShare, runToSent, seedShop } from './seed';
import { inspections, other, shop, useInspectionsSubgraph } from './subgraph';

useInspectionsSubgraph({ shops: 2 });

/** A subscription over SSE, as the gateway opens it; `next` waits for the next result. */
async function subscribe(query: string, variables: Record<string, unknown>, token: string) {
  const controller = new AbortController();
  const response = await inspections.app.yoga.fetch('http://subgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(timeoutMs = 5_000): Promise<any> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = /(?:^|\n)data: (.*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return JSON.parse(match[1]);
        }
        if (Date.now() > deadline) throw new Error('no event in time');
        const { value, done } = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event in time')), deadline - Date.now()))]);
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

describe('live updates', () => {
  it("deliver the shop's decisions as the customer makes them, and nothing of other shops", async () => {
    const sent = await runToSent(inspections, shop);
    const decisions = await subscribe(`subscription($s: ID!) { recommendationDecided(shopId: $s) { id decision inspection { id } } }`, { s: shop.shopId }, shop.advisor.token);
    const updates = await subscribe(`subscription($s: ID!) { inspectionUpdated(shopId: $s) { id status approval { approvedCount declinedCount } } }`, { s: shop.shopId }, shop.advisor.token);

    const foreign = await runToSent(inspections, other);
    const foreignCustomer = await openShare(inspections, foreign.shareToken);
    must(await inspections.execute(`mutation($id: ID!) { decideRecommendation(id: $id, decision: APPROVED) { id } }`, { id: foreign.recommendations[0].id }, { token: foreignCustomer }));

    const customer = await openShare(inspections, sent.shareToken);
    const [first, ...rest] = sent.recommendations;
    must(await inspections.execute(`mutation($id: ID!) { decideRecommendation(id: $id, decision: APPROVED) { id } }`, { id: first.id }, { token: customer }));
    expect((await decisions.next()).data.recommendationDecided).toEqual({ id: first.id, decision: 'APPROVED', inspection: { id: sent.id } });

    for (const r of rest) must(await inspections.execute(`mutation($id: ID!) { decideRecommendation(id: $id, decision: DECLINED) { id } }`, { id: r.id }, { token: customer }));
    for (const r of rest) expect((await decisions.next()).data.recommendationDecided).toMatchObject({ id: r.id, decision: 'DECLINED' });
    let update = (await updates.next()).data.inspectionUpdated;
    while (update.status !== 'CLOSED') {
      expect(update.id).toBe(sent.id);
      update = (await updates.next()).data.inspectionUpdated;
    }
    expect(update).toEqual({ id: sent.id, status: 'CLOSED', approval: { approvedCount: 1, declinedCount: rest.length } });
    decisions.close();
    updates.close();
  });

  it('deliver every change of a whole workflow in order, each with its type, actor and the inspection as that change left it', async () => {
    const watched = await seedShop();
    const updates = await subscribe(
      `subscription($s: ID!) { inspectionUpdated(shopId: $s) {
        id status closedAt approval { approvedCount declinedCount pendingCount }
        change { type event actorKind occurredAt changedFields recommendation { id decision } }
      } }`,
      { s: watched.shopId },
      watched.advisor.token,
    );
    const sent = await runToSent(inspections, watched);
    const customer = await openShare(inspections, sent.shareToken);
    const [first, second, third] = sent.recommendations;
    const decide = `mutation($id: ID!, $d: RecommendationDecision!) { decideRecommendation(id: $id, decision: $d) { id } }`;
    must(await inspections.execute(decide, { id: first.id, d: 'APPROVED' }, { token: customer }));
    must(await inspections.execute(decide, { id: second.id, d: 'DECLINED' }, { token: watched.advisor.token }));
    must(await inspections.execute(decide, { id: third.id, d: 'DECLINED' }, { token: customer }));

    const received: any[] = [];
    for (let n = 0; n < 7; n++) received.push((await updates.next(20_000)).data.inspectionUpdated);
    updates.close();
    expect(received.every((u) => u.id === sent.id)).toBe(true);
    expect(received.map((u) => [u.change.type, u.change.actorKind, u.status, u.approval.approvedCount, u.approval.declinedCount, u.approval.pendingCount])).toEqual([
      ['STARTED', 'STAFF', 'IN_PROGRESS', 0, 0, 3],
      ['COMPLETED', 'STAFF', 'COMPLETED', 0, 0, 3],
      ['SENT', 'STAFF', 'SENT', 0, 0, 3],
      ['RECOMMENDATION_APPROVED', 'CUSTOMER', 'SENT', 1, 0, 2],
      ['RECOMMENDATION_DECLINED', 'STAFF', 'SENT', 1, 1, 1],
      ['RECOMMENDATION_DECLINED', 'CUSTOMER', 'SENT', 1, 2, 0],
      ['CLOSED', 'CUSTOMER', 'CLOSED', 1, 2, 0],
    ]);
    expect(received.map((u) => u.change.event)).toEqual([
      'inspection.started',
      'inspection.completed',
      'inspection.sent',
      'recommendation.approved',
      'recommendation.declined',
      'recommendation.declined',
      'inspection.closed',
    ]);
    expect(received[3].change.recommendation).toEqual({ id: first.id, decision: 'APPROVED' });
    expect(received[2].change.changedFields).toEqual(['status', 'sentAt', 'shareExpiresAt']);
    expect(received[5].closedAt).toBeNull();
    expect(received[6].closedAt).not.toBeNull();
    const times = received.map((u) => Date.parse(u.change.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('refuse to watch a shop the caller does not work at', async () => {
    const stream = await subscribe(`subscription($s: ID!) { recommendationDecided(shopId: $s) { id } }`, { s: shop.shopId }, other.owner.token);
    expect((await stream.next()).errors[0].extensions.code).toBe('NOT_FOUND');
    stream.close();
  });
});
