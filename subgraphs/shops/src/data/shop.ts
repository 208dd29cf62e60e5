import { EntitySchema, type EntityManager } from 'typeorm';
import { entitySql, findByIds, queryRows } from '@cip/platform';

export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface Shop {
  id: string;
  orgId: string;
  name: string;
  address: Address;
  timezone: string;
  laborRateCents: number;
  currency: string;
  createdAt: Date;
  updatedAt: Date;
}

export const ShopEntity = new EntitySchema<Shop>({
  name: 'Shop',
  tableName: 'shop',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    orgId: { type: 'uuid', name: 'org_id' },
    name: { type: 'text' },
    address: { type: 'jsonb' },
    timezone: { type: 'text' },
    laborRateCents: { type: 'integer', name: 'labor_rate_cents' },
    currency: { type: 'char', length: 3 },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
  indices: [{ name: 'shop_org', columns: ['orgId'] }],
});

export type NewShop = Omit<Shop, 'id' | 'createdAt' | 'updatedAt'>;

export class ShopRepository {
  constructor(private readonly manager: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<(Shop | null)[]> {
    return findByIds(this.manager, ShopEntity, ids);
  }

  /** The shops among `ids`, in name order; callers pass only ids the caller may read. */
  listByIds(ids: readonly string[]): Promise<Shop[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const { table, columns } = entitySql(this.manager, ShopEntity);
    return queryRows<Shop>(this.manager, `/* shops.listByIds */ SELECT ${columns('s')} FROM ${table} "s" WHERE "s"."id" = ANY($1::uuid[]) ORDER BY "s"."name", "s"."id"`, [ids]);
  }

  create(manager: EntityManager, input: NewShop): Promise<Shop> {
    return manager.save(ShopEntity, manager.create(ShopEntity, input));
  }

  async update(manager: EntityManager, id: string, changes: Partial<NewShop>): Promise<Shop> {
    await manager.update(ShopEntity, { id }, changes);
    return manager.findOneByOrFail(ShopEntity, { id });
  }
}
