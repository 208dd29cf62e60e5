import type { TracerProvider } from '@opentelemetry/api';
import {
  accessRegistryOf,
  createTokenSigner,
  createTokenVerifier,
  drainBudget,
  listen,
  type Config,
  type KeyValueStore,
  type RunningServer,
  type SigningKey,
  type TokenSigner,
  type TokenVerifier,
} from '@cip/platform/core';
import { createGatewayApp, type GatewayApp, type GatewayOptions } from './app';

/** What the gateway is started from; the same in `main.ts`, `npm start` and the test harness. */
export interface GatewayDeps extends GatewayOptions {
  tracerProvider?: TracerProvider;
  host?: string;
  port?: number;
}

export interface RunningGateway {
  app: GatewayApp;
  server: RunningServer;
  url: string;
  /**
   * Shuts down in order: features drain their long-lived connections, the HTTP server stops accepting
   * and lets in-flight requests finish, features stop their background work (newest first), and the
   * gateway's own resources close.
   */
  close(): Promise<void>;
}

/** Builds the gateway with its features, listens, and attaches the features to the HTTP server. */
export async function startGateway(deps: GatewayDeps): Promise<RunningGateway> {
  const app = await createGatewayApp(deps);
  await app.start();
  const server = await listen(app.handler, { host: deps.host ?? deps.config.host, port: deps.port ?? deps.config.port, logger: deps.logger, name: 'gateway' });
  for (const part of app.parts) await part.attach?.(server.server);
  return {
    app,
    server,
    url: `${server.url}/graphql`,
    async close() {
      for (const part of app.parts) await part.drain?.();
      await server.close(drainBudget(deps.config.shutdownTimeoutMs));
      for (const part of [...app.parts].reverse()) await part.close?.();
      await app.stop();
    },
  };
}

/** Verifier and signer for a process that holds the signing key itself (npm start, tests); `store` is shared with the subgraphs. */
export function localAuth(signingKey: SigningKey, config: Config, store: KeyValueStore): { verifier: TokenVerifier; signer: TokenSigner } {
  const auth = { issuer: config.auth.issuer, audience: config.auth.audience };
  return {
    verifier: createTokenVerifier({ ...auth, publicJwks: { keys: [signingKey.publicJwk] }, access: accessRegistryOf(config, store) }),
    signer: createTokenSigner(signingKey, auth),
  };
}
