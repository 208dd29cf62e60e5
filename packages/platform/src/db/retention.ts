import type { Logger } from '../logger';

/** Rows of one table that are past retention. */
export interface RetentionRule {
  table: string;
  /** SQL condition true for a row past retention; `$1` is the cutoff instant. */
  expired: string;
  days: number;
}

type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;

/** Deletes a rule's expired rows in batches (short transactions, no long lock); returns how many went. */
export async function prune(query: Query, rule: RetentionRule, batchSize = 5_000): Promise<number> {
  const cutoff = new Date(Date.now() - rule.days * 86_400_000);
  let total = 0;
  for (;;) {
    const rows = (await query(
      `/* retention.prune */ WITH gone AS (
         DELETE FROM ${rule.table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${rule.table} WHERE ${rule.expired} LIMIT ${batchSize})) RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
      [cutoff],
    )) as { n: number }[] | { rows: { n: number }[] };
    const n = (Array.isArray(rows) ? rows : rows.rows)[0]?.n ?? 0;
    total += n;
    if (n < batchSize) return total;
  }
}

/** The outbox rows already published and the consumers' processed-event records of one service schema. */
export function eventTableRules(schema: string, retention: { outboxDays: number; processedEventsDays: number }): RetentionRule[] {
  return [
    { table: `"${schema}".outbox`, expired: 'published_at < $1', days: retention.outboxDays },
    { table: `"${schema}".processed_events`, expired: 'processed_at < $1', days: retention.processedEventsDays },
  ];
}

/** Prunes `rules`, in order, now and every `intervalMs`; a failed run is logged and the next one resumes it. */
export function startRetention(options: { query: Query; rules: RetentionRule[]; intervalMs: number; logger: Logger }): { run(): Promise<number>; stop(): Promise<void> } {
  let running: Promise<number> | undefined;
  const run = () =>
    (running ??= (async () => {
      let total = 0;
      for (const rule of options.rules) total += await prune(options.query, rule);
      if (total > 0) options.logger.info('deleted rows past retention', { rows: total });
      return total;
    })()
      .catch((error: unknown) => {
        options.logger.warn('retention run failed; the next one resumes it', { error });
        return 0;
      })
      .finally(() => (running = undefined)));
  const timer = setInterval(() => void run(), options.intervalMs);
  timer.unref();
  return {
    run,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
