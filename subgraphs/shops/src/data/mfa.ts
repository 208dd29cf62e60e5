import type { EntityManager } from 'typeorm';
import { queryRows } from '@cip/platform';

export const mfaPolicies = ['OFF', 'OWNERS_AND_MANAGERS', 'ALL_STAFF'] as const;
export type MfaPolicy = (typeof mfaPolicies)[number];

/** What a user's sealed authenticator secret is bound to: a row copied onto another user does not open. */
export const totpSecretContext = (userId: string) => `totp:${userId}`;

/**
 * A user's authenticator-app secret, sealed (AES-256-GCM, the platform's SecretBox): the row alone does not
 * reveal it. Counts once confirmed by a first code; `lastTimeStep` refuses a code used before.
 */
export interface TotpFactor {
  userId: string;
  secret: string;
  confirmedAt: Date | null;
  lastTimeStep: number | null;
}

export interface MfaChallenge {
  id: string;
  userId: string;
  clientAddress: string;
  attempts: number;
  expiresAt: Date;
  completedAt: Date | null;
}

/** Second factors, recovery codes and sign-in challenges. */
export class MfaRepository {
  constructor(private readonly manager: EntityManager) {}

  async totpOf(userId: string, options: { forUpdate?: boolean } = {}): Promise<TotpFactor | null> {
    const [row] = await queryRows<TotpFactor & { lastTimeStep: string | null }>(
      this.manager,
      `/* mfa.totpOf */ SELECT user_id AS "userId", secret, confirmed_at AS "confirmedAt", last_time_step AS "lastTimeStep"
       FROM shops.totp_factor WHERE user_id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
      [userId],
    );
    return row ? { ...row, lastTimeStep: row.lastTimeStep === null ? null : Number(row.lastTimeStep) } : null;
  }

  /** Starts (or restarts) an enrollment: an unconfirmed secret replaces any earlier unconfirmed one. */
  async startTotp(userId: string, secret: string): Promise<void> {
    await this.manager.query(
      `/* mfa.startTotp */ INSERT INTO shops.totp_factor (user_id, secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, confirmed_at = NULL, last_time_step = NULL, created_at = now()`,
      [userId, secret],
    );
  }

  async useTimeStep(userId: string, timeStep: number, confirm: boolean): Promise<void> {
    await this.manager.query(
      `/* mfa.useTimeStep */ UPDATE shops.totp_factor SET last_time_step = $2, confirmed_at = CASE WHEN $3 THEN coalesce(confirmed_at, now()) ELSE confirmed_at END WHERE user_id = $1`,
      [userId, timeStep, confirm],
    );
  }

  /** Users with a second factor: a confirmed authenticator app or a passkey. */
  async confirmedUserIds(userIds: readonly string[]): Promise<Set<string>> {
    const rows = await queryRows<{ userId: string }>(
      this.manager,
      `/* mfa.confirmedUserIds */ SELECT user_id AS "userId" FROM shops.totp_factor WHERE user_id = ANY($1::uuid[]) AND confirmed_at IS NOT NULL
       UNION SELECT user_id FROM shops.passkey WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Set(rows.map((row) => row.userId));
  }

  async replaceRecoveryCodes(userId: string, hashes: string[]): Promise<void> {
    await this.manager.query(`/* mfa.deleteRecoveryCodes */ DELETE FROM shops.recovery_code WHERE user_id = $1`, [userId]);
    await this.manager.query(
      `/* mfa.insertRecoveryCodes */ INSERT INTO shops.recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])`,
      [userId, hashes],
    );
  }

  /** Marks an unused recovery code of the user used; false when there is none with that hash. */
  async useRecoveryCode(userId: string, hash: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.manager,
      `/* mfa.useRecoveryCode */ WITH used AS (UPDATE shops.recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id)
       SELECT id FROM used`,
      [userId, hash],
    );
    return rows.length > 0;
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      this.manager,
      `/* mfa.recoveryCodesLeft */ SELECT count(*)::int AS count FROM shops.recovery_code WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return row.count;
  }

  async createChallenge(input: { userId: string; tokenHash: string; clientAddress: string; expiresAt: Date }): Promise<void> {
    await this.manager.query(
      `/* mfa.createChallenge */ INSERT INTO shops.mfa_challenge (user_id, token_hash, client_address, expires_at) VALUES ($1, $2, $3, $4)`,
      [input.userId, input.tokenHash, input.clientAddress, input.expiresAt],
    );
  }

  /** The challenge as it stands, without counting an attempt (to start a passkey ceremony for it). */
  async challengeOf(tokenHash: string): Promise<MfaChallenge | null> {
    const [row] = await queryRows<MfaChallenge>(
      this.manager,
      `/* mfa.challengeOf */ SELECT id, user_id AS "userId", client_address AS "clientAddress", attempts, expires_at AS "expiresAt", completed_at AS "completedAt"
       FROM shops.mfa_challenge WHERE token_hash = $1`,
      [tokenHash],
    );
    return row ?? null;
  }

  /** Locks the challenge and counts this attempt. */
  async attemptChallenge(tokenHash: string): Promise<MfaChallenge | null> {
    const [row] = await queryRows<MfaChallenge>(
      this.manager,
      `/* mfa.attemptChallenge */ WITH attempted AS (UPDATE shops.mfa_challenge SET attempts = attempts + 1 WHERE token_hash = $1 RETURNING *)
       SELECT id, user_id AS "userId", client_address AS "clientAddress", attempts, expires_at AS "expiresAt", completed_at AS "completedAt" FROM attempted`,
      [tokenHash],
    );
    return row ?? null;
  }

  async completeChallenge(id: string): Promise<void> {
    await this.manager.query(`/* mfa.completeChallenge */ UPDATE shops.mfa_challenge SET completed_at = now() WHERE id = $1`, [id]);
  }

  async policyOf(orgId: string): Promise<MfaPolicy> {
    const [row] = await queryRows<{ policy: MfaPolicy }>(this.manager, `/* mfa.policyOf */ SELECT mfa_policy AS policy FROM shops.organization WHERE id = $1`, [orgId]);
    return row?.policy ?? 'OFF';
  }

  async setPolicy(orgId: string, policy: MfaPolicy): Promise<void> {
    await this.manager.query(`/* mfa.setPolicy */ UPDATE shops.organization SET mfa_policy = $2 WHERE id = $1`, [orgId, policy]);
  }

  /** When the login last verified a factor (kept on its refresh tokens, so refreshed access tokens carry it). */
  async recordFactorOnFamily(familyId: string, at: Date): Promise<void> {
    await this.manager.query(`/* mfa.recordFactorOnFamily */ UPDATE shops.refresh_token SET mfa_verified_at = $2 WHERE family_id = $1`, [familyId, at]);
  }

  async factorVerifiedAtOfFamily(familyId: string): Promise<Date | null> {
    const [row] = await queryRows<{ at: Date | null }>(
      this.manager,
      `/* mfa.factorVerifiedAtOfFamily */ SELECT max(mfa_verified_at) AS at FROM shops.refresh_token WHERE family_id = $1`,
      [familyId],
    );
    return row?.at ?? null;
  }
}
