// The production entry point: compiled JavaScript from dist/ with production dependencies only (no tsx).
// deploy/Dockerfile's ENTRYPOINT is `node --conditions=compiled scripts/start-prod.mjs` and each workload
// passes its service name, so the service runs in this process (PID 1: SIGTERM reaches its own shutdown).
// Without a name (`npm run start:prod`) it starts all six the same way, each its own process, as the
// cluster does; PostgreSQL is DATABASE_URL or, when unset, one embedded server shared by the six.
// `migrate` applies every subgraph's pending migrations and exits: the release's pre-sync Job.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entries = {
  shops: 'subgraphs/shops/dist/main.js',
  inspections: 'subgraphs/inspections/dist/main.js',
  vehicles: 'subgraphs/vehicles/dist/main.js',
  partners: 'subgraphs/partners/dist/main.js',
  analytics: 'subgraphs/analytics/dist/main.js',
  gateway: 'gateway/dist/main.js',
};

const service = process.argv[2];
if (service === 'migrate') {
  await migrate();
} else if (service !== undefined) {
  if (!Object.hasOwn(entries, service)) {
    process.stderr.write(`start-prod: unknown service "${service}"; one of ${Object.keys(entries).join(', ')}\n`);
    process.exit(2);
  }
  await import(new URL(`../${entries[service]}`, import.meta.url).href);
} else {
  await startAll();
}

async function migrate() {
  const { configOrExit, createLogger, openDatabase, subgraphNames } = await import('@cip/platform');
  const config = configOrExit('gateway');
  const logger = createLogger(config.logLevel, { service: 'migrate' });
  if (!config.database.url) {
    logger.error('DATABASE_URL is required to migrate');
    process.exit(1);
  }
  // One schema at a time, each under the advisory lock the services take when they migrate at start-up
  // (two connections: one holds the lock while the migrations run on the other).
  for (const name of subgraphNames) {
    const definition = (await import(`@cip/${name}`))[`${name}Subgraph`];
    const { dataSource } = await openDatabase({ url: config.database.url, schema: name, entities: definition.entities, migrations: definition.migrations, poolMax: 2, applicationName: `migrate-${name}` });
    await dataSource.destroy();
    logger.info('migrations applied', { subgraph: name });
  }
}

async function startAll() {
  const { configOrExit, createLogger, defaultPorts, resolveDatabase, subgraphNames } = await import('@cip/platform');
  const config = configOrExit('gateway');
  const logger = createLogger(config.logLevel, { service: 'start-prod' });
  const database = await resolveDatabase(config);
  const env = { ...process.env, DATABASE_URL: database.url };
  const children = [];
  let stopping = false;

  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
    await database.embedded?.stop();
    process.exit(code);
  };
  process.once('SIGTERM', () => stop(0));
  process.once('SIGINT', () => stop(0));

  const launch = (name, port) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { env: { ...env, PORT: String(port) }, stdio: 'inherit' });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      logger.error('a service stopped; stopping the others', { service: name, code, signal });
      void stop(1);
    });
    children.push(child);
  };

  // Subgraphs first: each applies its migrations before it listens, one schema each, so they may start together.
  const urls = subgraphNames.map((name) => new URL(config.subgraphUrls[name]));
  subgraphNames.forEach((name, i) => launch(name, Number(urls[i].port)));
  await Promise.all(urls.map((url) => untilReady(new URL('/readyz', url))));
  if (stopping) return;
  launch('gateway', Number(process.env.PORT ?? defaultPorts.gateway));
  logger.info('production services started', { services: children.length });
}

async function untilReady(url) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const ready = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within 5 minutes`);
}
