import { configOrExit, createLogger, createTokenVerifier, listen, onShutdown, setupTracing } from '@cip/platform';
import { createGatewayApp } from './app';

const config = configOrExit('gateway');
const logger = createLogger(config.logLevel, { service: 'gateway' });
setupTracing({ serviceName: 'gateway', otlpEndpoint: config.otlpEndpoint });
const jwksUrl = config.auth.jwksUrl ?? new URL('/.well-known/jwks.json', config.subgraphUrls.shops).toString();
const verifier = createTokenVerifier({ issuer: config.auth.issuer, audience: config.auth.audience, jwksUrl });
const app = await createGatewayApp({ config, logger, verifier });
await app.start();
const server = await listen(app.handler, { host: config.host, port: config.port });
logger.info('gateway listening', { url: `${server.url}/graphql` });
onShutdown([() => server.close(config.shutdownTimeoutMs), () => app.stop()], (message, error) =>
  error ? logger.error(message, { error }) : logger.info(message),
);
