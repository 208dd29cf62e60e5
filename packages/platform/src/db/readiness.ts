import type { EventBus } from '../events/bus';
import type { KeyValueStore } from '../cache/store';
import type { DataSource } from 'typeorm';

export type DependencyState = 'ready' | 'unavailable';

/** What `/readyz` answers: each dependency's state, and whether the service can serve at all. */
export interface Readiness {
  /** `unavailable` without the database; `degraded` when only Redis or the bus is down (reads still work, events wait). */
  status: 'ready' | 'degraded' | 'unavailable';
  checks: Record<string, DependencyState>;
}

const within = <T>(work: Promise<T>, timeoutMs: number, fallback: T) =>
  Promise.race([work.catch(() => fallback), new Promise<T>((resolve) => setTimeout(() => resolve(fallback), timeoutMs).unref())]);

/** Asks the database, the bus and the shared store, in parallel, each for at most `timeoutMs`. */
export async function checkDependencies(
  dependencies: { dataSource: DataSource; bus: EventBus; store: KeyValueStore },
  timeoutMs = 1_000,
): Promise<Readiness> {
  const database = dependencies.dataSource.isInitialized
    ? dependencies.dataSource.query('SELECT 1').then(() => true)
    : Promise.resolve(false);
  const [db, bus, store] = await Promise.all([within(database, timeoutMs, false), within(dependencies.bus.healthy(), timeoutMs, false), within(dependencies.store.healthy(), timeoutMs, false)]);
  const state = (ok: boolean): DependencyState => (ok ? 'ready' : 'unavailable');
  const checks: Record<string, DependencyState> = { database: state(db), bus: state(bus) };
  if (dependencies.store.kind === 'redis') checks.redis = state(store);
  return { status: !db ? 'unavailable' : bus && store ? 'ready' : 'degraded', checks };
}
