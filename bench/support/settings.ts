import type { ServiceName } from '@cip/platform';

export interface BenchSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  repeats: number;
  /** `node` flags per service from BENCH_CPU_PROF (e.g. `BENCH_CPU_PROF=gateway,shops`): CPU profiles under `.data/profiles`. */
  nodeArgs: Partial<Record<ServiceName, string[]>>;
}

/** Load settings every scenario shares, overridable from the environment for quick or deep runs. */
export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const number = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${env[name]}"`);
    return value;
  };
  const profiled = (env.BENCH_CPU_PROF ?? '').split(',').map((name) => name.trim()).filter(Boolean) as ServiceName[];
  return {
    connections: number('BENCH_CONNECTIONS', 100),
    durationSeconds: number('BENCH_DURATION_SECONDS', 10),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 3),
    repeats: number('BENCH_REPEATS', 3),
    nodeArgs: Object.fromEntries(profiled.map((name) => [name, ['--cpu-prof', `--cpu-prof-dir=.data/profiles/${name}`]])),
  };
}
