import { ConfigError, loadConfig, type Config } from './config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded';
import { createLogger } from './logger';
import { closeRuntime, createRuntime, type SubgraphDefinition } from './runtime';
import { listen, onShutdown } from './server/http';

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

/** The database a process uses: DATABASE_URL, or the embedded server under DATA_DIR. */
export async function resolveDatabase(config: Config): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.database.url) return { url: config.database.url };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  return { url: embedded.url, embedded };
}

/** What a subgraph's `main.ts` calls: one subgraph in its own process. */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  const config = configOrExit(definition.name);
  const logger = createLogger(config.logLevel, { service: definition.name });
  const database = await resolveDatabase(config);
  const runtime = await createRuntime(definition, config, { databaseUrl: database.url });
  const app = await definition.createApp(runtime);
  await app.start?.();
  const server = await listen(app.yoga, { host: config.host, port: config.port });
  logger.info('listening', { url: `${server.url}/graphql` });
  onShutdown(
    [() => server.close(config.shutdownTimeoutMs), () => closeRuntime(runtime, app), async () => database.embedded?.stop()],
    (message, error) => (error ? logger.error(message, { error }) : logger.info(message)),
  );
}
