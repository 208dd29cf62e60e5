import { randomUUID } from 'node:crypto';
import { createPubSub } from 'graphql-yoga';
import type { BusSubscription, SubgraphRuntime } from '@cip/platform';
import { ReportingRepository } from '../data/reporting';
import { metricsUpdatedEvent } from './ingest';
import { loadShopMetrics, localToday, type ShopMetricsView } from './views';

/**
 * Live metrics for dashboards. Every process listens to the bus with a group of its own (so every
 * replica hears every update, whichever replica ingested the event) and reads a shop's metrics once
 * per update, however many subscribers that shop has here.
 */
export class LiveMetrics {
  private readonly pubsub = createPubSub<{ shopMetrics: [shopId: string, view: ShopMetricsView] }>();
  private subscription?: BusSubscription;
  private readonly reporting: ReportingRepository;

  constructor(private readonly runtime: SubgraphRuntime) {
    this.reporting = new ReportingRepository(runtime.db.dataSource);
  }

  async start(): Promise<void> {
    this.subscription = await this.runtime.bus.consume(
      { group: `analytics-live-${randomUUID()}`, from: 'latest', ephemeral: true },
      async (event) => {
        if (event.type !== metricsUpdatedEvent || !event.shopId) return;
        this.pubsub.publish('shopMetrics', event.shopId, await this.today(event.shopId));
      },
    );
  }

  /** Today's metrics of the shop, in its local day. */
  async today(shopId: string): Promise<ShopMetricsView> {
    const [profile] = await this.reporting.profiles([shopId]);
    const day = localToday(profile?.timezone ?? 'UTC');
    return loadShopMetrics(this.reporting, shopId, { from: day, to: day }, 'DAY');
  }

  updates(shopId: string): AsyncIterable<ShopMetricsView> {
    return this.pubsub.subscribe('shopMetrics', shopId);
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
  }
}
