import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { tokenSigner, unauthenticated, type ClientInfo, type StaffPrincipal, type StaffRole, type SubgraphRuntime, type UserAccess } from '@cip/platform';
import { MfaRepository, type MfaPolicy } from '../data/mfa';
import { RefreshTokenRepository } from '../data/refresh-token';
import { UserRepository, type User } from '../data/user';
import type { ThreatDetector } from './threats';
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
    private readonly threats: ThreatDetector,
  ) {}

  /**
   * What the user may do now: their roles, or none while the organization's MFA policy covers them and
   * they have no second factor (they can then only enroll one).
   */
  async accessOf(manager: EntityManager, user: Pick<User, 'id' | 'orgId'>): Promise<UserAccess & { enrollmentRequired: boolean }> {
    const mfa = new MfaRepository(manager);
    // One after another: inside a transaction the manager holds a single connection.
    const [roles] = await new UserRepository(manager).rolesByUserIds([user.id]);
    const policy = await mfa.policyOf(user.orgId);
    const enrolled = (await mfa.confirmedUserIds([user.id])).has(user.id);
    const enrollmentRequired = !enrolled && policyCovers(policy, roles.map((r) => r.role));
    const roleMap: Record<string, StaffRole> = enrollmentRequired ? {} : Object.fromEntries(roles.map((r) => [r.shopId, r.role]));
    return { roles: roleMap, mfaEnrolled: enrolled, enrollmentRequired };
  }

  /**
   * Issues an access token carrying the user's current access, and a refresh token in `familyId`. A
   * factor verified for this login (now, or earlier in the family) is carried along for step-up.
   */
  async issue(manager: EntityManager, user: User, familyId: string = randomUUID(), factorVerifiedAt?: Date): Promise<Session> {
    const { roles, mfaEnrolled } = await this.accessOf(manager, user);
    const mfa = new MfaRepository(manager);
    const verifiedAt = factorVerifiedAt ?? (await mfa.factorVerifiedAtOfFamily(familyId));
    const { auth } = this.runtime.config;
    const claims = {
      kind: 'staff' as const,
      userId: user.id,
      orgId: user.orgId,
      roles,
      sessionId: familyId,
      mfaEnrolled,
      ...(verifiedAt ? { mfaVerifiedAt: verifiedAt.getTime() } : {}),
    };
    const access = await tokenSigner(this.runtime).sign(claims, auth.accessTokenTtlSeconds);
    const refreshToken = newSecret();
    const refreshTokenExpiresAt = new Date(Date.now() + auth.refreshTokenTtlSeconds * 1000);
    await this.refreshTokens.create(manager, { userId: user.id, familyId, tokenHash: hashSecret(refreshToken), expiresAt: refreshTokenExpiresAt });
    if (verifiedAt) await mfa.recordFactorOnFamily(familyId, verifiedAt);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
      user,
      principal: { ...claims, expiresAt: access.expiresAt.getTime() },
    };
  }

  /**
   * Publishes the users' committed access (roles, MFA) to every verifier: call it after a transaction
   * that changed roles, factors or the MFA policy commits.
   */
  async publishAccess(...users: Pick<User, 'id' | 'orgId'>[]): Promise<void> {
    for (const user of users) {
      const { roles, mfaEnrolled } = await this.accessOf(this.dataSource.manager, user);
      await this.runtime.access.publishAccess(user.id, { roles, mfaEnrolled });
    }
  }

  /** Records a second factor verified now for the login `sessionId`: kept with its refresh tokens, applied to its access tokens at once. */
  async recordFactor(sessionId: string): Promise<Date> {
    const at = new Date();
    await new MfaRepository(this.dataSource.manager).recordFactorOnFamily(sessionId, at);
    await this.runtime.access.recordFactor(sessionId, at.getTime());
    return at;
  }

  /**
   * Rotates a refresh token. A token used twice means it was copied: the whole family is revoked, its
   * access tokens stop working, the caller must log in again, and the owner hears of it (REFRESH_TOKEN_REUSE).
   */
  async refresh(refreshToken: string, client: ClientInfo): Promise<Session> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await this.refreshTokens.findByHashForUpdate(manager, hashSecret(refreshToken));
      if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return null;
      if (stored.usedAt) {
        await this.refreshTokens.revokeFamily(manager, stored.familyId);
        return { reused: stored.familyId, userId: stored.userId };
      }
      await this.refreshTokens.markUsed(manager, stored.id);
      const [user] = await new UserRepository(manager).findByIds([stored.userId]);
      if (!user) return null;
      return this.issue(manager, user, stored.familyId);
    });
    if (outcome && 'reused' in outcome) {
      await this.runtime.access.endSession(outcome.reused);
      await this.threats.refreshReused(outcome.userId, client);
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

/** Whether the organization's MFA policy requires a second factor of someone holding `roles`. */
export function policyCovers(policy: MfaPolicy, roles: readonly StaffRole[]): boolean {
  if (policy === 'ALL_STAFF') return roles.length > 0;
  if (policy === 'OWNERS_AND_MANAGERS') return roles.some((role) => role === 'OWNER' || role === 'MANAGER');
  return false;
}
