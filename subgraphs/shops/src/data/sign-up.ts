import { EntitySchema, type EntityManager } from 'typeorm';
import type { NewShop } from './shop';

/**
 * A sign-up waiting for its e-mail address to be confirmed. One is recorded for every sign-up, also for
 * an address that already has an account (its link is never sent), so both cost the same.
 */
export interface PendingSignUp {
  id: string;
  email: string;
  tokenHash: string;
  organizationName: string;
  ownerName: string;
  passwordHash: string;
  shop: Omit<NewShop, 'orgId'>;
  expiresAt: Date;
  createdAt: Date;
  confirmedAt: Date | null;
}

export const PendingSignUpEntity = new EntitySchema<PendingSignUp>({
  name: 'PendingSignUp',
  tableName: 'pending_sign_up',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    email: { type: 'text' },
    tokenHash: { type: 'text', name: 'token_hash', unique: true },
    organizationName: { type: 'text', name: 'organization_name' },
    ownerName: { type: 'text', name: 'owner_name' },
    passwordHash: { type: 'text', name: 'password_hash' },
    shop: { type: 'jsonb' },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    confirmedAt: { type: 'timestamptz', name: 'confirmed_at', nullable: true },
  },
});

export class PendingSignUpRepository {
  create(manager: EntityManager, input: Omit<PendingSignUp, 'id' | 'createdAt' | 'confirmedAt'>): Promise<PendingSignUp> {
    return manager.save(PendingSignUpEntity, manager.create(PendingSignUpEntity, input));
  }

  /** Locks the row so one link confirms one organization, however often it is clicked. */
  findByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<PendingSignUp | null> {
    return manager.findOne(PendingSignUpEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' }, comment: 'signUps.findByHash' });
  }

  async markConfirmed(manager: EntityManager, id: string): Promise<void> {
    await manager.update(PendingSignUpEntity, { id }, { confirmedAt: new Date() });
  }
}
