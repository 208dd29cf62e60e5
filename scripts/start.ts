import {
  configOrExit,
  createBus,
  createLogger,
  createStore,
  EmbeddedPostgresError,
  loadSigningKey,
  onShutdown,
  resolveDatabase,
  serveSubgraph,
  setupTracing,
  type ServedSubgraph,
  type SubgraphName,
} from '@cip/platform';
import { subgraphRegistry } from '@cip/platform/registry';
import { standardFeatures } from '../gateway/src/features/standard';
import { webAppFeature } from '../gateway/src/features/web-app';
import { localAuth, startGateway } from '../gateway/src/server';
import { seedDemo } from './demo-seed';

/**
 * `npm start`: the whole platform in one process — PostgreSQL (embedded unless DATABASE_URL is set),
 * the five subgraphs on their ports and the gateway on PORT — so Ctrl-C stops every part of it.
 */
const config = configOrExit('gateway');
const logger = createLogger(config.logLevel, { service: 'platform' });
const tracerProvider = setupTracing({ serviceName: 'platform', otlpEndpoint: config.otlpEndpoint });
const steps: (() => Promise<void>)[] = [];
/** Stops what started, newest first; one part failing to stop does not keep the others running. */
const stopAll = async () => {
  for (const step of steps.reverse()) {
    await step().catch((error: unknown) => logger.error('a part of the platform failed to stop cleanly', { error }));
  }
};
onShutdown([stopAll], logger, { deadlineMs: config.shutdownTimeoutMs });

try {

  const database = await resolveDatabase(config);
  if (database.embedded) steps.push(() => database.embedded!.stop());
  logger.info(database.embedded ? 'embedded PostgreSQL started' : 'using DATABASE_URL', { dataDir: database.embedded ? config.dataDir : undefined });

  const signingKey = await loadSigningKey(config);
  const bus = await createBus(config, database.url, logger);
  steps.push(() => bus.close());
  const store = createStore(config);
  steps.push(() => store.close());

  const served = {} as Record<SubgraphName, ServedSubgraph>;
  for (const entry of subgraphRegistry) {
    const { definition } = await entry.load();
    const url = new URL(config.subgraphUrls[definition.name]);
    const subgraph = await serveSubgraph(definition, config, { databaseUrl: database.url, signingKey, bus, store, tracerProvider, host: url.hostname, port: Number(url.port) });
    served[entry.name] = subgraph;
    steps.push(() => subgraph.close());
    logger.info('subgraph listening', { subgraph: definition.name, url: subgraph.url });
  }

  const gateway = await startGateway({ config, logger, tracerProvider, ...localAuth(signingKey, config, store), bus, store, databaseUrl: database.url, features: [...standardFeatures(), webAppFeature()] });
  steps.push(() => gateway.close());

  const demo = config.seedDemo ? await seedDemo(gateway.url, { shops: served.shops.runtime, partners: served.partners.runtime }, logger) : null;

  process.stdout.write(
    [
      '',
      `  Courtesy Inspection Platform is running.`,
      `  GraphQL gateway:  ${gateway.url}`,
      ...(demo ? [`  Demo login:       ${demo.email} / ${demo.password}   (mutation { login(email: "${demo.email}", password: "${demo.password}") { accessToken } })`] : []),
      `  Press Ctrl-C to stop every process.`,
      '',
    ].join('\n') + '\n',
  );
} catch (error) {
  // A cause the message already names completely is logged without a stack trace.
  logger.error(`the platform could not start: ${(error as Error).message}`, error instanceof EmbeddedPostgresError ? {} : { error });
  await stopAll().catch(() => undefined);
  process.exit(1);
}
