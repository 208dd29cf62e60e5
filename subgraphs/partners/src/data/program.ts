import { EntitySchema, IsNull, type EntityManager } from 'typeorm';
import { findByIds, findGroupedBy } from '@cip/platform';
import type { TierLevel } from '../domain/tiers';
import { bigintCents } from './columns';

export const sharedFieldNames = ['TIER', 'PERFORMANCE', 'EARNINGS'] as const;
export type SharedField = (typeof sharedFieldNames)[number];

export interface Program {
  id: string;
  partnerId: string;
  name: string;
  description: string;
  currency: string;
  sharedFields: SharedField[];
  tierWindowDays: number;
  educationIncentiveCents: number;
  createdAt: Date;
}

export const ProgramEntity = new EntitySchema<Program>({
  name: 'Program',
  tableName: 'program',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    partnerId: { type: 'uuid', name: 'partner_id' },
    name: { type: 'text' },
    description: { type: 'text' },
    currency: { type: 'char', length: 3 },
    sharedFields: { type: 'text', array: true, name: 'shared_fields' },
    tierWindowDays: { type: 'integer', name: 'tier_window_days' },
    educationIncentiveCents: { type: 'integer', name: 'education_incentive_cents' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export interface ProgramTierLevel extends TierLevel {
  programId: string;
}

export const ProgramTierLevelEntity = new EntitySchema<ProgramTierLevel>({
  name: 'ProgramTierLevel',
  tableName: 'program_tier_level',
  columns: {
    programId: { type: 'uuid', primary: true, name: 'program_id' },
    tier: { type: 'text', primary: true },
    minRevenueCents: { type: 'bigint', name: 'min_revenue_cents', transformer: bigintCents },
    minConversionBasisPoints: { type: 'integer', name: 'min_conversion_bp' },
    minEducationBasisPoints: { type: 'integer', name: 'min_education_bp' },
    multiplierBasisPoints: { type: 'integer', name: 'multiplier_bp' },
  },
});

export interface Enrollment {
  id: string;
  programId: string;
  partnerId: string;
  shopId: string;
  orgId: string;
  enrolledAt: Date;
  endedAt: Date | null;
}

export const EnrollmentEntity = new EntitySchema<Enrollment>({
  name: 'Enrollment',
  tableName: 'enrollment',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    programId: { type: 'uuid', name: 'program_id' },
    partnerId: { type: 'uuid', name: 'partner_id' },
    shopId: { type: 'uuid', name: 'shop_id' },
    orgId: { type: 'uuid', name: 'org_id' },
    enrolledAt: { type: 'timestamptz', name: 'enrolled_at' },
    endedAt: { type: 'timestamptz', name: 'ended_at', nullable: true },
  },
});

export type NewProgram = Omit<Program, 'id' | 'createdAt'>;

export class ProgramRepository {
  constructor(private readonly manager: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<(Program | null)[]> {
    return findByIds(this.manager, ProgramEntity, ids);
  }

  byPartnerIds(partnerIds: readonly string[]): Promise<Program[][]> {
    return findGroupedBy(this.manager, ProgramEntity, 'partnerId', partnerIds, { name: 'programs.byPartnerIds', order: { name: 'ASC', id: 'ASC' } });
  }

  list(): Promise<Program[]> {
    return this.manager.find(ProgramEntity, { order: { name: 'ASC', id: 'ASC' }, comment: 'programs.list' });
  }

  create(manager: EntityManager, input: NewProgram): Promise<Program> {
    return manager.save(ProgramEntity, manager.create(ProgramEntity, input));
  }

  tierLevelsByProgramIds(programIds: readonly string[]): Promise<ProgramTierLevel[][]> {
    return findGroupedBy(this.manager, ProgramTierLevelEntity, 'programId', programIds, { name: 'programs.tierLevelsByProgramIds' });
  }

  async setTierLevels(manager: EntityManager, programId: string, levels: TierLevel[]): Promise<void> {
    await manager.delete(ProgramTierLevelEntity, { programId });
    await manager.insert(ProgramTierLevelEntity, levels.map((level) => ({ ...level, programId })));
  }

  /** Active enrollments of the shops, grouped per shop. */
  enrollmentsByShopIds(shopIds: readonly string[]): Promise<Enrollment[][]> {
    return findGroupedBy(this.manager, EnrollmentEntity, 'shopId', shopIds, { name: 'enrollments.byShopIds', order: { enrolledAt: 'ASC', id: 'ASC' }, where: { endedAt: IsNull() } });
  }

  /** Active enrollments in the partner's programs, grouped per partner. */
  enrollmentsByPartnerIds(partnerIds: readonly string[]): Promise<Enrollment[][]> {
    return findGroupedBy(this.manager, EnrollmentEntity, 'partnerId', partnerIds, { name: 'enrollments.byPartnerIds', order: { enrolledAt: 'ASC', id: 'ASC' }, where: { endedAt: IsNull() } });
  }

  /** Serializes a partner's enrollment changes, so each announces the shops it leaves enrolled, others' included. */
  async lockEnrollments(manager: EntityManager, partnerId: string): Promise<void> {
    await manager.query(`/* enrollments.lockPartner */ SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`enrollments:${partnerId}`]);
  }

  activeEnrollment(manager: EntityManager, programId: string, shopId: string): Promise<Enrollment | null> {
    return manager.findOne(EnrollmentEntity, { where: { programId, shopId, endedAt: IsNull() }, comment: 'enrollments.active' });
  }

  enroll(manager: EntityManager, input: Omit<Enrollment, 'id' | 'endedAt'>): Promise<Enrollment> {
    return manager.save(EnrollmentEntity, manager.create(EnrollmentEntity, { ...input, endedAt: null }));
  }

  async end(manager: EntityManager, enrollment: Enrollment, at: Date): Promise<Enrollment> {
    await manager.update(EnrollmentEntity, { id: enrollment.id }, { endedAt: at });
    return { ...enrollment, endedAt: at };
  }

  /** Every shop with an active enrollment in any of the partner's programs (what its API keys may reach). */
  async enrolledShopIds(manager: EntityManager, partnerId: string): Promise<string[]> {
    const rows: { shop_id: string }[] = await manager.query(
      `/* enrollments.shopIdsOfPartner */ SELECT DISTINCT shop_id FROM partners.enrollment
       WHERE partner_id = $1 AND ended_at IS NULL ORDER BY shop_id`,
      [partnerId],
    );
    return rows.map((row) => row.shop_id);
  }

  /** Every active enrollment: what the scheduled tier recompute walks. */
  allActiveEnrollments(): Promise<Enrollment[]> {
    return this.manager.find(EnrollmentEntity, { where: { endedAt: IsNull() }, order: { enrolledAt: 'ASC' }, comment: 'enrollments.allActive' });
  }
}
