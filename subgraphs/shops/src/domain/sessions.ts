import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { tokenSigner, unauthenticated, type StaffRole } from '@cip/platform';
import type { ShopsContext } from '../context';
import { UserRepository, type User } from '../data/user';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: User;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues an access token carrying the user's current roles, and a refresh token in `familyId`. */
export async function issueSession(ctx: ShopsContext, manager: EntityManager, user: User, familyId: string = randomUUID()): Promise<Session> {
  const [roles] = await new UserRepository(manager).rolesByUserIds([user.id]);
  const roleMap: Record<string, StaffRole> = Object.fromEntries(roles.map((r) => [r.shopId, r.role]));
  const { auth } = ctx.runtime.config;
  const access = await tokenSigner(ctx.runtime).sign({ kind: 'staff', userId: user.id, orgId: user.orgId, roles: roleMap }, auth.accessTokenTtlSeconds);
  const refreshToken = randomBytes(32).toString('base64url');
  const refreshTokenExpiresAt = new Date(Date.now() + auth.refreshTokenTtlSeconds * 1000);
  await ctx.repos.refreshTokens.create(manager, { userId: user.id, familyId, tokenHash: hashToken(refreshToken), expiresAt: refreshTokenExpiresAt });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, user };
}

/**
 * Rotates a refresh token. A token used twice means it was copied: the whole family is revoked and
 * the caller must log in again.
 */
export async function refreshSession(ctx: ShopsContext, refreshToken: string): Promise<Session> {
  const outcome = await ctx.dataSource.transaction(async (manager) => {
    const stored = await ctx.repos.refreshTokens.findByHashForUpdate(manager, hashToken(refreshToken));
    if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return null;
    if (stored.usedAt) {
      await ctx.repos.refreshTokens.revokeFamily(manager, stored.familyId);
      return 'reused' as const;
    }
    await ctx.repos.refreshTokens.markUsed(manager, stored.id);
    const [user] = await ctx.repos.users.findByIds([stored.userId]);
    if (!user) return null;
    return issueSession(ctx, manager, user, stored.familyId);
  });
  if (outcome === 'reused') throw unauthenticated('This refresh token was already used; every session from that login has been signed out.');
  if (!outcome) throw unauthenticated('The refresh token is not valid.');
  return outcome;
}

/** Revokes the login a refresh token belongs to. Unknown tokens are ignored, so logout is idempotent. */
export async function revokeSession(ctx: ShopsContext, refreshToken: string): Promise<void> {
  await ctx.dataSource.transaction(async (manager) => {
    const stored = await ctx.repos.refreshTokens.findByHashForUpdate(manager, hashToken(refreshToken));
    if (stored) await ctx.repos.refreshTokens.revokeFamily(manager, stored.familyId);
  });
}
