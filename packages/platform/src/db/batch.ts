import DataLoader from 'dataloader';

/** Puts rows back in the order of `keys`, with null for keys that matched no row (what DataLoader expects). */
export function inKeyOrder<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Rows grouped per key, in the order of `keys` (for one-to-many lookups such as a shop's inspections). */
export function groupedInKeyOrder<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** A per-request loader over a repository's batch read; one SQL query per tick of lookups. */
export function batchLoader<K, R>(load: (keys: readonly K[]) => Promise<(R | null)[]>): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(load, { maxBatchSize: 1000 });
}

/**
 * A per-request loader for one-to-many reads: each key gets its (possibly empty) list. With `cacheMap`, what
 * it has been asked for so far is readable from outside (another loader may reuse lists this one reads anyway).
 */
export function groupLoader<K, R>(load: (keys: readonly K[]) => Promise<R[][]>, options: { cacheMap?: Map<K, Promise<R[]>> } = {}): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(load, { maxBatchSize: 1000, ...options });
}

const scopedLoaders = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/**
 * The loader for `key` within one request (`scope` is the request's context), created on first use:
 * for lists with arguments, where every parent asking with the same arguments shares one query.
 */
export function loaderFor<K, V>(scope: object, key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
  let loaders = scopedLoaders.get(scope);
  if (!loaders) scopedLoaders.set(scope, (loaders = new Map()));
  let loader = loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) loaders.set(key, (loader = create()) as DataLoader<unknown, unknown>);
  return loader;
}
