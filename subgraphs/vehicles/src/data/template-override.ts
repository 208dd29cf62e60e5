import { EntitySchema, type EntityManager } from 'typeorm';
import { findGroupedBy } from '@cip/platform';
import type { TemplateCategory } from '../domain/template';

/** A shop's choice of inspection template for one category of vehicle, replacing the built-in one. */
export interface TemplateOverride {
  shopId: string;
  category: TemplateCategory;
  orgId: string;
  templateId: string;
  updatedBy: string;
  updatedAt: Date;
}

export const TemplateOverrideEntity = new EntitySchema<TemplateOverride>({
  name: 'TemplateOverride',
  tableName: 'template_override',
  columns: {
    shopId: { type: 'uuid', name: 'shop_id', primary: true },
    category: { type: 'text', primary: true },
    orgId: { type: 'uuid', name: 'org_id' },
    templateId: { type: 'text', name: 'template_id' },
    updatedBy: { type: 'uuid', name: 'updated_by' },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export class TemplateOverrideRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Each shop's overrides. */
  listByShopIds(shopIds: readonly string[]): Promise<TemplateOverride[][]> {
    return findGroupedBy(this.manager, TemplateOverrideEntity, 'shopId', shopIds, { name: 'templateOverrides.listByShopIds' });
  }

  async set(manager: EntityManager, override: Omit<TemplateOverride, 'updatedAt'>): Promise<void> {
    await manager.upsert(TemplateOverrideEntity, override, ['shopId', 'category']);
  }

  async remove(manager: EntityManager, shopId: string, category: TemplateCategory): Promise<void> {
    await manager.delete(TemplateOverrideEntity, { shopId, category });
  }

  findOne(manager: EntityManager, shopId: string, category: TemplateCategory): Promise<TemplateOverride | null> {
    return manager.findOne(TemplateOverrideEntity, { where: { shopId, category }, comment: 'templateOverrides.findOne' });
  }
}
