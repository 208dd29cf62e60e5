import './plain-exports';
import {
  configOrExit,
  createBus,
  createLogger,
  createStore,
  createTokenSigner,
  createTokenVerifier,
  accessRegistryOf,
  jwksUrlOf,
  loadSigningKey,
  onShutdown,
  resolveDatabase,
  setupTracing,
  startOrExit,
} from '@cip/platform/core';
import { standardFeatures } from './features/standard';
import { startGateway } from './server';

const config = configOrExit('gateway');
const logger = createLogger(config.logLevel, { service: 'gateway' });
const tracerProvider = setupTracing({ serviceName: 'gateway', otlpEndpoint: config.otlpEndpoint });
const auth = { issuer: config.auth.issuer, audience: config.auth.audience };
// Registered before anything starts; what started stops newest first, the database last.
const steps: (() => Promise<void>)[] = [];
onShutdown(steps, logger, { deadlineMs: config.shutdownTimeoutMs });
const database = await startOrExit(() => resolveDatabase(config), logger);
if (database.embedded) steps.unshift(() => database.embedded!.stop());
const bus = await createBus(config, database.url, logger);
steps.unshift(() => bus.close());
const store = createStore(config);
steps.unshift(() => store.close());
const gateway = await startOrExit(async () => startGateway({
  config,
  logger,
  tracerProvider,
  verifier: createTokenVerifier({ ...auth, jwksUrl: jwksUrlOf(config), access: accessRegistryOf(config, store) }),
  signer: createTokenSigner(await loadSigningKey(config), auth),
  bus,
  store,
  databaseUrl: database.url,
  features: standardFeatures(),
}), logger);
steps.unshift(() => gateway.close());
logger.info('gateway listening', { url: gateway.url });
