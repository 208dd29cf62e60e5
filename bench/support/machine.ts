import os from 'node:os';

export interface MachineFacts {
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  node: string;
  /** Load average over the last minute when the run started: other work on the machine skews figures. */
  loadAverage: number;
  dateUtc: string;
}

export function machineFacts(now = new Date()): MachineFacts {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    cpuCount: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
    dateUtc: `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
}

/** One line naming the machine and the time, for the top of a report section. */
export function describeMachine(facts: MachineFacts = machineFacts()): string {
  return `${facts.dateUtc} · ${facts.cpuCount} × ${facts.cpuModel} · ${facts.memoryGiB} GiB · Node ${facts.node} · load average ${facts.loadAverage}`;
}
