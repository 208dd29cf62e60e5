import { EntitySchema, type EntityManager } from 'typeorm';
import { findByIds, findGroupedBy } from '@cip/platform';

export const urgencies = ['IMMEDIATE', 'SOON', 'MONITOR'] as const;
export type Urgency = (typeof urgencies)[number];

export type Decision = 'APPROVED' | 'DECLINED';

export interface Recommendation {
  id: string;
  inspectionId: string;
  orgId: string;
  shopId: string;
  itemKey: string | null;
  position: number;
  title: string;
  description: string;
  urgency: Urgency;
  laborHours: number;
  /** Price of one unit of parts; the total is `partsCents × quantity + laborCents`. */
  partsCents: number;
  laborCents: number;
  /** The shop's hourly rate labor was priced at (hours × rate); null when the advisor set `laborCents` directly. */
  laborRateCents: number | null;
  quantity: number;
  partnerProductId: string | null;
  decision: Decision | null;
  decidedAt: Date | null;
  decidedBy: 'CUSTOMER' | 'STAFF' | null;
  educationViewedAt: Date | null;
  refundedAt: Date | null;
  refundReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const RecommendationEntity = new EntitySchema<Recommendation>({
  name: 'Recommendation',
  tableName: 'recommendation',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    inspectionId: { type: 'uuid', name: 'inspection_id' },
    orgId: { type: 'uuid', name: 'org_id' },
    shopId: { type: 'uuid', name: 'shop_id' },
    itemKey: { type: 'text', name: 'item_key', nullable: true },
    position: { type: 'integer' },
    title: { type: 'text' },
    description: { type: 'text', default: '' },
    urgency: { type: 'text' },
    laborHours: { type: 'double precision', name: 'labor_hours', default: 0 },
    partsCents: { type: 'integer', name: 'parts_cents', default: 0 },
    laborCents: { type: 'integer', name: 'labor_cents', default: 0 },
    laborRateCents: { type: 'integer', name: 'labor_rate_cents', nullable: true },
    quantity: { type: 'integer', default: 1 },
    partnerProductId: { type: 'text', name: 'partner_product_id', nullable: true },
    decision: { type: 'text', nullable: true },
    decidedAt: { type: 'timestamptz', name: 'decided_at', nullable: true },
    decidedBy: { type: 'text', name: 'decided_by', nullable: true },
    educationViewedAt: { type: 'timestamptz', name: 'education_viewed_at', nullable: true },
    refundedAt: { type: 'timestamptz', name: 'refunded_at', nullable: true },
    refundReason: { type: 'text', name: 'refund_reason', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export const totalCents = (r: Pick<Recommendation, 'partsCents' | 'laborCents' | 'quantity'>) => r.partsCents * r.quantity + r.laborCents;

export class RecommendationRepository {
  constructor(private readonly manager: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<(Recommendation | null)[]> {
    return findByIds(this.manager, RecommendationEntity, ids);
  }

  listByInspectionIds(ids: readonly string[]): Promise<Recommendation[][]> {
    return findGroupedBy(this.manager, RecommendationEntity, 'inspectionId', ids, { name: 'recommendations.listByInspectionIds', order: { inspectionId: 'ASC', position: 'ASC', createdAt: 'ASC' } });
  }

  listForInspection(manager: EntityManager, inspectionId: string): Promise<Recommendation[]> {
    return manager.find(RecommendationEntity, { where: { inspectionId }, order: { position: 'ASC', createdAt: 'ASC' }, comment: 'recommendations.listForInspection' });
  }

  findForUpdate(manager: EntityManager, id: string): Promise<Recommendation | null> {
    return manager.findOne(RecommendationEntity, { where: { id }, lock: { mode: 'pessimistic_write' }, comment: 'recommendations.findForUpdate' });
  }

  async createMany(manager: EntityManager, rows: Omit<Recommendation, 'id' | 'createdAt' | 'updatedAt' | 'decision' | 'decidedAt' | 'decidedBy' | 'educationViewedAt' | 'refundedAt' | 'refundReason'>[]): Promise<Recommendation[]> {
    if (rows.length === 0) return [];
    return manager.save(RecommendationEntity, rows.map((row) => manager.create(RecommendationEntity, row)));
  }

  async update(manager: EntityManager, id: string, changes: Partial<Omit<Recommendation, 'id' | 'createdAt' | 'updatedAt'>>): Promise<Recommendation> {
    await manager.update(RecommendationEntity, { id }, changes);
    return manager.findOneByOrFail(RecommendationEntity, { id });
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(RecommendationEntity, { id });
  }
}
