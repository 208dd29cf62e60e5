import { randomUUID } from 'node:crypto';
import { buildEvent, type CatalogEvent } from '@cip/platform';
import { startTestSubgraph } from '@cip/platform/testing';
import { createServices, partnersSubgraph } from '@cip/partners';
import { formatNumber, markdownTable, section } from '../support/markdown';

const shops = 50;
const basisPoints = 750;
const incentiveCents = 250;

/**
 * The commission ledger under a month of sales: 100 000 `recommendation.approved` events with partner
 * products (50 shops, 7.5%, one in ten with the education viewed), each applied exactly once (the event
 * claimed, the offer projection, rule and tier lookups, caps, the statement lock, the entry and its outbox
 * event), first one transaction per event, then in batches as the partners consumer takes them from
 * the bus (one transaction per batch). Then some are delivered again, and the ledger is checked to the cent
 * against an independent total.
 */
export async function run(): Promise<string> {
  const total = Number(process.env.BENCH_PARTNERS_EVENTS ?? 100_000);
  const batchSize = Number(process.env.BENCH_PARTNERS_BATCH ?? 100);
  const oneByOne = Math.min(total, Number(process.env.BENCH_PARTNERS_ONE_BY_ONE ?? 2_000));
  const targetPerSecond = 1_700;
  const partners = await startTestSubgraph(partnersSubgraph);
  try {
    const svc = createServices(partners.runtime.db.dataSource);
    const partner = await svc.programs.createPartner({ name: 'Bench Tires', kind: 'TIRE_DISTRIBUTOR' });
    const program = await svc.programs.createProgram({
      partnerId: partner.id,
      name: 'Bench program',
      description: 'Benchmark program.',
      currency: 'USD',
      sharedFields: [],
      tierWindowDays: 90,
      educationIncentiveCents: incentiveCents,
      tierLevels: [{ tier: 'BRONZE', minRevenueCents: 0, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 10_000 }],
      rule: { kind: 'PERCENTAGE', basisPoints, effectiveFrom: new Date('2026-01-01T00:00:00Z') },
    });
    const product = await svc.programs.addProduct(program, { sku: 'B-1', name: 'Tire', unitPriceCents: 15_000 });
    const educated = await svc.programs.addProduct(program, { sku: 'B-2', name: 'Fluid', unitPriceCents: 9_000, educationTopic: 'Fluids' });
    const shopList = Array.from({ length: shops }, () => ({ shopId: randomUUID(), orgId: randomUUID() }));
    for (const shop of shopList) await svc.programs.enroll(program, shop, new Date('2026-01-01T00:00:00Z'));

    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const monthStart = Date.UTC(2026, 2, 1);
    const events: CatalogEvent<'recommendation.approved'>[] = [];
    let expectedCents = 0n;
    for (let i = 0; i < total; i++) {
      const shop = shopList[i % shops];
      const totalCents = 1_000 + (next() % 200_000);
      const educationViewed = next() % 10 === 0;
      const recommendationId = randomUUID();
      const exact = BigInt(totalCents) * BigInt(basisPoints);
      const [whole, rest] = [exact / 10_000n, exact % 10_000n];
      expectedCents += whole + (rest > 5_000n || (rest === 5_000n && whole % 2n === 1n) ? 1n : 0n) + (educationViewed ? BigInt(incentiveCents) : 0n);
      events.push(
        buildEvent('recommendation.approved', {
          orgId: shop.orgId,
          shopId: shop.shopId,
          subjectId: recommendationId,
          data: {
            inspectionId: randomUUID(),
            recommendationId,
            technicianId: null,
            decidedAt: new Date(monthStart + Math.floor((i / total) * 30 * 86_400_000)).toISOString(),
            sentAt: new Date(monthStart).toISOString(),
            partsCents: totalCents,
            laborCents: 0,
            totalCents,
            currency: 'USD',
            quantity: 1,
            partnerProductId: educationViewed ? educated.id : product.id,
            educationViewed,
          },
        }),
      );
    }

    const single = await timed(() => apply(events.slice(0, oneByOne), (e) => svc.ledger.handle(e)));
    const batched = await timed(() => apply(chunks(events.slice(oneByOne), batchSize), (batch) => svc.ledger.handleBatch(batch)));
    const duplicates = events.slice(0, Math.min(total, 10_000));
    const redelivered = await timed(() => apply(chunks(duplicates, batchSize), (batch) => svc.ledger.handleBatch(batch)));

    const [ledger] = await partners.runtime.db.dataSource.query(
      `SELECT count(*)::int AS entries, count(DISTINCT source_event_id)::int AS sources, sum(amount_cents)::text AS cents FROM partners.ledger_entry`,
    );
    const exact = ledger.entries === total && ledger.sources === total && BigInt(ledger.cents) === expectedCents;
    if (!exact) throw new Error(`ledger check failed: ${JSON.stringify(ledger)} against ${expectedCents} expected cents`);

    const rate = (count: number, ms: number) => count / (ms / 1000);
    const batchedRate = rate(total - oneByOne, batched);
    return section(
      'Partners: commission ledger throughput',
      `${formatNumber(total)} \`recommendation.approved\` events with partner products across ${shops} shops of one program (7.5%, one in ten with the education incentive), applied in-process by one consumer through the ledger's own paths. One at a time (\`CommissionLedger.handle\`: processOnce, offer projection, rule and tier in force, caps, statement lock, entry, outbox event — one transaction each) for the first ${formatNumber(oneByOne)}; the rest in batches of ${batchSize}, as the bus hands them to the partners consumer (\`handleBatch\`: one transaction per batch, the events claimed in one insert, then set-based upserts of offers, statements and entries and one outbox insert). Then ${formatNumber(duplicates.length)} of them delivered again, in batches.`,
      markdownTable(
        ['phase', 'events', 'seconds', 'events/s'],
        [
          ['accrual, one event per transaction', formatNumber(oneByOne), formatNumber(single / 1000, 1), formatNumber(rate(oneByOne, single))],
          [`accrual, batches of ${batchSize}`, formatNumber(total - oneByOne), formatNumber(batched / 1000, 1), formatNumber(batchedRate)],
          [`redelivery (no-op), batches of ${batchSize}`, formatNumber(duplicates.length), formatNumber(redelivered / 1000, 1), formatNumber(rate(duplicates.length, redelivered))],
        ],
      ),
      `- Target: ≥ ${formatNumber(targetPerSecond)} accrual events/s on one partners process, exact to the cent — ${batchedRate >= targetPerSecond && exact ? '**met**' : '**missed**'} (${formatNumber(batchedRate)} events/s in batches).`,
      `- Ledger after the run: ${formatNumber(ledger.entries)} entries for ${formatNumber(ledger.sources)} source events, ${formatNumber(Number(ledger.cents))} cents in total, equal to the independently computed ${formatNumber(Number(expectedCents))} cents (half-even per sale).`,
    );
  } finally {
    await partners.close();
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** One consumer: each item (an event or a batch) after the previous one. */
async function apply<T>(items: T[], handle: (item: T) => Promise<unknown>): Promise<void> {
  for (const item of items) await handle(item);
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
