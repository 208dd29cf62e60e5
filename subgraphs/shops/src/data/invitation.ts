import { EntitySchema, type EntityManager } from 'typeorm';
import { findByIds, findGroupedBy, type StaffRole } from '@cip/platform';

/**
 * An invitation to work at a shop. The invitee chooses their own password when accepting. An address
 * that already belongs to another organization's user gets an invitation like any other (so the
 * inviter learns nothing), but its owner is told instead of being sent a link, and it stays pending
 * until it expires.
 */
export interface StaffInvitation {
  id: string;
  orgId: string;
  shopId: string;
  email: string;
  name: string;
  role: StaffRole;
  invitedBy: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
  acceptedAt: Date | null;
  userId: string | null;
}

export const StaffInvitationEntity = new EntitySchema<StaffInvitation>({
  name: 'StaffInvitation',
  tableName: 'staff_invitation',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    orgId: { type: 'uuid', name: 'org_id' },
    shopId: { type: 'uuid', name: 'shop_id' },
    email: { type: 'text' },
    name: { type: 'text' },
    role: { type: 'text' },
    invitedBy: { type: 'uuid', name: 'invited_by' },
    tokenHash: { type: 'text', name: 'token_hash', unique: true },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    acceptedAt: { type: 'timestamptz', name: 'accepted_at', nullable: true },
    userId: { type: 'uuid', name: 'user_id', nullable: true },
  },
  indices: [{ name: 'staff_invitation_shop', columns: ['shopId', 'createdAt'] }],
});

export class StaffInvitationRepository {
  constructor(private readonly manager: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<(StaffInvitation | null)[]> {
    return findByIds(this.manager, StaffInvitationEntity, ids);
  }

  /** Each shop's invitations, newest first. */
  byShopIds(shopIds: readonly string[]): Promise<StaffInvitation[][]> {
    return findGroupedBy(this.manager, StaffInvitationEntity, 'shopId', shopIds, { name: 'invitations.byShopIds', order: { createdAt: 'DESC' } });
  }

  create(manager: EntityManager, input: Omit<StaffInvitation, 'id' | 'createdAt' | 'acceptedAt' | 'userId'>): Promise<StaffInvitation> {
    return manager.save(StaffInvitationEntity, manager.create(StaffInvitationEntity, input));
  }

  findByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<StaffInvitation | null> {
    return manager.findOne(StaffInvitationEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' }, comment: 'invitations.findByHash' });
  }

  async markAccepted(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.update(StaffInvitationEntity, { id }, { acceptedAt: new Date(), userId });
  }
}
