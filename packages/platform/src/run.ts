import { ConfigError, loadConfig, type Config } from './config';
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded';
import { createLogger, type Logger } from './logger';
import { closeRuntime, createRuntime, type RuntimeOptions, type SubgraphApp, type SubgraphDefinition, type SubgraphRuntime } from './runtime';
import { drainBudget, listen, onShutdown, type RunningServer } from './server/http';

/** Loads configuration or exits with a message naming each bad variable. */
export function configOrExit(service: Config['service']): Config {
  try {
    return loadConfig(service);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

/** Runs a start-up step, or logs why it failed (naming the cause) and exits 1. */
export async function startOrExit<T>(step: () => Promise<T>, logger: Logger): Promise<T> {
  try {
    return await step();
  } catch (error) {
    // A cause the message already names completely is logged without a stack trace.
    logger.error(`could not start: ${(error as Error).message}`, error instanceof EmbeddedPostgresError ? {} : { error });
    process.exit(1);
  }
}

/** The database a process uses: DATABASE_URL, or the embedded server under DATA_DIR. */
export async function resolveDatabase(config: Config): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.database.url) return { url: config.database.url };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  return { url: embedded.url, embedded };
}

export interface ServedSubgraph {
  runtime: SubgraphRuntime;
  app: SubgraphApp;
  server: RunningServer;
  url: string;
  /** Drains the server, stops background work and closes what the runtime opened (not shared bus or store). */
  close(): Promise<void>;
}

/** Builds a subgraph's runtime and app, starts its background work and serves it over HTTP. */
export async function serveSubgraph(
  definition: SubgraphDefinition,
  config: Config,
  options: RuntimeOptions & { host: string; port: number },
): Promise<ServedSubgraph> {
  const runtime = await createRuntime(definition, { ...config, service: definition.name }, options);
  const app = await definition.createApp(runtime);
  await app.start?.();
  const server = await listen(app.yoga, { host: options.host, port: options.port, logger: runtime.logger, name: definition.name });
  return {
    runtime,
    app,
    server,
    url: `${server.url}/graphql`,
    async close() {
      await server.close(drainBudget(config.shutdownTimeoutMs));
      // Events the last requests committed leave with this process, not with the next one's relay.
      await runtime.relay.flush();
      await closeRuntime(runtime, app, { sharedBus: Boolean(options.bus), sharedStore: Boolean(options.store) });
    },
  };
}

/** What a subgraph's `main.ts` calls: one subgraph in its own process. */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  const config = configOrExit(definition.name);
  const logger = createLogger(config.logLevel, { service: definition.name });
  // Registered before anything starts; the database this process started stops last.
  const steps: (() => Promise<void>)[] = [];
  onShutdown(steps, logger, { deadlineMs: config.shutdownTimeoutMs });
  const database = await startOrExit(() => resolveDatabase(config), logger);
  const served = await startOrExit(() => serveSubgraph(definition, config, { databaseUrl: database.url, host: config.host, port: config.port }), logger);
  steps.push(() => served.close(), async () => database.embedded?.stop());
  logger.info('listening', { url: served.url });
}
