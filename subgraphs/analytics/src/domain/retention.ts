import type { DataSource } from 'typeorm';
import { FactRepository } from '../data/facts';

/**
 * Moves raw facts older than the retention window to the archive table, batch by batch, each batch in
 * its own transaction. Rollups are untouched (and a rebuild still reads the archive). Stopping half way
 * loses nothing: the next run picks up whatever is still older than the cutoff.
 */
export async function archiveFacts(
  dataSource: DataSource,
  options: { retentionDays: number; batchSize: number; now?: Date; shouldStop?: () => boolean },
): Promise<number> {
  const facts = new FactRepository();
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
  let moved = 0;
  for (;;) {
    if (options.shouldStop?.()) return moved;
    const batch = await dataSource.transaction((manager) => facts.archiveBatch(manager, cutoff, options.batchSize));
    moved += batch;
    if (batch < options.batchSize) return moved;
  }
}
