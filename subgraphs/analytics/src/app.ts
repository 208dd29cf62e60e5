import { runtimeReadiness, consumeEvents, createSubgraphYoga, type BusSubscription, type SubgraphDefinition } from '@cip/platform';
import { createContext } from './context';
import { ArchivedFactEntity, FactEventEntity, ShopDailyEntity, ShopMonthlyEntity, ShopProfileEntity, TechnicianDailyEntity } from './data/facts';
import { analyticsConsumer, ingestedEventTypes, Ingestor } from './domain/ingest';
import { LiveMetrics } from './domain/live';
import { archiveFacts } from './domain/retention';
import { Initial1764302400000 } from './migrations/1764302400000-initial';
import { MonthlyRollups1764306000000 } from './migrations/1764306000000-monthly-rollups';
import { schema } from './schema';
import { loadAnalyticsSettings } from './settings';

export { schema };
export { Ingestor };
export { archiveFacts };

export const analyticsEntities = [ShopProfileEntity, FactEventEntity, ArchivedFactEntity, ShopDailyEntity, ShopMonthlyEntity, TechnicianDailyEntity];
export const analyticsMigrations = [Initial1764302400000, MonthlyRollups1764306000000];

/** Event ingestion into facts, daily rollups per shop and technician, dashboard queries and live metrics. */
export const analyticsSubgraph: SubgraphDefinition = {
  name: 'analytics',
  entities: analyticsEntities,
  migrations: analyticsMigrations,
  createApp(runtime) {
    const settings = loadAnalyticsSettings();
    const live = new LiveMetrics(runtime);
    const ingestor = new Ingestor(runtime.db.dataSource, runtime.logger);
    const yoga = createSubgraphYoga({
      name: 'analytics',
      schema,
      verifier: runtime.verifier,
      logger: runtime.logger,
      tracerProvider: runtime.tracerProvider,
      context: ({ principal }) => createContext(runtime, live, principal),
      ready: () => runtimeReadiness(runtime),
    });
    let ingestion: BusSubscription | undefined;
    let timer: NodeJS.Timeout | undefined;
    let archiving: Promise<void> | undefined;
    let stopping = false;

    return {
      yoga,
      async start() {
        await live.start();
        ingestion = await consumeEvents(
          runtime.bus,
          { group: analyticsConsumer, from: 'beginning', types: ingestedEventTypes, logger: runtime.logger },
          async (event) => void (await ingestor.handle(event)),
        );
        timer = setInterval(() => {
          archiving ??= archiveFacts(runtime.db.dataSource, {
            retentionDays: settings.retentionDays,
            batchSize: settings.archiveBatchSize,
            shouldStop: () => stopping,
          })
            .then((moved) => (moved > 0 ? runtime.logger.info('facts archived', { moved }) : undefined))
            .catch((error) => runtime.logger.error('fact archival failed; the next run resumes it', { error }))
            .finally(() => (archiving = undefined));
        }, settings.archiveIntervalMs);
        timer.unref();
      },
      async stop() {
        stopping = true;
        if (timer) clearInterval(timer);
        await archiving;
        await ingestion?.close();
        await live.stop();
      },
    };
  },
};
