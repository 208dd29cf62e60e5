import {
  configOrExit,
  createBus,
  createLogger,
  createStore,
  createTokenSigner,
  createTokenVerifier,
  jwksUrlOf,
  loadSigningKey,
  onShutdown,
  resolveDatabase,
  setupTracing,
} from '@cip/platform';
import { standardFeatures } from './features/standard';
import { startGateway } from './server';

const config = configOrExit('gateway');
const logger = createLogger(config.logLevel, { service: 'gateway' });
const tracerProvider = setupTracing({ serviceName: 'gateway', otlpEndpoint: config.otlpEndpoint });
const auth = { issuer: config.auth.issuer, audience: config.auth.audience };
const database = await resolveDatabase(config);
const bus = await createBus(config, database.url, logger);
const store = createStore(config);
const gateway = await startGateway({
  config,
  logger,
  tracerProvider,
  verifier: createTokenVerifier({ ...auth, jwksUrl: jwksUrlOf(config) }),
  signer: createTokenSigner(await loadSigningKey(config), auth),
  bus,
  store,
  databaseUrl: database.url,
  features: standardFeatures(),
});
logger.info('gateway listening', { url: gateway.url });
onShutdown([() => gateway.close(), () => bus.close(), () => store.close(), async () => database.embedded?.stop()], (message, error) =>
  error ? logger.error(message, { error }) : logger.info(message),
);
