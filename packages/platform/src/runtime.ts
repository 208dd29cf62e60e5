import type { TracerProvider } from '@opentelemetry/api';
import type { EntitySchema, MixedList } from 'typeorm';
import type { YogaServerInstance } from 'graphql-yoga';
import { createAccessRegistry, type AccessRegistry } from './auth/access-registry';
import { jwksUrlOf, loadSigningKey, type SigningKey } from './auth/keys';
import { createSealer, type Sealer } from './auth/sealed';
import { createTokenSigner, createTokenVerifier, type TokenSigner, type TokenVerifier } from './auth/tokens';
import { createMemoryStore, createRedisStore, type KeyValueStore } from './cache/store';
import type { Config, SubgraphName } from './config';
import { openDatabase, type ServiceDatabase } from './db/data-source';
import { checkDependencies, type Readiness } from './db/readiness';
import { eventTableRules, startRetention } from './db/retention';
import type { EventBus } from './events/bus';
import { createPostgresBus } from './events/postgres-bus';
import { createRedisBus } from './events/redis-bus';
import { startOutboxRelay, type OutboxRelay } from './events/relay';
import { PlatformFlags } from './flags/client';
import { createLogger, type Logger } from './logger';
import { setupTracing } from './telemetry/tracing';

/** Everything a subgraph's app is built from; tests build one against a throwaway database. */
export interface SubgraphRuntime {
  name: SubgraphName;
  config: Config;
  logger: Logger;
  db: ServiceDatabase;
  bus: EventBus;
  relay: OutboxRelay;
  /** Deletes published outbox rows and old processed-event records (RETENTION_*). */
  retention: { stop(): Promise<void> };
  store: KeyValueStore;
  /** Current roles and ended sessions, shared through the store; the verifier applies them to every token. */
  access: AccessRegistry;
  /** Present only in subgraphs that issue tokens (`issuesTokens`); use `tokenSigner(runtime)`. */
  signer: TokenSigner | null;
  /** Present with the signer: seals values only the services holding the signing key can open; use `sealer(runtime)`. */
  sealer: Sealer | null;
  verifier: TokenVerifier;
  tracerProvider: TracerProvider;
  /** Feature flags and dynamic settings, evaluated in process (flags/). */
  flags: PlatformFlags;
}

export interface SubgraphApp {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph has its own context type
  yoga: YogaServerInstance<any, any>;
  /** Background work (event consumers, schedulers) started with the app and stopped before the pools close. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface SubgraphDefinition {
  name: SubgraphName;
  /**
   * Whether the subgraph signs tokens (shops: sessions; inspections: share links) and so needs the private
   * key. The others only verify: in production they hold no key and read the public keys from the JWKS.
   */
  issuesTokens?: boolean;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  createApp(runtime: SubgraphRuntime): SubgraphApp | Promise<SubgraphApp>;
}

export interface RuntimeOptions {
  databaseUrl: string;
  signingKey?: SigningKey;
  bus?: EventBus;
  store?: KeyValueStore;
  tracerProvider?: TracerProvider;
  relayPollMs?: number;
}

export async function createBus(config: Config, databaseUrl: string, logger: Logger): Promise<EventBus> {
  return config.redisUrl
    ? createRedisBus(config.redisUrl, { logger, namespace: config.busNamespace, commandTimeoutMs: config.redis.commandTimeoutMs, claimAfterMs: config.bus.claimAfterMs })
    : createPostgresBus(databaseUrl, { logger, retentionDays: config.retention.busEventsDays, retentionIntervalMs: config.retention.intervalMs });
}

export function createStore(config: Config, logger: Logger = createLogger(config.logLevel, { service: config.service })): KeyValueStore {
  return config.redisUrl
    ? createRedisStore(config.redisUrl, config.busNamespace, { logger, commandTimeoutMs: config.redis.commandTimeoutMs, retryAfterMs: config.redis.retryAfterMs })
    : createMemoryStore();
}

