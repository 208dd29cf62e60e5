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

export interface Decision {
  decision: 'APPROVED' | 'DECLINED';
  decidedAt: Date;
  totalCents: number;
  quantity: number;
  educationViewed: boolean;
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
  async decided(manager: EntityManager, key: OfferKey, decision: Decision): Promise<OfferState> {
    const [state] = await this.decidedMany(manager, [{ key, decision }]);
    return state;
  }

  /** `decided` for offers of distinct recommendations in one statement; states in the order given. */
  async decidedMany(manager: EntityManager, decisions: { key: OfferKey; decision: Decision }[]): Promise<OfferState[]> {
    const rows: { recommendation_id: string; decision: OfferState['decision']; decided_at: Date | null; refunded_at: Date | null }[] = await manager.query(
      `/* offers.decided */ INSERT INTO partners.offer (${columns}, decision, decided_at, total_cents, quantity, education_viewed)
       SELECT ${columns}, decision, decided_at, total_cents, quantity, education_viewed
       FROM jsonb_to_recordset($1::jsonb) AS r(recommendation_id text, inspection_id text, shop_id uuid, org_id uuid, program_id uuid, partner_id uuid,
         product_id uuid, currency char(3), decision text, decided_at timestamptz, total_cents bigint, quantity integer, education_viewed boolean)
       ORDER BY recommendation_id
       ON CONFLICT (recommendation_id) DO UPDATE SET
         decision = CASE WHEN offer.decided_at IS NULL OR EXCLUDED.decided_at > offer.decided_at THEN EXCLUDED.decision ELSE offer.decision END,
         education_viewed = CASE WHEN offer.decided_at IS NULL OR EXCLUDED.decided_at > offer.decided_at THEN EXCLUDED.education_viewed ELSE offer.education_viewed END,
         total_cents = CASE WHEN offer.decided_at IS NULL OR EXCLUDED.decided_at > offer.decided_at THEN EXCLUDED.total_cents ELSE offer.total_cents END,
         quantity = CASE WHEN offer.decided_at IS NULL OR EXCLUDED.decided_at > offer.decided_at THEN EXCLUDED.quantity ELSE offer.quantity END,
         decided_at = greatest(offer.decided_at, EXCLUDED.decided_at)
       RETURNING recommendation_id, decision, decided_at, refunded_at`,
      [
        JSON.stringify(
          decisions.map(({ key, decision }) => ({
            recommendation_id: key.recommendationId,
            inspection_id: key.inspectionId,
            shop_id: key.shopId,
            org_id: key.orgId,
            program_id: key.programId,
            partner_id: key.partnerId,
            product_id: key.productId,
            currency: key.currency,
            decision: decision.decision,
            decided_at: decision.decidedAt,
            total_cents: decision.totalCents,
            quantity: decision.quantity,
            education_viewed: decision.educationViewed,
          })),
        ),
      ],
    );
    const byRecommendation = new Map(rows.map((row) => [row.recommendation_id, stateOf(row)]));
    return decisions.map(({ key }) => byRecommendation.get(key.recommendationId)!);
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
