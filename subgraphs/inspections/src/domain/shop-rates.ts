import { processOnce, type CatalogEvent, type SubgraphRuntime } from '@cip/platform';
import { ShopRateRepository } from '../data/shop-rate';
import { isUuid } from './access';

export const shopRatesGroup = 'inspections.shop-rates';
export const shopRateEventTypes = ['shop.created', 'shop.updated'] as const;

/**
 * Keeps each shop's labor rate from the shops subgraph's events, once per event, so pricing by hours
 * reads it from this subgraph's own schema. The newest event wins whatever the arrival order.
 */
export async function projectShopRate(runtime: SubgraphRuntime, event: CatalogEvent<(typeof shopRateEventTypes)[number]>): Promise<void> {
  const shopId = event.shopId ?? event.subject.id;
  if (!isUuid(shopId) || event.data.laborRateCents === undefined) return;
  const row = { shopId, laborRateCents: event.data.laborRateCents, currency: event.data.currency, eventAt: new Date(event.occurredAt) };
  await processOnce(runtime.db.dataSource, 'inspections', shopRatesGroup, event, (manager) => new ShopRateRepository(manager).record(manager, row));
}
