import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { parse } from 'graphql';
import {
  createBus,
  createLogger,
  createStore,
  serveSubgraph,
  setupTracing,
  type Config,
  type EventBus,
  type KeyValueStore,
  type RunningServer,
  type ServedSubgraph,
  type SubgraphDefinition,
  type SubgraphName,
} from '@cip/platform';
import { registeredSubgraph, subgraphRegistry } from '@cip/platform/registry';
import { createTestDatabase, freePort, testConfig, testSigningKey, type TestDatabase } from '@cip/platform/testing';
import type { GatewayApp } from '../../src/app';
import type { GatewayFeature } from '../../src/features/feature';
import { standardFeatures } from '../../src/features/standard';
import { localAuth, startGateway } from '../../src/server';

export type RunningSubgraph = ServedSubgraph;

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestPlatform {
  gatewayUrl: string;
  gateway: GatewayApp;
  gatewayServer: RunningServer;
  /** The supergraph the gateway serves, composed from the subgraphs' current code. */
  supergraphSdl: string;
  subgraphs: Partial<Record<SubgraphName, RunningSubgraph>>;
  database: TestDatabase;
  bus: EventBus;
  store: KeyValueStore;
  config: Config;
  /** Sends an operation to the gateway over real HTTP, as a client would. */
  execute<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string; headers?: Record<string, string> }): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function loadSubgraphDefinition(name: SubgraphName): Promise<SubgraphDefinition> {
  return (await registeredSubgraph(name).load()).definition;
}

/**
 * The whole platform in one test process: every subgraph on its own HTTP port (0), sharing one throwaway
 * database (each in its own schema) and one bus, behind a real gateway serving a supergraph composed
 * from the subgraphs' current code.
 */
export async function startTestPlatform(
  options: {
    exporter?: SpanExporter;
    configOverrides?: Record<string, string>;
    only?: SubgraphName[];
    /** The gateway's features; the standard ones by default. */
    features?: GatewayFeature[];
    /** Where the gateway reaches some subgraphs instead of their own servers (a proxy the test controls). */
    routeSubgraphs?: Partial<Record<SubgraphName, string>>;
    /** The gateway's port (with PUBLIC_URL naming it in `configOverrides`); a free one by default. */
    gatewayPort?: number;
  } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase('platform');
  const names = options.only ?? subgraphRegistry.map((entry) => entry.name);
  // Ports chosen first, so each subgraph's configuration points at the others (vehicles asks shops about customers).
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const))) as Record<SubgraphName, number>;
  const urls = Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`]));
  const config = testConfig('gateway', { ...urls, ...options.configOverrides });
  const logger = createLogger(config.logLevel, { service: 'test-platform' });
  const tracerProvider = setupTracing({ serviceName: 'test-platform', exporter: options.exporter });
  const bus = await createBus(config, database.url, logger);
  const signingKey = await testSigningKey();
  const store = createStore(config);
  const subgraphs: Partial<Record<SubgraphName, RunningSubgraph>> = {};
  const services = [];

  for (const name of names) {
    const { definition, schema } = await registeredSubgraph(name).load();
    const subgraph = await serveSubgraph(definition, config, { databaseUrl: database.url, signingKey, bus, store, relayPollMs: 200, tracerProvider, host: '127.0.0.1', port: ports[name] });
    subgraphs[name] = subgraph;
    services.push({ name, url: subgraph.url, typeDefs: parse(printSubgraphSchema(schema)) });
  }

  const composed = composeServices(services);
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  const subgraphUrls = { ...Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s!.url])), ...options.routeSubgraphs } as Record<SubgraphName, string>;
  const running = await startGateway({
    config,
    logger,
    tracerProvider,
    ...localAuth(signingKey, config, store),
    bus,
    store,
    databaseUrl: database.url,
    subgraphUrls,
    supergraphSdl: composed.supergraphSdl,
    features: options.features ?? standardFeatures(),
    host: '127.0.0.1',
    port: options.gatewayPort ?? 0,
  });
  const gatewayUrl = running.url;

  return {
    gatewayUrl,
    gateway: running.app,
    gatewayServer: running.server,
    supergraphSdl: composed.supergraphSdl,
    store,
    subgraphs,
    database,
    bus,
    config,
    async execute(query, variables, requestOptions = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...requestOptions.headers };
      if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
      const response = await fetch(gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as GraphQLResponse<any>;
    },
    async close() {
      await running.close();
      for (const subgraph of Object.values(subgraphs)) await subgraph!.close();
      await bus.close();
      await store.close();
      await database.drop();
    },
  };
}
