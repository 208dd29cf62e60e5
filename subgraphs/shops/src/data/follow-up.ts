import type { EntityManager } from 'typeorm';
import { changedRows } from './changed-rows';
import { queryRows } from '@cip/platform';

export type FollowUpStatus = 'PENDING' | 'DUE' | 'SENT' | 'CANCELLED';

/** A follow-up about an inspection's declined recommendations, `afterDays` after the decline. */
export interface FollowUp {
  id: string;
  orgId: string;
  shopId: string;
  inspectionId: string;
  customerId: string;
  afterDays: number;
  dueAt: Date;
  status: FollowUpStatus;
  sentAt: Date | null;
  convertedAt: Date | null;
}

const columns = `id, org_id AS "orgId", shop_id AS "shopId", inspection_id AS "inspectionId", customer_id AS "customerId", after_days AS "afterDays",
  due_at AS "dueAt", status, sent_at AS "sentAt", converted_at AS "convertedAt"`;

export class FollowUpRepository {
  /** Schedules the follow-ups not scheduled yet (one per inspection and delay, however many declines); returns the new ones. */
  schedule(manager: EntityManager, rows: Omit<FollowUp, 'id' | 'status' | 'sentAt' | 'convertedAt'>[]): Promise<FollowUp[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return queryRows<FollowUp>(
      manager,
      `/* followUps.schedule */ INSERT INTO shops.follow_up (org_id, shop_id, inspection_id, customer_id, after_days, due_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::timestamptz[])
       ON CONFLICT (inspection_id, after_days) DO NOTHING RETURNING ${columns}`,
      [rows.map((r) => r.orgId), rows.map((r) => r.shopId), rows.map((r) => r.inspectionId), rows.map((r) => r.customerId), rows.map((r) => r.afterDays), rows.map((r) => r.dueAt)],
    );
  }

  async findForUpdate(manager: EntityManager, id: string): Promise<FollowUp | null> {
    const [row] = await queryRows<FollowUp>(manager, `/* followUps.findForUpdate */ SELECT ${columns} FROM shops.follow_up WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async setStatus(manager: EntityManager, id: string, status: FollowUpStatus): Promise<void> {
    await manager.query(`/* followUps.setStatus */ UPDATE shops.follow_up SET status = $2 WHERE id = $1`, [id, status]);
  }

  /** Marks the follow-up sent at its first accepted message; null when it had been already. */
  async markSent(manager: EntityManager, id: string, at: Date): Promise<FollowUp | null> {
    const [row] = await changedRows<FollowUp>(manager, `/* followUps.markSent */ UPDATE shops.follow_up SET status = 'SENT', sent_at = $2 WHERE id = $1 AND sent_at IS NULL RETURNING ${columns}`, [id, at]);
    return row ?? null;
  }

  /** Cancels the customer's follow-ups at the shop not yet due, but those about `exceptInspectionId`; returns their ids. */
  async cancelPending(manager: EntityManager, shopId: string, customerId: string, exceptInspectionId: string): Promise<string[]> {
    const rows = await changedRows<{ id: string }>(
      manager,
      `/* followUps.cancelPending */ UPDATE shops.follow_up SET status = 'CANCELLED' WHERE shop_id = $1 AND customer_id = $2 AND inspection_id <> $3 AND status = 'PENDING' RETURNING id`,
      [shopId, customerId, exceptInspectionId],
    );
    return rows.map((r) => r.id);
  }

  /** The customer's sent follow-ups at the shop that had not turned into an approval yet, now converted. */
  convert(manager: EntityManager, shopId: string, customerId: string, exceptInspectionId: string, at: Date): Promise<FollowUp[]> {
    return changedRows<FollowUp>(
      manager,
      `/* followUps.convert */ UPDATE shops.follow_up SET converted_at = $4
        WHERE shop_id = $1 AND customer_id = $2 AND inspection_id <> $3 AND sent_at IS NOT NULL AND converted_at IS NULL RETURNING ${columns}`,
      [shopId, customerId, exceptInspectionId, at],
    );
  }
}
