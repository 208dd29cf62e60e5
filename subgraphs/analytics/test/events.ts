import { randomUUID } from 'node:crypto';
import { buildEvent, type CatalogEvent } from '@cip/platform';

/** A small deterministic random source, so a failing event order can be reproduced. */
export function seeded(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    shuffle<T>(items: T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

export interface ShopSpec {
  shopId: string;
  orgId: string;
  timezone: string;
  technicianIds: (string | null)[];
}

export const shopCreated = (shop: ShopSpec, name = 'Bench Auto') =>
  buildEvent('shop.created', {
    orgId: shop.orgId,
    shopId: shop.shopId,
    subjectId: shop.shopId,
    data: { name, timezone: shop.timezone, currency: 'USD' },
  });

/**
 * The events of one inspection's life as the inspections subgraph emits them: started, completed,
 * sent, a decision per recommendation (sometimes changed later), closed.
 */
export function inspectionLife(shop: ShopSpec, startedAt: Date, random: ReturnType<typeof seeded>): CatalogEvent[] {
  const inspectionId = randomUUID();
  const technicianId = shop.technicianIds[random.int(shop.technicianIds.length)];
  const base = { orgId: shop.orgId, shopId: shop.shopId, subjectId: inspectionId };
  const minutes = (m: number) => new Date(startedAt.getTime() + m * 60_000);
  const completedAt = minutes(20 + random.int(60));
  const sentAt = minutes(90 + random.int(60));
  const recommendations = Array.from({ length: 1 + random.int(4) }, () => ({
    recommendationId: randomUUID(),
    totalCents: 5_000 + random.int(90_000),
    partnerProductId: null,
    quantity: 1,
  }));
  const items = { green: 20 + random.int(10), yellow: random.int(6), red: random.int(4), notInspected: random.int(3) };
  const events: CatalogEvent[] = [
    buildEvent('inspection.started', { ...base, data: { inspectionId, vehicleId: randomUUID(), customerId: randomUUID(), technicianId, templateId: 'tpl_standard', templateVersion: 1, repairOrderNumber: null, startedAt: startedAt.toISOString() } }),
    buildEvent('inspection.completed', {
      ...base,
      data: { inspectionId, vehicleId: randomUUID(), customerId: randomUUID(), technicianId, startedAt: startedAt.toISOString(), completedAt: completedAt.toISOString(), items, recommendationCount: recommendations.length, recommendedCents: recommendations.reduce((s, r) => s + r.totalCents, 0), currency: 'USD' },
    }),
  ];
  if (random.next() < 0.15) return events;
  events.push(
    buildEvent('inspection.sent', { ...base, data: { inspectionId, technicianId, completedAt: completedAt.toISOString(), sentAt: sentAt.toISOString(), recommendations, presentedCents: recommendations.reduce((s, r) => s + r.totalCents, 0), currency: 'USD' } }),
  );
  let approvedCount = 0;
  let approvedCents = 0;
  let declinedCount = 0;
  let declinedCents = 0;
  let lastDecision = sentAt;
  for (const rec of recommendations) {
    const decide = (approved: boolean, decidedAt: Date) =>
      buildEvent(approved ? 'recommendation.approved' : 'recommendation.declined', {
        orgId: shop.orgId,
        shopId: shop.shopId,
        subjectId: rec.recommendationId,
        data: { inspectionId, recommendationId: rec.recommendationId, technicianId, decidedAt: decidedAt.toISOString(), sentAt: sentAt.toISOString(), partsCents: rec.totalCents, laborCents: 0, totalCents: rec.totalCents, currency: 'USD', quantity: 1, partnerProductId: null, educationViewed: false },
      });
    let approved = random.next() < 0.6;
    const decidedAt = minutes(100 + random.int(600));
    events.push(decide(approved, decidedAt));
    lastDecision = decidedAt > lastDecision ? decidedAt : lastDecision;
    if (random.next() < 0.2) {
      approved = !approved;
      const changedAt = new Date(decidedAt.getTime() + (1 + random.int(30)) * 3_600_000);
      events.push(decide(approved, changedAt));
      lastDecision = changedAt > lastDecision ? changedAt : lastDecision;
    }
    if (approved) {
      approvedCount++;
      approvedCents += rec.totalCents;
    } else {
      declinedCount++;
      declinedCents += rec.totalCents;
    }
  }
  events.push(
    buildEvent('inspection.closed', { ...base, data: { inspectionId, technicianId, closedAt: new Date(lastDecision.getTime() + 60_000).toISOString(), approvedCount, declinedCount, approvedCents, declinedCents, currency: 'USD' } }),
  );
  return events;
}

export const commission = (shop: ShopSpec, amountCents: number, reversed = false, at = new Date()) =>
  buildEvent(reversed ? 'commission.reversed' : 'commission.accrued', {
    orgId: shop.orgId,
    shopId: shop.shopId,
    subjectId: shop.shopId,
    occurredAt: at,
    data: { ledgerEntryId: randomUUID(), partnerId: randomUUID(), programId: randomUUID(), amountCents, currency: 'USD', sourceEventId: randomUUID() },
  });
