import type { EntityManager } from 'typeorm';
import { changedRows } from './changed-rows';

export const jobKinds = ['deliver', 'reminder', 'follow_up', 'staff_message'] as const;
export type JobKind = (typeof jobKinds)[number];

/** Work due at a time, kept in the database so it survives restarts and is claimed by one process. */
export interface ScheduledJob {
  id: string;
  kind: JobKind;
  payload: { messageId?: string; inspectionId?: string; followUpId?: string; staffMessageId?: string };
  inspectionId: string | null;
  dueAt: Date;
  runs: number;
}

export interface NewJob {
  kind: JobKind;
  /** Scheduling the same key again does nothing: an event handled twice times its work once. */
  dedupeKey: string;
  payload: ScheduledJob['payload'];
  inspectionId: string | null;
  dueAt: Date;
}

const columns = `id, kind, payload, inspection_id AS "inspectionId", due_at AS "dueAt", runs`;

export class ScheduledJobRepository {
  async schedule(manager: EntityManager, jobs: NewJob[]): Promise<void> {
    for (const job of jobs) {
      await manager.query(
        `/* jobs.schedule */ INSERT INTO shops.scheduled_job (kind, dedupe_key, payload, inspection_id, due_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (dedupe_key) DO NOTHING`,
        [job.kind, job.dedupeKey, JSON.stringify(job.payload), job.inspectionId, job.dueAt],
      );
    }
  }

  /**
   * Claims the earliest job due at `now`: skipped by every other process while locked, then leased (its due
   * time moved past the lease) and committed, so a process that dies while running it leaves it due again.
   */
  async claim(manager: EntityManager, now: Date, leaseMs: number): Promise<ScheduledJob | null> {
    const [row] = await changedRows<ScheduledJob>(
      manager,
      `/* jobs.claim */ UPDATE shops.scheduled_job SET due_at = $2, runs = runs + 1 WHERE id = (
         SELECT id FROM shops.scheduled_job WHERE state = 'PENDING' AND due_at <= $1 ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
       ) RETURNING ${columns}`,
      [now, new Date(now.getTime() + leaseMs)],
    );
    return row ?? null;
  }

  async finish(manager: EntityManager, id: string, state: 'DONE' | 'CANCELLED' | 'FAILED', at: Date, error: string | null = null): Promise<void> {
    await manager.query(`/* jobs.finish */ UPDATE shops.scheduled_job SET state = $2, finished_at = $3, last_error = $4 WHERE id = $1`, [id, state, at, error]);
  }

  async reschedule(manager: EntityManager, id: string, dueAt: Date, error: string): Promise<void> {
    await manager.query(`/* jobs.reschedule */ UPDATE shops.scheduled_job SET due_at = $2, last_error = $3 WHERE id = $1`, [id, dueAt, error]);
  }

  /** Cancels the inspection's pending jobs of `kind`. */
  async cancelFor(manager: EntityManager, kind: JobKind, inspectionId: string, at: Date): Promise<void> {
    await manager.query(`/* jobs.cancelFor */ UPDATE shops.scheduled_job SET state = 'CANCELLED', finished_at = $3 WHERE kind = $1 AND inspection_id = $2 AND state = 'PENDING'`, [kind, inspectionId, at]);
  }

  async cancelByKeys(manager: EntityManager, dedupeKeys: string[], at: Date): Promise<void> {
    if (dedupeKeys.length === 0) return;
    await manager.query(`/* jobs.cancelByKeys */ UPDATE shops.scheduled_job SET state = 'CANCELLED', finished_at = $2 WHERE dedupe_key = ANY($1::text[]) AND state = 'PENDING'`, [dedupeKeys, at]);
  }
}
