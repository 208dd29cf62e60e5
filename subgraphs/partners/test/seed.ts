import { randomUUID } from 'node:crypto';
import { buildEvent, type EventEnvelope } from '@cip/platform';
import { testSigner, type TestSubgraph } from '@cip/platform/testing';
import { createServices, type Services } from '../src/context';
import type { Program } from '../src/data/program';

export const services = (partners: TestSubgraph): Services => createServices(partners.runtime.db.dataSource);

export const bronzeOnly = [{ tier: 'BRONZE', minRevenueCents: 0, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 10_000 }];

export interface SeededProgram {
  partnerId: string;
  program: Program;
  productId: string;
  educatedProductId: string;
}

/** A partner with one program and two products (one with education), created through the admin path. */
export async function seedProgram(
  svc: Services,
  options: {
    name?: string;
    rule?: Record<string, unknown>;
    tierLevels?: unknown[];
    educationIncentiveCents?: number;
    sharedFields?: string[];
    tierWindowDays?: number;
    partnerId?: string;
    currency?: string;
  } = {},
): Promise<SeededProgram> {
  const partnerId = options.partnerId ?? (await svc.programs.createPartner({ name: `${options.name ?? 'Tread'} Co`, kind: 'TIRE_DISTRIBUTOR' })).id;
  const program = await svc.programs.createProgram({
    partnerId,
    name: `${options.name ?? 'Tread'} Tires`,
    description: 'Premium tires for every season.',
    currency: options.currency ?? 'USD',
    sharedFields: options.sharedFields ?? ['TIER'],
    tierWindowDays: options.tierWindowDays ?? 90,
    educationIncentiveCents: options.educationIncentiveCents ?? 250,
    tierLevels: options.tierLevels ?? bronzeOnly,
    rule: options.rule ?? { kind: 'PERCENTAGE', basisPoints: 750, effectiveFrom: new Date('2026-01-01T00:00:00Z') },
  });
  const product = await svc.programs.addProduct(program, { sku: `T-${randomUUID().slice(0, 6)}`, name: 'All-season tire', unitPriceCents: 15_000 });
  const educated = await svc.programs.addProduct(program, {
    sku: `F-${randomUUID().slice(0, 6)}`,
    name: 'Brake fluid flush',
    unitPriceCents: 9_000,
    educationTopic: 'Why brake fluid absorbs water',
  });
  return { partnerId, program, productId: product.id, educatedProductId: educated.id };
}

export interface TestShop {
  shopId: string;
  orgId: string;
}

export const newShop = (): TestShop => ({ shopId: randomUUID(), orgId: randomUUID() });

export async function staffToken(shop: TestShop, role: 'OWNER' | 'MANAGER' | 'ADVISOR' | 'TECHNICIAN' = 'OWNER'): Promise<string> {
  const signer = await testSigner();
  return (await signer.sign({ kind: 'staff', userId: randomUUID(), orgId: shop.orgId, roles: { [shop.shopId]: role } }, 900)).token;
}

/** A token as the gateway mints it for a partner API key: the partner and the shops its key reaches. */
export async function partnerToken(partnerId: string, shopIds: string[]): Promise<string> {
  const signer = await testSigner();
  return (await signer.sign({ kind: 'partner', partnerId, keyId: randomUUID(), plan: 'standard', shopIds }, 900)).token;
}

/** Builders for the inspections events the ledger consumes, as the event contract describes them. */
export function saleEvents(shop: TestShop) {
  const about = (subjectId: string) => ({ orgId: shop.orgId, shopId: shop.shopId, subjectId });
  return {
    sent(input: { inspectionId?: string; sentAt: string; offers: { recommendationId: string; productId: string | null; totalCents: number; quantity?: number }[] }) {
      const inspectionId = input.inspectionId ?? randomUUID();
      return buildEvent('inspection.sent', {
        ...about(inspectionId),
        data: {
        inspectionId,
        technicianId: null,
        completedAt: input.sentAt,
        sentAt: input.sentAt,
        recommendations: input.offers.map((o) => ({ recommendationId: o.recommendationId, totalCents: o.totalCents, partnerProductId: o.productId, quantity: o.quantity ?? 1 })),
        presentedCents: input.offers.reduce((sum, o) => sum + o.totalCents, 0),
        currency: 'USD',
        },
      });
    },
    decided(
      decision: 'approved' | 'declined',
      input: { recommendationId: string; inspectionId?: string; productId: string | null; totalCents: number; decidedAt: string; quantity?: number; educationViewed?: boolean },
    ) {
      return buildEvent(decision === 'approved' ? 'recommendation.approved' : 'recommendation.declined', {
        ...about(input.recommendationId),
        data: {
        inspectionId: input.inspectionId ?? `insp-${input.recommendationId}`,
        recommendationId: input.recommendationId,
        technicianId: null,
        decidedAt: input.decidedAt,
        sentAt: input.decidedAt,
        partsCents: input.totalCents,
        laborCents: 0,
        totalCents: input.totalCents,
        currency: 'USD',
        quantity: input.quantity ?? 1,
        partnerProductId: input.productId,
        educationViewed: input.educationViewed ?? false,
        },
      });
    },
    refunded(input: { recommendationId: string; inspectionId?: string; productId: string | null; totalCents: number; refundedAt: string }) {
      return buildEvent('recommendation.refunded', {
        ...about(input.recommendationId),
        data: {
        inspectionId: input.inspectionId ?? `insp-${input.recommendationId}`,
        recommendationId: input.recommendationId,
        refundedAt: input.refundedAt,
        totalCents: input.totalCents,
        currency: 'USD',
        partnerProductId: input.productId,
        reason: 'customer returned the part',
        },
      });
    },
  };
}

/** Outbox events of a type, oldest first (what the relay publishes to the bus). */
export async function outboxEvents(partners: TestSubgraph, type: string): Promise<EventEnvelope<any>[]> {
  const rows: { envelope: EventEnvelope<any> }[] = await partners.runtime.db.dataSource.query(
    `SELECT envelope FROM partners.outbox WHERE type = $1 ORDER BY seq`,
    [type],
  );
  return rows.map((row) => row.envelope);
}
