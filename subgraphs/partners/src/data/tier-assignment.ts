import { EntitySchema, In, type EntityManager } from 'typeorm';
import type { PartnerTier } from '../domain/tiers';
import { bigintCents } from './columns';

/** A shop's tier in a program from `effectiveFrom` on, with the performance it was computed from. Append-only. */
export interface TierAssignment {
  id: string;
  programId: string;
  shopId: string;
  tier: PartnerTier;
  multiplierBasisPoints: number;
  effectiveFrom: Date;
  windowStart: Date;
  revenueCents: number;
  presentedCount: number;
  convertedCount: number;
  approvedCount: number;
  educatedCount: number;
  createdAt: Date;
}

export const TierAssignmentEntity = new EntitySchema<TierAssignment>({
  name: 'TierAssignment',
  tableName: 'tier_assignment',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    programId: { type: 'uuid', name: 'program_id' },
    shopId: { type: 'uuid', name: 'shop_id' },
    tier: { type: 'text' },
    multiplierBasisPoints: { type: 'integer', name: 'multiplier_bp' },
    effectiveFrom: { type: 'timestamptz', name: 'effective_from' },
    windowStart: { type: 'timestamptz', name: 'window_start' },
    revenueCents: { type: 'bigint', name: 'revenue_cents', transformer: bigintCents },
    presentedCount: { type: 'integer', name: 'presented_count' },
    convertedCount: { type: 'integer', name: 'converted_count' },
    approvedCount: { type: 'integer', name: 'approved_count' },
    educatedCount: { type: 'integer', name: 'educated_count' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export class TierAssignmentRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The assignment in force at `at` (the latest that took effect at or before it), or null: BRONZE. */
  inForceAt(manager: EntityManager, programId: string, shopId: string, at: Date): Promise<TierAssignment | null> {
    return manager
      .createQueryBuilder(TierAssignmentEntity, 't')
      .where('t.programId = :programId AND t.shopId = :shopId AND t.effectiveFrom <= :at', { programId, shopId, at })
      .orderBy('t.effectiveFrom', 'DESC')
      .addOrderBy('t.createdAt', 'DESC')
      .comment('tiers.inForceAt')
      .getOne();
  }

  /** The latest assignment per (program, shop) key "programId:shopId", in key order. */
  async latestByKeys(keys: readonly string[]): Promise<(TierAssignment | null)[]> {
    const pairs = keys.map((key) => key.split(':'));
    const rows = await this.manager.find(TierAssignmentEntity, {
      where: { programId: In(pairs.map(([programId]) => programId)), shopId: In(pairs.map(([, shopId]) => shopId)) },
      order: { effectiveFrom: 'DESC', createdAt: 'DESC' },
      comment: 'tiers.latestByKeys',
    });
    const latest = new Map<string, TierAssignment>();
    for (const row of rows) {
      const key = `${row.programId}:${row.shopId}`;
      if (!latest.has(key)) latest.set(key, row);
    }
    return keys.map((key) => latest.get(key) ?? null);
  }

  history(programId: string, shopId: string): Promise<TierAssignment[]> {
    return this.manager.find(TierAssignmentEntity, {
      where: { programId, shopId: In([shopId]) },
      order: { effectiveFrom: 'DESC', createdAt: 'DESC' },
      comment: 'tiers.history',
    });
  }

  record(manager: EntityManager, input: Omit<TierAssignment, 'id' | 'createdAt'>): Promise<TierAssignment> {
    return manager.save(TierAssignmentEntity, manager.create(TierAssignmentEntity, input));
  }
}
