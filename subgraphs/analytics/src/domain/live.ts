import { liveFeed, type LiveFeed, type SubgraphRuntime } from '@cip/platform';
import { ReportingRepository } from '../data/reporting';
import { metricsUpdatedEvent } from './ingest';
import { loadShopMetrics, localToday, type ShopMetricsView } from './views';

/**
 * Live metrics for dashboards, from the process's live feed (one bus group, fanned out in memory): a
 * shop's metrics are read once per update, however many subscribers that shop has here.
 */
export class LiveMetrics {
  private readonly reporting: ReportingRepository;
  private readonly feed: LiveFeed<typeof metricsUpdatedEvent, { shopId: string; view: ShopMetricsView }>;

  constructor(runtime: SubgraphRuntime) {
    this.reporting = new ReportingRepository(runtime.db.dataSource);
    this.feed = liveFeed(runtime.bus, 'analytics', {
      types: [metricsUpdatedEvent],
      logger: runtime.logger,
      project: async (event) => ({ shopId: event.shopId!, view: await this.today(event.shopId!) }),
    });
  }

  async start(): Promise<void> {
    await this.feed.open();
  }

  /** Today's metrics of the shop, in its local day. */
  async today(shopId: string): Promise<ShopMetricsView> {
    const [profile] = await this.reporting.profiles([shopId]);
    const day = localToday(profile?.timezone ?? 'UTC');
    return loadShopMetrics(this.reporting, shopId, { from: day, to: day }, 'DAY');
  }

  async *updates(shopId: string): AsyncIterable<ShopMetricsView> {
    const items = await this.feed.subscribe((event) => event.shopId === shopId);
    try {
      for await (const item of items) yield item.view;
    } finally {
      await items.return?.();
    }
  }

  async stop(): Promise<void> {
    await this.feed.close();
  }
}
