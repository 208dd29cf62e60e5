import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { tokenSigner, unauthenticated, type StaffPrincipal, type StaffRole, type SubgraphRuntime } from '@cip/platform';
import { RefreshTokenRepository } from '../data/refresh-token';
import { UserRepository, type User } from '../data/user';
import { hashSecret, newSecret } from './tokens';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: User;
  /** The caller the access token describes. */
  principal: StaffPrincipal;
}

/**
 * Staff sessions: an access token carrying the user's roles, and a rotating refresh token per login. The
 * login (the refresh-token family) is the session every access token names; ending it, or changing the
 * user's roles, reaches every verifier through the runtime's access registry at once.
 */
export class Sessions {
  private readonly refreshTokens = new RefreshTokenRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly runtime: SubgraphRuntime,
  ) {}

  /** Issues an access token carrying the user's current roles, and a refresh token in `familyId`. */
  async issue(manager: EntityManager, user: User, familyId: string = randomUUID()): Promise<Session> {
    const [roles] = await new UserRepository(manager).rolesByUserIds([user.id]);
    const roleMap: Record<string, StaffRole> = Object.fromEntries(roles.map((r) => [r.shopId, r.role]));
    const { auth } = this.runtime.config;
    const claims = { kind: 'staff' as const, userId: user.id, orgId: user.orgId, roles: roleMap, sessionId: familyId };
    const access = await tokenSigner(this.runtime).sign(claims, auth.accessTokenTtlSeconds);
    const refreshToken = newSecret();
    const refreshTokenExpiresAt = new Date(Date.now() + auth.refreshTokenTtlSeconds * 1000);
    await this.refreshTokens.create(manager, { userId: user.id, familyId, tokenHash: hashSecret(refreshToken), expiresAt: refreshTokenExpiresAt });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
      user,
      principal: { ...claims, expiresAt: access.expiresAt.getTime() },
    };
  }

  /** Publishes the user's committed roles to every verifier: call it after a transaction that changed them commits. */
  async publishRoles(userId: string): Promise<void> {
    const [roles] = await new UserRepository(this.dataSource.manager).rolesByUserIds([userId]);
    await this.runtime.access.publishRoles(userId, Object.fromEntries(roles.map((r) => [r.shopId, r.role])));
  }

  /**
   * Rotates a refresh token. A token used twice means it was copied: the whole family is revoked, its
   * access tokens stop working, and the caller must log in again.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await this.refreshTokens.findByHashForUpdate(manager, hashSecret(refreshToken));
      if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return null;
      if (stored.usedAt) {
        await this.refreshTokens.revokeFamily(manager, stored.familyId);
        return { reused: stored.familyId };
      }
      await this.refreshTokens.markUsed(manager, stored.id);
      const [user] = await new UserRepository(manager).findByIds([stored.userId]);
      if (!user) return null;
      return this.issue(manager, user, stored.familyId);
    });
    if (outcome && 'reused' in outcome) {
      await this.runtime.access.endSession(outcome.reused);
      throw unauthenticated('This refresh token was already used; every session from that login has been signed out.');
    }
    if (!outcome) throw unauthenticated('The refresh token is not valid.');
    return outcome;
  }

  /** Ends the login a refresh token belongs to, its access tokens included. Unknown tokens are ignored, so logout is idempotent. */
  async revoke(refreshToken: string): Promise<void> {
    const familyId = await this.dataSource.transaction(async (manager) => {
      const stored = await this.refreshTokens.findByHashForUpdate(manager, hashSecret(refreshToken));
      if (stored) await this.refreshTokens.revokeFamily(manager, stored.familyId);
      return stored?.familyId ?? null;
    });
    if (familyId) await this.runtime.access.endSession(familyId);
  }
}
