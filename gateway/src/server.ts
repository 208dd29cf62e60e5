import type { TracerProvider } from '@opentelemetry/api';
import {
  createTokenSigner,
  createTokenVerifier,
  listen,
  type SigningKey,
  type Config,
  type EventBus,
  type KeyValueStore,
  type Logger,
  type RunningServer,
  type SubgraphName,
  type TokenSigner,
  type TokenVerifier,
} from '@cip/platform';
import { createGatewayApp, type GatewayApp, type GatewayOptions } from './app';
import { subscriptionsFeature } from './subscriptions';
import { integrationFeature } from './integration';
import { responseCacheFeature } from './cache';

/** What the gateway is started from; the same in `main.ts`, `npm start` and the test harness. */
export interface GatewayDeps {
  config: Config;
  logger: Logger;
  verifier: TokenVerifier;
  /** Signs short-lived tokens for callers that authenticate otherwise (partner API keys). */
  signer: TokenSigner;
  /** The event bus: subscription fan-out and webhook delivery read from it. */
  bus: EventBus;
  /** Shared counters and caches (quotas, APQ): Redis when configured. */
  store: KeyValueStore;
  /** The database the gateway keeps its own state in (schema `gateway`). */
  databaseUrl: string;
  tracerProvider?: TracerProvider;
  subgraphUrls?: Record<SubgraphName, string>;
  supergraphSdl?: string;
  host?: string;
  port?: number;
}

export interface RunningGateway {
  app: GatewayApp;
  server: RunningServer;
  url: string;
  close(): Promise<void>;
}

/** A feature of the gateway beyond plain federated queries; it may add options and attach to the HTTP server. */
export interface GatewayFeature {
  options?: Partial<Pick<GatewayOptions, 'authenticators' | 'plugins' | 'routes' | 'persistedQueries'>>;
  attach?(server: RunningServer, app: GatewayApp): Promise<void> | void;
  close?(): Promise<void>;
}

const featureFactories: ((deps: GatewayDeps) => Promise<GatewayFeature>)[] = [subscriptionsFeature, integrationFeature, responseCacheFeature];

/** Builds the gateway with every feature, listens, and returns a handle that shuts it all down in order. */
export async function startGateway(deps: GatewayDeps): Promise<RunningGateway> {
  const features = await Promise.all(featureFactories.map((create) => create(deps)));
  const app = await createGatewayApp({
    config: deps.config,
    logger: deps.logger,
    verifier: deps.verifier,
    subgraphUrls: deps.subgraphUrls,
    supergraphSdl: deps.supergraphSdl,
    authenticators: features.flatMap((f) => f.options?.authenticators ?? []),
    plugins: features.flatMap((f) => f.options?.plugins ?? []),
    routes: features.flatMap((f) => f.options?.routes ?? []),
    persistedQueries: features.find((f) => f.options?.persistedQueries)?.options?.persistedQueries,
  });
  await app.start();
  const server = await listen(app.handler, { host: deps.host ?? deps.config.host, port: deps.port ?? deps.config.port });
  for (const feature of features) await feature.attach?.(server, app);
  return {
    app,
    server,
    url: `${server.url}/graphql`,
    async close() {
      await server.close(deps.config.shutdownTimeoutMs);
      for (const feature of features) await feature.close?.();
      await app.stop();
    },
  };
}

/** Verifier and signer for a process that holds the signing key itself (npm start, tests). */
export function localAuth(signingKey: SigningKey, config: Config): Pick<GatewayDeps, 'verifier' | 'signer'> {
  const auth = { issuer: config.auth.issuer, audience: config.auth.audience };
  return {
    verifier: createTokenVerifier({ ...auth, publicJwks: { keys: [signingKey.publicJwk] } }),
    signer: createTokenSigner(signingKey, auth),
  };
}
