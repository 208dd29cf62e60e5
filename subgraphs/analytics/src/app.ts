import { createSubgraphApp, eventConsumer, type SubgraphDefinition } from '@cip/platform';
import { createContext } from './context';
import { ArchivedFactEntity, FactEventEntity, ShopDailyEntity, ShopMonthlyEntity, ShopProfileEntity, TechnicianDailyEntity } from './data/facts';
import { analyticsConsumer, ingestedEventTypes, Ingestor } from './domain/ingest';
import { LiveMetrics } from './domain/live';
import { archiveFacts } from './domain/retention';
import { Initial1764302400000 } from './migrations/1764302400000-initial';
import { MonthlyRollups1764306000000 } from './migrations/1764306000000-monthly-rollups';
import { ExperimentFacts1764990000000 } from './migrations/1764990000000-experiment-facts';
import { FollowUps1765000000000 } from './migrations/1765000000000-follow-ups';
import { OrganizationDayIndex1765100000000 } from './migrations/1765100000000-organization-day-index';
import { schema } from './schema';
import { loadAnalyticsSettings } from './settings';

export { schema };
export { Ingestor };
export { archiveFacts };

export const analyticsEntities = [ShopProfileEntity, FactEventEntity, ArchivedFactEntity, ShopDailyEntity, ShopMonthlyEntity, TechnicianDailyEntity];
export const analyticsMigrations = [
  Initial1764302400000,
  MonthlyRollups1764306000000,
  ExperimentFacts1764990000000,
  FollowUps1765000000000,
  OrganizationDayIndex1765100000000,
];

/** Event ingestion into facts, daily rollups per shop and technician, dashboard queries and live metrics. */
export const analyticsSubgraph: SubgraphDefinition = {
  name: 'analytics',
  entities: analyticsEntities,
  migrations: analyticsMigrations,
  createApp(runtime) {
    const settings = loadAnalyticsSettings();
    const live = new LiveMetrics(runtime);
    const ingestor = new Ingestor(runtime.db.dataSource, runtime.logger);
    return createSubgraphApp(runtime, {
      schema,
      context: ({ principal }) => createContext(runtime, live, principal),
      start: () => live.start(),
      consumers: [eventConsumer({ group: analyticsConsumer, from: 'beginning', types: ingestedEventTypes, handle: (event) => ingestor.handle(event) })],
      jobs: [
        {
          name: 'fact archival',
          everyMs: settings.archiveIntervalMs,
          async run({ stopping }) {
            const moved = await archiveFacts(runtime.db.dataSource, { retentionDays: settings.retentionDays, batchSize: settings.archiveBatchSize, shouldStop: stopping });
            if (moved > 0) runtime.logger.info('facts archived', { moved });
          },
        },
      ],
      stop: () => live.stop(),
    });
  },
};
