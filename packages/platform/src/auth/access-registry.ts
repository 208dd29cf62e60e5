import type { KeyValueStore } from '../cache/store';
import type { Principal, StaffRole } from './principal';

/**
 * What a staff user may do right now, shared through the store (Redis when set, this process's memory
 * otherwise) by every verifier: the gateway's and each subgraph's. An access token names its session and
 * carries the roles it was issued with; the registry overrides both the moment they change, so a removed
 * role, a logout or a detected refresh-token reuse ends access on the next request instead of when the
 * token expires, a new shop is usable without a refresh, and a factor verified for step-up counts at once.
 */
export interface AccessRegistry {
  /** Records the user's roles (and whether they have a second factor) as they are now; every verifier applies them to the user's tokens from now on. */
  publishAccess(userId: string, access: UserAccess): Promise<void>;
  /** Ends every access token of a session (one login and the tokens refreshed from it). */
  endSession(sessionId: string): Promise<void>;
  /** Ends every customer token of a share link (replaced, or closed with its inspection). */
  endGrant(grant: string): Promise<void>;
  /** Records that a session verified a second factor at `atMs`; its access tokens count it from the next request on. */
  recordFactor(sessionId: string, atMs: number): Promise<void>;
  /** The principal as it stands now, or null when its session has ended. */
  current(principal: Principal): Promise<Principal | null>;
}

const grantEndedKey = (grant: string) => `auth:grant-ended:${grant}`;
/** What a staff user may do right now. */
export interface UserAccess {
  roles: Record<string, StaffRole>;
  mfaEnrolled: boolean;
}

const accessKey = (userId: string) => `auth:user:${userId}`;
const sessionKey = (sessionId: string) => `auth:session:${sessionId}`;

interface SessionState {
  ended?: true;
  mfaVerifiedAt?: number;
}

/**
 * `retainSeconds` is the longest an access token lives: an entry written now outlives every token issued
 * before it, and each later token rewrites it. A user with no entry (the store lost it) keeps the roles
 * their token carries, at most until it expires.
 */
export function createAccessRegistry(store: KeyValueStore, options: { retainSeconds: number }): AccessRegistry {
  const retain = Math.max(1, Math.ceil(options.retainSeconds));
  return {
    endGrant: (grant) => store.set(grantEndedKey(grant), '1', retain),
    publishAccess: (userId, access) => store.set(accessKey(userId), JSON.stringify(access), retain),
    endSession: (sessionId) => store.set(sessionKey(sessionId), JSON.stringify({ ended: true } satisfies SessionState), retain),
    recordFactor: (sessionId, atMs) => store.set(sessionKey(sessionId), JSON.stringify({ mfaVerifiedAt: atMs } satisfies SessionState), retain),
    async current(principal) {
      if (principal.kind === 'customer') return principal.grant && (await store.get(grantEndedKey(principal.grant))) ? null : principal;
      if (principal.kind !== 'staff') return principal;
      const [user, session] = await Promise.all([store.get(accessKey(principal.userId)), principal.sessionId ? store.get(sessionKey(principal.sessionId)) : null]);
      const state = session ? (JSON.parse(session) as SessionState) : {};
      if (state.ended) return null;
      const access = user ? (JSON.parse(user) as UserAccess) : null;
      const mfaVerifiedAt = Math.max(principal.mfaVerifiedAt ?? 0, state.mfaVerifiedAt ?? 0) || undefined;
      const { mfaEnrolled: _fromToken, ...rest } = principal;
      const mfaEnrolled = access ? access.mfaEnrolled : principal.mfaEnrolled;
      return {
        ...rest,
        ...(access ? { roles: access.roles } : {}),
        ...(mfaVerifiedAt ? { mfaVerifiedAt } : {}),
        ...(mfaEnrolled ? { mfaEnrolled: true } : {}),
      };
    },
  };
}
