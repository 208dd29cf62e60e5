import type { EntityManager } from 'typeorm';
import type { Performance } from '../domain/tiers';

/** Where a partner product was offered: what the tier metrics (presented, converted, educated) count. */
export interface OfferKey {
  recommendationId: string;
  inspectionId: string;
  shopId: string;
  orgId: string;
  programId: string;
  partnerId: string;
  productId: string;
  currency: string;
}

/** The offer's state after an event was folded in: the latest decision wins, whatever the arrival order. */
export interface OfferState {
  decision: 'APPROVED' | 'DECLINED' | null;
  decidedAt: Date | null;
  refundedAt: Date | null;
}

const columns = `recommendation_id, inspection_id, shop_id, org_id, program_id, partner_id, product_id, currency`;
const keyValues = (key: OfferKey) => [key.recommendationId, key.inspectionId, key.shopId, key.orgId, key.programId, key.partnerId, key.productId, key.currency];

export class OfferRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records that the offer was presented (the first presentation counts). */
  async presented(manager: EntityManager, key: OfferKey, presentedAt: Date, totalCents: number, quantity: number): Promise<void> {
    await manager.query(
      `/* offers.presented */ INSERT INTO partners.offer (${columns}, presented_at, total_cents, quantity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (recommendation_id) DO UPDATE SET
         presented_at = least(offer.presented_at, EXCLUDED.presented_at),
         total_cents = coalesce(offer.total_cents, EXCLUDED.total_cents),
         quantity = coalesce(offer.quantity, EXCLUDED.quantity)`,
      [...keyValues(key), presentedAt, totalCents, quantity],
    );
  }

  /** Folds in a decision unless a later one is already known; locks the offer row for the transaction. */
  async decided(
    manager: EntityManager,
    key: OfferKey,
    decision: { decision: 'APPROVED' | 'DECLINED'; decidedAt: Date; totalCents: number; quantity: number; educationViewed: boolean },
  ): Promise<OfferState> {
    const rows: { decision: OfferState['decision']; decided_at: Date | null; refunded_at: Date | null }[] = await manager.query(
      `/* offers.decided */ INSERT INTO partners.offer (${columns}, decision, decided_at, total_cents, quantity, education_viewed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (recommendation_id) DO UPDATE SET
         decision = CASE WHEN offer.decided_at IS NULL OR EXCLUDED.decided_at > offer.decided_at THEN EXCLUDED.decision ELSE offer.decision END,
         education_viewed = CASE WHEN offer.decided_at IS NULL OR EXCLUDED.decided_at > offer.decided_at THEN EXCLUDED.education_viewed ELSE offer.education_viewed END,
         total_cents = CASE WHEN offer.decided_at IS NULL OR EXCLUDED.decided_at > offer.decided_at THEN EXCLUDED.total_cents ELSE offer.total_cents END,
         quantity = CASE WHEN offer.decided_at IS NULL OR EXCLUDED.decided_at > offer.decided_at THEN EXCLUDED.quantity ELSE offer.quantity END,
         decided_at = greatest(offer.decided_at, EXCLUDED.decided_at)
       RETURNING decision, decided_at, refunded_at`,
      [...keyValues(key), decision.decision, decision.decidedAt, decision.totalCents, decision.quantity, decision.educationViewed],
    );
    return stateOf(rows[0]);
  }

  /** Records a refund (the earliest one counts); locks the offer row for the transaction. */
  async refunded(manager: EntityManager, key: OfferKey, refundedAt: Date): Promise<OfferState> {
    const rows: { decision: OfferState['decision']; decided_at: Date | null; refunded_at: Date | null }[] = await manager.query(
      `/* offers.refunded */ INSERT INTO partners.offer (${columns}, refunded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (recommendation_id) DO UPDATE SET refunded_at = least(offer.refunded_at, EXCLUDED.refunded_at)
       RETURNING decision, decided_at, refunded_at`,
      [...keyValues(key), refundedAt],
    );
    return stateOf(rows[0]);
  }

  /** A shop's performance in a program over [from, to): the inputs of its tier. */
  async performance(manager: EntityManager, programId: string, shopId: string, from: Date, to: Date): Promise<Performance> {
    const [row]: Record<string, string>[] = await manager.query(
      `/* offers.performance */ WITH o AS (
         SELECT *, decision = 'APPROVED' AND (refunded_at IS NULL OR refunded_at >= $4) AS kept
         FROM partners.offer WHERE program_id = $1 AND shop_id = $2
       )
       SELECT
         coalesce(sum(total_cents) FILTER (WHERE kept AND decided_at >= $3 AND decided_at < $4), 0) AS revenue,
         count(*) FILTER (WHERE presented_at >= $3 AND presented_at < $4) AS presented,
         count(*) FILTER (WHERE presented_at >= $3 AND presented_at < $4 AND kept AND decided_at < $4) AS converted,
         count(*) FILTER (WHERE kept AND decided_at >= $3 AND decided_at < $4) AS approved,
         count(*) FILTER (WHERE kept AND decided_at >= $3 AND decided_at < $4 AND education_viewed) AS educated
       FROM o`,
      [programId, shopId, from, to],
    );
    return {
      revenueCents: Number(row.revenue),
      presentedCount: Number(row.presented),
      convertedCount: Number(row.converted),
      approvedCount: Number(row.approved),
      educatedCount: Number(row.educated),
    };
  }
}

function stateOf(row: { decision: OfferState['decision']; decided_at: Date | null; refunded_at: Date | null }): OfferState {
  return { decision: row.decision, decidedAt: row.decided_at, refundedAt: row.refunded_at };
}
