import { EntitySchema, type EntityManager } from 'typeorm';
import { recordNewest } from './projection';

/** The projection of the shops subgraph's labor rate per shop, kept from its events. */
export interface ShopRate {
  shopId: string;
  laborRateCents: number;
  currency: string;
  eventAt: Date;
}

export const ShopRateEntity = new EntitySchema<ShopRate>({
  name: 'ShopRate',
  tableName: 'shop_rate',
  columns: {
    shopId: { type: 'uuid', name: 'shop_id', primary: true },
    laborRateCents: { type: 'integer', name: 'labor_rate_cents' },
    currency: { type: 'char', length: 3 },
    eventAt: { type: 'timestamptz', name: 'event_at' },
  },
});

export class ShopRateRepository {
  constructor(private readonly manager: EntityManager) {}

  find(shopId: string, manager: EntityManager = this.manager): Promise<ShopRate | null> {
    return manager.findOne(ShopRateEntity, { where: { shopId }, comment: 'shopRates.find' });
  }

  /** Keeps the rate of the newest event. */
  record(manager: EntityManager, row: ShopRate): Promise<void> {
    return recordNewest(manager, ShopRateEntity, row, 'shopRates.record');
  }
}
