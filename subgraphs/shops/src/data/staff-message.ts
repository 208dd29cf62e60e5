import { EntitySchema, type EntityManager } from 'typeorm';

export const staffMessageKinds = [
  'sign-up-confirmation',
  'sign-up-existing-account',
  'staff-invitation',
  'staff-invitation-existing-account',
  'security-alert',
] as const;
export type StaffMessageKind = (typeof staffMessageKinds)[number];

/**
 * A message to a staff member's (or a would-be member's) e-mail address. Messages are recorded here in
 * the transaction that causes them, then delivered; `actionUrl` is the one link the message asks its
 * reader to follow, if any.
 */
export interface StaffMessage {
  id: string;
  recipient: string;
  kind: StaffMessageKind;
  subject: string;
  body: string;
  actionUrl: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
}

export const StaffMessageEntity = new EntitySchema<StaffMessage>({
  name: 'StaffMessage',
  tableName: 'staff_message',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    recipient: { type: 'text' },
    kind: { type: 'text' },
    subject: { type: 'text' },
    body: { type: 'text' },
    actionUrl: { type: 'text', name: 'action_url', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    sentAt: { type: 'timestamptz', name: 'sent_at', nullable: true },
    attempts: { type: 'integer', default: 0 },
    lastError: { type: 'text', name: 'last_error', nullable: true },
  },
  indices: [{ name: 'staff_message_recipient', columns: ['recipient', 'createdAt'] }],
});

export type NewStaffMessage = Pick<StaffMessage, 'recipient' | 'kind' | 'subject' | 'body' | 'actionUrl'>;

export class StaffMessageRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records a message; returns its id. */
  async record(manager: EntityManager, message: NewStaffMessage): Promise<string> {
    const { identifiers } = await manager.insert(StaffMessageEntity, message);
    return identifiers[0]!.id as string;
  }

  /** The message, locked until the transaction ends, so one process at a time records its delivery. */
  findForUpdate(manager: EntityManager, id: string): Promise<StaffMessage | null> {
    return manager.findOne(StaffMessageEntity, { where: { id }, lock: { mode: 'pessimistic_write' }, comment: 'staffMessages.findForUpdate' });
  }

  async update(manager: EntityManager, id: string, changes: Partial<Pick<StaffMessage, 'sentAt' | 'attempts' | 'lastError'>>): Promise<void> {
    await manager.update(StaffMessageEntity, { id }, changes);
  }

  /** The newest message to `recipient`, of `kind` when given. */
  latestTo(recipient: string, kind?: StaffMessageKind): Promise<StaffMessage | null> {
    return this.manager.findOne(StaffMessageEntity, {
      where: { recipient, ...(kind ? { kind } : {}) },
      order: { createdAt: 'DESC' },
      comment: 'staffMessages.latestTo',
    });
  }
}
