import { EntitySchema, type EntityManager } from 'typeorm';

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

  /** Keeps the rate of the newest event: events may arrive out of order, and a late older one changes nothing. */
  async record(manager: EntityManager, row: ShopRate): Promise<void> {
    await manager.query(
      `/* shopRates.record */ INSERT INTO inspections.shop_rate (shop_id, labor_rate_cents, currency, event_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (shop_id) DO UPDATE SET labor_rate_cents = EXCLUDED.labor_rate_cents, currency = EXCLUDED.currency, event_at = EXCLUDED.event_at
       WHERE inspections.shop_rate.event_at < EXCLUDED.event_at`,
      [row.shopId, row.laborRateCents, row.currency, row.eventAt],
    );
  }
}
