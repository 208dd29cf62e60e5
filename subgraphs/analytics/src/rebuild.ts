import { configOrExit, createLogger, openDatabase, resolveDatabase } from '@cip/platform';
import { analyticsEntities, analyticsMigrations, Ingestor } from './app';

/** `npm run analytics:rebuild`: recomputes every rollup from the facts (live and archived) in one transaction. */
const config = configOrExit('analytics');
const logger = createLogger(config.logLevel, { service: 'analytics' });
const database = await resolveDatabase(config);
const { dataSource } = await openDatabase({ url: database.url, schema: 'analytics', entities: analyticsEntities, migrations: analyticsMigrations });
try {
  const started = Date.now();
  await new Ingestor(dataSource, logger).rebuild();
  logger.info('rollups rebuilt from facts', { ms: Date.now() - started });
} finally {
  await dataSource.destroy();
  await database.embedded?.stop();
}
