/**
 * A second gateway in its own OS process, for tests of state shared across replicas. Configured from the
 * environment like production (AUTH_PRIVATE_KEY, REDIS_URL, BUS_NAMESPACE, DATABASE_URL, *_URL); prints
 * `{"url": …}` once listening and shuts down on SIGTERM.
 */
import { createBus, createLogger, createStore, loadConfig, loadSigningKey } from '@cip/platform';
import { standardFeatures } from '../../../src/features/standard';
import { localAuth, startGateway } from '../../../src/server';

const config = loadConfig('gateway');
const logger = createLogger(config.logLevel, { service: 'gateway-replica' });
const bus = await createBus(config, config.database.url!, logger);
const store = createStore(config);
const gateway = await startGateway({
  config,
  logger,
  ...localAuth(await loadSigningKey(config), config, store),
  bus,
  store,
  databaseUrl: config.database.url!,
  features: standardFeatures(),
});
process.stdout.write(`${JSON.stringify({ url: gateway.url })}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await gateway.close();
    await bus.close();
    await store.close();
    process.exit(0);
  })();
});
