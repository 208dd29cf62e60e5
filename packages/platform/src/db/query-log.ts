import type { Logger as TypeOrmLogger } from 'typeorm';

export interface LoggedQuery {
  sql: string;
  /** The statement's bound parameters, so a test can EXPLAIN what was actually sent. */
  parameters: unknown[];
  at: number;
}

/**
 * Records every statement a DataSource sends, so tests can count SQL per request (the N+1 checks)
 * without a mocked database. Recording is off until someone starts a capture.
 */
export class QueryLog implements TypeOrmLogger {
  private captures = new Set<LoggedQuery[]>();

  capture(): { queries: LoggedQuery[]; stop(): LoggedQuery[] } {
    const queries: LoggedQuery[] = [];
    this.captures.add(queries);
    return { queries, stop: () => (this.captures.delete(queries), queries) };
  }

  logQuery(sql: string, parameters: unknown[] = []): void {
    if (this.captures.size === 0) return;
    const entry = { sql, parameters, at: Date.now() };
    for (const capture of this.captures) capture.push(entry);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Counts logged SELECTs per table they read from, e.g. `{ "inspections"."inspection": 1 }`. */
export function selectsByTable(queries: LoggedQuery[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { sql: raw } of queries) {
    const sql = raw.replace(/^\s*\/\*.*?\*\/\s*/s, '');
    if (!/^\s*select/i.test(sql)) continue;
    const match = /\bfrom\s+("?[\w]+"?\."?[\w]+"?|"?[\w]+"?)/i.exec(sql);
    const table = (match?.[1] ?? '?').replace(/"/g, '');
    counts[table] = (counts[table] ?? 0) + 1;
  }
  return counts;
}
