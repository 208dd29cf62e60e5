import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc accounting (USER_HZ), 100 on every mainstream Linux build. */
const ticksPerSecond = 100;

/** CPU time (user + system) a process has used so far, in seconds; null where /proc is unavailable. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** CPU time the whole machine spent busy (not idle or waiting on I/O), in seconds; null where /proc is unavailable. */
export function machineBusySeconds(): number | null {
  try {
    const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
    const [user, nice, system, , , irq, softirq, steal] = cpu.split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) / ticksPerSecond;
  } catch {
    return null;
  }
}

export interface CpuUsage<K extends string> {
  /** CPU seconds each named process used during the task. */
  processes: Record<K, number | null>;
  /** CPU seconds the whole machine used during the task: the processes above, PostgreSQL, the load generator and anything else running. */
  machine: number | null;
}

/** Runs `task` and reports how much CPU the given processes, and the machine as a whole, spent meanwhile. */
export async function measureCpu<K extends string, T>(pids: Record<K, number>, task: () => Promise<T>): Promise<{ result: T; cpu: CpuUsage<K> }> {
  const names = Object.keys(pids) as K[];
  const before = names.map((name) => processCpuSeconds(pids[name]));
  const machineBefore = machineBusySeconds();
  const result = await task();
  const after = names.map((name) => processCpuSeconds(pids[name]));
  const machineAfter = machineBusySeconds();
  const processes = Object.fromEntries(names.map((name, i) => [name, before[i] === null || after[i] === null ? null : after[i]! - before[i]!])) as Record<K, number | null>;
  return { result, cpu: { processes, machine: machineBefore === null || machineAfter === null ? null : machineAfter - machineBefore } };
}
