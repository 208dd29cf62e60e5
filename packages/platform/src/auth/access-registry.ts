import type { KeyValueStore } from '../cache/store';
import type { Principal, StaffRole } from './principal';

/**
 * What a staff user may do right now, shared through the store (Redis when set, this process's memory
 * otherwise) by every verifier: the gateway's and each subgraph's. An access token names its session and
 * carries the roles it was issued with; the registry overrides both the moment they change, so a removed
 * role, a logout or a detected refresh-token reuse ends access on the next request instead of when the
 * token expires, and a new shop is usable without a refresh.
 */
export interface AccessRegistry {
  /** Records the user's roles as they are now; every verifier applies them to the user's tokens from now on. */
  publishRoles(userId: string, roles: Record<string, StaffRole>): Promise<void>;
  /** Ends every access token of a session (one login and the tokens refreshed from it). */
  endSession(sessionId: string): Promise<void>;
  /** Ends every customer token of a share link (replaced, or closed with its inspection). */
  endGrant(grant: string): Promise<void>;
  /** The principal as it stands now, or null when its session has ended. */
  current(principal: Principal): Promise<Principal | null>;
}

const rolesKey = (userId: string) => `auth:roles:${userId}`;
const endedKey = (sessionId: string) => `auth:session-ended:${sessionId}`;
const grantEndedKey = (grant: string) => `auth:grant-ended:${grant}`;

/**
 * `retainSeconds` is the longest an access token lives: an entry written now outlives every token issued
 * before it, and each later token rewrites it. A user with no entry (the store lost it) keeps the roles
 * their token carries, at most until it expires.
 */
export function createAccessRegistry(store: KeyValueStore, options: { retainSeconds: number }): AccessRegistry {
  const retain = Math.max(1, Math.ceil(options.retainSeconds));
  return {
    publishRoles: (userId, roles) => store.set(rolesKey(userId), JSON.stringify(roles), retain),
    endSession: (sessionId) => store.set(endedKey(sessionId), '1', retain),
    endGrant: (grant) => store.set(grantEndedKey(grant), '1', retain),
    async current(principal) {
      if (principal.kind === 'customer') return principal.grant && (await store.get(grantEndedKey(principal.grant))) ? null : principal;
      if (principal.kind !== 'staff') return principal;
      const [roles, ended] = await Promise.all([store.get(rolesKey(principal.userId)), principal.sessionId ? store.get(endedKey(principal.sessionId)) : null]);
      if (ended) return null;
      return roles === null ? principal : { ...principal, roles: JSON.parse(roles) as Record<string, StaffRole> };
    },
  };
}
