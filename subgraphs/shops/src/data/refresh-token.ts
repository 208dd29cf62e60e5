import { EntitySchema, type EntityManager } from 'typeorm';

/**
 * A refresh token, stored as a hash. Tokens of one login form a family: each use rotates to a new
 * token, and presenting a token that was already rotated revokes the whole family (stolen-token reuse).
 */
export interface RefreshToken {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export const RefreshTokenEntity = new EntitySchema<RefreshToken>({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    userId: { type: 'uuid', name: 'user_id' },
    familyId: { type: 'uuid', name: 'family_id' },
    tokenHash: { type: 'text', name: 'token_hash', unique: true },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
    usedAt: { type: 'timestamptz', name: 'used_at', nullable: true },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
  indices: [{ name: 'refresh_token_family', columns: ['familyId'] }],
});

export class RefreshTokenRepository {
  /** Locks the row so two concurrent refreshes with one token cannot both rotate it. */
  findByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return manager.findOne(RefreshTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' }, comment: 'refreshTokens.findByHash' });
  }

  create(manager: EntityManager, input: Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<RefreshToken> {
    return manager.save(RefreshTokenEntity, manager.create(RefreshTokenEntity, input));
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { id }, { usedAt: new Date() });
  }

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }
}