/** The access registry every verifier of a deployment shares, through its store. */
export function accessRegistryOf(config: Config, store: KeyValueStore): AccessRegistry {
  return createAccessRegistry(store, { retainSeconds: config.auth.accessTokenTtlSeconds });
}

export async function createRuntime(definition: SubgraphDefinition, config: Config, options: RuntimeOptions): Promise<SubgraphRuntime> {
  // Before anything is opened, so a missing key or credential stops start-up with nothing left to close.
  if (config.deployed && !config.gatewaySecret) {
    throw new Error(`GATEWAY_SECRET must be set in ${config.env}: a subgraph serves only requests that carry the gateway's credential`);
  }
  const issues = definition.issuesTokens === true;
  const needsKey = issues || Boolean(config.auth.privateKeyPem) || !config.deployed;
  const signingKey = options.signingKey ?? (needsKey ? await loadSigningKey(config) : null);
  const logger = createLogger(config.logLevel, { service: definition.name });
  const db = await openDatabase({
    url: options.databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    replicaUrls: config.database.replicaUrls,
    poolMax: config.database.poolMax,
    applicationName: definition.name,
  });
  const bus = options.bus ?? (await createBus(config, options.databaseUrl, logger));
  const relay = await startOutboxRelay({
    dataSource: db.dataSource,
    schema: definition.name,
    bus,
    logger,
    pollMs: options.relayPollMs,
    replayWindowSeconds: config.bus.replayWindowSeconds,
  });
  const retention = startRetention({
    query: (sql, parameters) => db.dataSource.query(sql, parameters),
    rules: eventTableRules(definition.name, config.retention),
    intervalMs: config.retention.intervalMs,
    logger,
  });
  const auth = { issuer: config.auth.issuer, audience: config.auth.audience };
  const store = options.store ?? createStore(config, logger);
  const access = accessRegistryOf(config, store);
  const flags = await PlatformFlags.open({ databaseUrl: options.databaseUrl, config, logger });
  return {
    name: definition.name,
    config,
    logger,
    db,
    bus,
    relay,
    retention,
    store,
    access,
    signer: issues && signingKey ? createTokenSigner(signingKey, auth) : null,
    sealer: issues && signingKey ? createSealer(signingKey) : null,
    verifier: createTokenVerifier({
      ...auth,
      access,
      ...(signingKey && !config.auth.jwksUrl ? { publicJwks: { keys: [signingKey.publicJwk] } } : { jwksUrl: jwksUrlOf(config) }),
    }),
    tracerProvider: options.tracerProvider ?? setupTracing({ serviceName: definition.name, otlpEndpoint: config.otlpEndpoint }),
    flags,
  };
}

/** `/readyz` of a subgraph: its database, its bus and its shared store. */
export function runtimeReadiness(runtime: SubgraphRuntime): Promise<Readiness> {
  return checkDependencies({ dataSource: runtime.db.dataSource, bus: runtime.bus, store: runtime.store });
}

/** The signer of a subgraph that issues tokens. */
export function tokenSigner(runtime: SubgraphRuntime): TokenSigner {
  if (!runtime.signer) throw new Error(`the ${runtime.name} subgraph does not issue tokens (issuesTokens is not set)`);
  return runtime.signer;
}

/** The sealer of a subgraph that issues tokens. */
export function sealer(runtime: SubgraphRuntime): Sealer {
  if (!runtime.sealer) throw new Error(`the ${runtime.name} subgraph holds no signing key to seal with (issuesTokens is not set)`);
  return runtime.sealer;
}

/** Stops background work, then the relay, then pools: the order that loses no committed event. */
export async function closeRuntime(runtime: SubgraphRuntime, app?: SubgraphApp, options: { sharedBus?: boolean; sharedStore?: boolean } = {}) {
  await app?.stop?.();
  await runtime.relay.stop();
  await runtime.retention.stop();
  await runtime.flags.close();
  if (!options.sharedBus) await runtime.bus.close();
  if (!options.sharedStore) await runtime.store.close();
  await runtime.db.dataSource.destroy();
}
