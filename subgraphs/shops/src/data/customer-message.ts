import type { EntityManager } from 'typeorm';
import { changedRows } from './changed-rows';
import { groupedInKeyOrder, queryRows } from '@cip/platform';
import type { MessageChannel, MessageKind } from './message-template';

export const messageStatuses = ['QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'NOT_SENT'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** One message to a customer by one channel, and how its delivery went. */
export interface CustomerMessage {
  id: string;
  orgId: string;
  shopId: string;
  inspectionId: string;
  customerId: string;
  followUpId: string | null;
  kind: MessageKind;
  channel: MessageChannel;
  /** The address or number it went to. */
  recipient: string | null;
  status: MessageStatus;
  failureReason: string | null;
  attempts: number;
  providerId: string | null;
  queuedAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
}

export type NewCustomerMessage = Pick<CustomerMessage, 'orgId' | 'shopId' | 'inspectionId' | 'customerId' | 'followUpId' | 'kind' | 'channel' | 'recipient' | 'status' | 'failureReason' | 'queuedAt'> & {
  /** What makes the message one of a kind: the same key is never queued twice. */
  dedupeKey: string;
};

const columns = `id, org_id AS "orgId", shop_id AS "shopId", inspection_id AS "inspectionId", customer_id AS "customerId", follow_up_id AS "followUpId", kind, channel,
  recipient, status, failure_reason AS "failureReason", attempts, provider_id AS "providerId", queued_at AS "queuedAt", last_attempt_at AS "lastAttemptAt",
  next_attempt_at AS "nextAttemptAt", sent_at AS "sentAt", delivered_at AS "deliveredAt", failed_at AS "failedAt"`;

type Changes = Partial<Pick<CustomerMessage, 'recipient' | 'status' | 'failureReason' | 'attempts' | 'providerId' | 'lastAttemptAt' | 'nextAttemptAt' | 'sentAt' | 'deliveredAt' | 'failedAt'>>;
const changeColumns: Record<keyof Changes, string> = {
  recipient: 'recipient',
  status: 'status',
  failureReason: 'failure_reason',
  attempts: 'attempts',
  providerId: 'provider_id',
  lastAttemptAt: 'last_attempt_at',
  nextAttemptAt: 'next_attempt_at',
  sentAt: 'sent_at',
  deliveredAt: 'delivered_at',
  failedAt: 'failed_at',
};

export class CustomerMessageRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Queues the messages whose key is new; returns those inserted (a redelivered event inserts none). */
  async insert(manager: EntityManager, messages: NewCustomerMessage[]): Promise<CustomerMessage[]> {
    const inserted: CustomerMessage[] = [];
    for (const m of messages) {
      const rows = await queryRows<CustomerMessage>(
        manager,
        `/* customerMessages.insert */ INSERT INTO shops.customer_message (org_id, shop_id, inspection_id, customer_id, follow_up_id, kind, channel, recipient, status, failure_reason, dedupe_key, queued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (dedupe_key) DO NOTHING RETURNING ${columns}`,
        [m.orgId, m.shopId, m.inspectionId, m.customerId, m.followUpId, m.kind, m.channel, m.recipient, m.status, m.failureReason, m.dedupeKey, m.queuedAt],
      );
      inserted.push(...rows);
    }
    return inserted;
  }

  async findForUpdate(manager: EntityManager, id: string): Promise<CustomerMessage | null> {
    const [row] = await queryRows<CustomerMessage>(manager, `/* customerMessages.findForUpdate */ SELECT ${columns} FROM shops.customer_message WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async findByProviderIdForUpdate(manager: EntityManager, channel: MessageChannel, providerId: string): Promise<CustomerMessage | null> {
    const [row] = await queryRows<CustomerMessage>(
      manager,
      `/* customerMessages.findByProviderIdForUpdate */ SELECT ${columns} FROM shops.customer_message WHERE channel = $1 AND provider_id = $2 FOR UPDATE`,
      [channel, providerId],
    );
    return row ?? null;
  }

  async update(manager: EntityManager, id: string, changes: Changes): Promise<CustomerMessage> {
    const entries = Object.entries(changes) as [keyof Changes, unknown][];
    const [row] = await changedRows<CustomerMessage>(
      manager,
      `/* customerMessages.update */ UPDATE shops.customer_message SET ${entries.map(([key], i) => `${changeColumns[key]} = $${i + 2}`).join(', ')} WHERE id = $1 RETURNING ${columns}`,
      [id, ...entries.map(([, value]) => value)],
    );
    return row;
  }

  /** Each inspection's messages, oldest first, in key order. */
  async byInspectionIds(inspectionIds: readonly string[]): Promise<CustomerMessage[][]> {
    const rows = await queryRows<CustomerMessage>(
      this.manager,
      `/* customerMessages.byInspectionIds */ SELECT ${columns} FROM shops.customer_message WHERE inspection_id = ANY($1::uuid[]) ORDER BY queued_at, kind, channel, id`,
      [inspectionIds],
    );
    return groupedInKeyOrder(inspectionIds, rows, (row) => row.inspectionId);
  }
}
