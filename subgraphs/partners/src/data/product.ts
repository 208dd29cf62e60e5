import { EntitySchema, type EntityManager } from 'typeorm';
import { findByIds, findGroupedBy } from '@cip/platform';

export interface PartnerProduct {
  id: string;
  programId: string;
  partnerId: string;
  sku: string;
  name: string;
  description: string;
  unitPriceCents: number;
  currency: string;
  educationTopic: string | null;
  createdAt: Date;
}

export const PartnerProductEntity = new EntitySchema<PartnerProduct>({
  name: 'PartnerProduct',
  tableName: 'partner_product',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    programId: { type: 'uuid', name: 'program_id' },
    partnerId: { type: 'uuid', name: 'partner_id' },
    sku: { type: 'text' },
    name: { type: 'text' },
    description: { type: 'text' },
    unitPriceCents: { type: 'integer', name: 'unit_price_cents' },
    currency: { type: 'char', length: 3 },
    educationTopic: { type: 'text', name: 'education_topic', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export class ProductRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Products by id in key order; ids that are not UUIDs (another system's ids) are simply misses. */
  findByIds(ids: readonly string[], manager: EntityManager = this.manager): Promise<(PartnerProduct | null)[]> {
    return findByIds(manager, PartnerProductEntity, ids);
  }

  byProgramIds(programIds: readonly string[]): Promise<PartnerProduct[][]> {
    return findGroupedBy(this.manager, PartnerProductEntity, 'programId', programIds, { name: 'products.byProgramIds', order: { name: 'ASC', id: 'ASC' } });
  }

  create(manager: EntityManager, input: Omit<PartnerProduct, 'id' | 'createdAt'>): Promise<PartnerProduct> {
    return manager.save(PartnerProductEntity, manager.create(PartnerProductEntity, input));
  }
}
