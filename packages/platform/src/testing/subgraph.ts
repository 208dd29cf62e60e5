import { randomBytes } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { loadConfig, type Config } from '../config';
import type { EventBus } from '../events/bus';
import { closeRuntime, createRuntime, type SubgraphApp, type SubgraphDefinition, type SubgraphRuntime } from '../runtime';
import { setupTracing } from '../telemetry/tracing';
import { createTestDatabase, type TestDatabase } from './database';
import { testSigningKey } from './keys';

export interface TestSubgraph {
  runtime: SubgraphRuntime;
  app: SubgraphApp;
  database: TestDatabase;
  /** Runs an operation in-process through the subgraph's Yoga app, as the gateway would over HTTP. */
  execute<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string; headers?: Record<string, string> }): Promise<ExecutionResult<T> & { status: number }>;
  close(): Promise<void>;
}

/**
 * Connections a test service's pool may open. Test files run in parallel against one server whose
 * `max_connections` other work shares, and a platform starts six services: production's ten each would
 * exhaust it. Requests beyond it wait for a connection, as they would in production.
 */
export const testPoolMax = 4;

/** Environment for a test service: the real server from DATABASE_URL, Redis when REDIS_URL is set, a namespace of its own. */
export function testConfig(service: Config['service'], overrides: Record<string, string> = {}): Config {
  return loadConfig(service, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: process.env.REDIS_URL,
    // A loaded test machine can stall a process past production's 500 ms; tests of that fallback set their own.
    REDIS_COMMAND_TIMEOUT_MS: process.env.REDIS_COMMAND_TIMEOUT_MS ?? '5000',
    // Likewise a subgraph call past production's 10 s budget; tests of the subgraph timeout set their own.
    SUBGRAPH_TIMEOUT_MS: process.env.SUBGRAPH_TIMEOUT_MS ?? '120000',
    BUS_NAMESPACE: `t${randomBytes(4).toString('hex')}`,
    DATABASE_POOL_MAX: String(testPoolMax),
    // Production refuses to start without the gateway's credential; services configured from one call share it.
    // Production keeps media in S3 unless told otherwise; a test process is one replica, so local disk is right.
    ...(overrides.NODE_ENV === 'production' || overrides.NODE_ENV === 'staging' ? { GATEWAY_SECRET: randomBytes(24).toString('hex'), MEDIA_STORE: 'local' } : {}),
    ...overrides,
  });
}

export async function startTestSubgraph(
  definition: SubgraphDefinition,
  options: { database?: TestDatabase; bus?: EventBus; config?: Config; exporter?: SpanExporter } = {},
): Promise<TestSubgraph> {
  const database = options.database ?? (await createTestDatabase(definition.name));
  const config = options.config ?? testConfig(definition.name);
  const runtime = await createRuntime(definition, config, {
    databaseUrl: database.url,
    signingKey: await testSigningKey(),
    bus: options.bus,
    relayPollMs: 200,
    tracerProvider: setupTracing({ serviceName: 'test', exporter: options.exporter }),
  });
  const app = await definition.createApp(runtime);
  await app.start?.();
  return {
    runtime,
    app,
    database,
    async execute(query, variables, requestOptions = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...requestOptions.headers };
      if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
      const response = await app.yoga.fetch('http://subgraph.test/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return { ...((await response.json()) as ExecutionResult<any>), status: response.status };
    },
    async close() {
      await closeRuntime(runtime, app, { sharedBus: Boolean(options.bus) });
      if (!options.database) await database.drop();
    },
  };
}
