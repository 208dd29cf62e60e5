import {
  closeRuntime,
  configOrExit,
  createBus,
  createLogger,
  createRuntime,
  createStore,
  createTokenSigner,
  createTokenVerifier,
  listen,
  loadSigningKey,
  onShutdown,
  resolveDatabase,
  setupTracing,
  type RunningServer,
  type SubgraphApp,
  type SubgraphDefinition,
  type SubgraphRuntime,
} from '@cip/platform';
import { startGateway } from '../gateway/src/server';
import { seedDemo } from './demo-seed';

/**
 * `npm start`: the whole platform in one process — PostgreSQL (embedded unless DATABASE_URL is set),
 * the five subgraphs on their ports and the gateway on PORT — so Ctrl-C stops every part of it.
 */
const config = configOrExit('gateway');
const logger = createLogger(config.logLevel, { service: 'platform' });
const tracerProvider = setupTracing({ serviceName: 'platform', otlpEndpoint: config.otlpEndpoint });
const steps: (() => Promise<void>)[] = [];
onShutdown(
  [async () => { for (const step of steps.reverse()) await step(); }],
  (message, error) => (error ? logger.error(message, { error }) : logger.info(message)),
);

const database = await resolveDatabase(config);
if (database.embedded) steps.push(() => database.embedded!.stop());
logger.info(database.embedded ? 'embedded PostgreSQL started' : 'using DATABASE_URL', { dataDir: database.embedded ? config.dataDir : undefined });

const signingKey = await loadSigningKey(config);
const auth = { issuer: config.auth.issuer, audience: config.auth.audience };
const bus = await createBus(config, database.url, logger);
steps.push(() => bus.close());
const store = createStore(config);
steps.push(() => store.close());

const definitions: SubgraphDefinition[] = [
  (await import('@cip/shops')).shopsSubgraph,
  (await import('@cip/inspections')).inspectionsSubgraph,
  (await import('@cip/vehicles')).vehiclesSubgraph,
  (await import('@cip/partners')).partnersSubgraph,
  (await import('@cip/analytics')).analyticsSubgraph,
];

const running: { runtime: SubgraphRuntime; app: SubgraphApp; server: RunningServer }[] = [];
for (const definition of definitions) {
  const url = new URL(config.subgraphUrls[definition.name]);
  const runtime = await createRuntime(definition, { ...config, service: definition.name }, { databaseUrl: database.url, signingKey, bus, store, tracerProvider });
  const app = await definition.createApp(runtime);
  await app.start?.();
  const server = await listen(app.yoga, { host: url.hostname, port: Number(url.port) });
  running.push({ runtime, app, server });
  steps.push(async () => {
    await server.close(config.shutdownTimeoutMs);
    await closeRuntime(runtime, app, { sharedBus: true, sharedStore: true });
  });
  logger.info('subgraph listening', { subgraph: definition.name, url: `${server.url}/graphql` });
}

const gateway = await startGateway({
  config,
  logger,
  tracerProvider,
  verifier: createTokenVerifier({ ...auth, publicJwks: { keys: [signingKey.publicJwk] } }),
  signer: createTokenSigner(signingKey, auth),
  bus,
  store,
  databaseUrl: database.url,
});
steps.push(() => gateway.close());

const demo = config.seedDemo ? await seedDemo(gateway.url, running[0].runtime, logger) : null;

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
