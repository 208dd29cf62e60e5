import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  appError,
  createAttemptThrottle,
  ErrorCode,
  forbidden,
  parseInput,
  requireRecentFactor,
  requireStaff,
  unauthenticated,
  type ClientInfo,
  type KeyValueStore,
  type Principal,
  type SecretBox,
  type StaffPrincipal,
  type ThrottleRule,
} from '@cip/platform';
import { LoginAddressRepository } from '../data/login-address';
import { MfaRepository, mfaPolicies, totpSecretContext, type MfaPolicy } from '../data/mfa';
import { UserRepository, type User } from '../data/user';
import type { Session, Sessions } from './sessions';
import type { ThreatDetector } from './threats';
import { hashSecret, newSecret } from './tokens';
import { matchTotp, newTotpSecret, totpProvisioning } from './totp';

const issuer = 'Courtesy Inspection Platform';
const recoveryCodeCount = 10;
const challengeLifetimeMs = 5 * 60 * 1000;
const challengeAttempts = 5;

/** Second-factor failures per user: 5 free, then 1 s, 2 s, 4 s … up to 15 minutes. */
const factorRule: ThrottleRule = { free: 5, baseDelaySeconds: 1, maxDelaySeconds: 15 * 60, windowSeconds: 3600, resetOnSuccess: true };

/** Ten characters from an alphabet without look-alikes, shown as XXXXX-XXXXX; about 50 bits each. */
function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}
const canonicalRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const hashRecoveryCode = (code: string) => hashSecret(`recovery:${canonicalRecoveryCode(code)}`);

const codeInput = z.object({ code: z.string().trim().min(1).max(40) });
const challengeInput = z.object({ challenge: z.string().min(1).max(200), code: z.string().trim().min(1).max(40) });
const policyInput = z.object({ policy: z.enum(mfaPolicies) });

export interface TotpEnrollment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

export interface MfaStatus {
  totpEnabled: boolean;
  recoveryCodesLeft: number;
  enrollmentRequired: boolean;
  verifiedAt: Date | null;
}

const wrongCode = () => unauthenticated('The code is not valid.');

/** Authenticator-app factors, recovery codes, the sign-in challenge, step-up and the organization's MFA policy. */
export class MultiFactor {
  private readonly throttle;

  constructor(
    private readonly dataSource: DataSource,
    store: KeyValueStore,
    private readonly sessions: Sessions,
    private readonly threats: ThreatDetector,
    private readonly secrets: SecretBox,
  ) {
    this.throttle = createAttemptThrottle(store);
  }

  async status(principal: Principal | null): Promise<MfaStatus> {
    const staff = requireStaff(principal);
    const mfa = new MfaRepository(this.dataSource.manager);
    const [factor, left, access] = await Promise.all([
      mfa.totpOf(staff.userId),
      mfa.recoveryCodesLeft(staff.userId),
      this.sessions.accessOf(this.dataSource.manager, { id: staff.userId, orgId: staff.orgId }),
    ]);
    return {
      totpEnabled: Boolean(factor?.confirmedAt),
      recoveryCodesLeft: left,
      enrollmentRequired: access.enrollmentRequired,
      verifiedAt: staff.mfaVerifiedAt ? new Date(staff.mfaVerifiedAt) : null,
    };
  }

  /** Starts enrolling an authenticator app. Replacing a confirmed one is an MFA change, so it needs step-up. */
  async enrollTotp(principal: Principal | null): Promise<TotpEnrollment> {
    const staff = requireStaff(principal);
    const mfa = new MfaRepository(this.dataSource.manager);
    if ((await mfa.totpOf(staff.userId))?.confirmedAt) requireRecentFactor(staff);
    const [user] = await new UserRepository(this.dataSource.manager).findByIds([staff.userId]);
    if (!user) throw unauthenticated('The user of this token no longer exists.');
    const secret = newTotpSecret();
    await mfa.startTotp(staff.userId, this.secrets.seal(secret, totpSecretContext(staff.userId)));
    const { uri, qrCodeDataUrl } = await totpProvisioning(secret, user.email, issuer);
    return { secret, otpauthUri: uri, qrCodeDataUrl };
  }

  /** Confirms the enrollment with a first code; answers the ten recovery codes, shown this once. The session counts as verified. */
  async confirmTotp(principal: Principal | null, input: unknown, client: ClientInfo): Promise<string[]> {
    const staff = requireStaff(principal);
    const { code } = parseInput(codeInput, input);
    const codes = await this.guarded(staff.userId, client, () =>
      this.dataSource.transaction(async (manager) => {
        const mfa = new MfaRepository(manager);
        const factor = await mfa.totpOf(staff.userId, { forUpdate: true });
        if (!factor) throw appError(ErrorCode.BAD_USER_INPUT, 'Start with enrollTotp.', { field: 'code' });
        const step = await matchTotp({ secret: this.secrets.open(factor.secret, totpSecretContext(staff.userId)), code, afterTimeStep: factor.lastTimeStep });
        if (step === null) return null;
        await mfa.useTimeStep(staff.userId, step, true);
        return this.replaceRecoveryCodes(manager, staff.userId);
      }),
    );
    await this.verified(staff);
    return codes;
  }

  /** Step-up: verifies a code (authenticator or recovery) for the caller's current session. */
  async verify(principal: Principal | null, input: unknown, client: ClientInfo): Promise<Date> {
    const staff = requireStaff(principal);
    const { code } = parseInput(codeInput, input);
    await this.guarded(staff.userId, client, () => this.dataSource.transaction((manager) => this.checkFactor(manager, staff.userId, code)));
    return this.verified(staff);
  }

  /** New recovery codes in place of the old ones. An MFA change: needs step-up. */
  async regenerateRecoveryCodes(principal: Principal | null): Promise<string[]> {
    const staff = requireRecentFactor(principal);
    if (!staff.mfaEnrolled) throw forbidden('Enroll an authenticator app first.');
    return this.dataSource.transaction((manager) => this.replaceRecoveryCodes(manager, staff.userId));
  }

  /** Sets the organization's MFA policy. Owners, with a second factor of their own verified in the last 10 minutes. */
  async setPolicy(principal: Principal | null, input: unknown): Promise<MfaPolicy> {
    const staff = requireRecentFactor(principal);
    if (!Object.values(staff.roles).includes('OWNER')) throw forbidden('Only an owner can change the MFA policy.');
    const { policy } = parseInput(policyInput, input);
    if (policy !== 'OFF' && !staff.mfaEnrolled) throw forbidden('Enroll a second factor yourself before requiring one of others.');
    const users = await this.dataSource.transaction(async (manager) => {
      await new MfaRepository(manager).setPolicy(staff.orgId, policy);
      return new UserRepository(manager).listByOrg(staff.orgId);
    });
    await this.sessions.publishAccess(...users);
    return policy;
  }

  /** The password step for a user with a factor: a challenge to complete with `completeLogin`, never a session. */
  async challenge(user: User, client: ClientInfo): Promise<never> {
    const token = newSecret();
    const expiresAt = new Date(Date.now() + challengeLifetimeMs);
    await new MfaRepository(this.dataSource.manager).createChallenge({ userId: user.id, tokenHash: hashSecret(token), clientAddress: client.address, expiresAt });
    throw appError(ErrorCode.MFA_REQUIRED, 'Enter the code from your authenticator app or a recovery code (completeMfaLogin).', {
      reason: 'SIGN_IN',
      mfaChallenge: token,
      mfaChallengeExpiresAt: expiresAt.toISOString(),
    });
  }

  policyOf(orgId: string): Promise<MfaPolicy> {
    return new MfaRepository(this.dataSource.manager).policyOf(orgId);
  }

  async hasFactor(userId: string): Promise<boolean> {
    return (await new MfaRepository(this.dataSource.manager).confirmedUserIds([userId])).has(userId);
  }

  /** The second sign-in step: a challenge from `login` and a code; each challenge works once, for 5 minutes and 5 tries. */
  async completeLogin(input: unknown, client: ClientInfo): Promise<Session> {
    const values = parseInput(challengeInput, input);
    const challenge = await new MfaRepository(this.dataSource.manager).attemptChallenge(hashSecret(values.challenge));
    const usable = challenge && !challenge.completedAt && challenge.expiresAt.getTime() > Date.now() && challenge.attempts <= challengeAttempts;
    if (!usable) throw unauthenticated('This sign-in has expired; sign in again.');
    return this.guarded(challenge.userId, client, () =>
      this.dataSource.transaction(async (manager) => {
        if (!(await this.checkFactor(manager, challenge.userId, values.code, false))) return null;
        await new MfaRepository(manager).completeChallenge(challenge.id);
        const [user] = await new UserRepository(manager).findByIds([challenge.userId]);
        if (!user) return null;
        const newAddress = await new LoginAddressRepository(manager).remember(manager, user.id, client.address);
        await this.threats.loginSucceeded(manager, user, client, newAddress);
        return this.sessions.issue(manager, user, undefined, new Date());
      }),
    );
  }

  /** Checks an authenticator code (each usable once) or an unused recovery code; throws unless `soft`. */
  private async checkFactor(manager: EntityManager, userId: string, code: string, soft = false): Promise<true | null> {
    const mfa = new MfaRepository(manager);
    const factor = await mfa.totpOf(userId, { forUpdate: true });
    if (!factor?.confirmedAt) {
      if (soft) return null;
      throw forbidden('Enroll an authenticator app first.');
    }
    if (/^\d{6}$/.test(code)) {
      const step = await matchTotp({ secret: this.secrets.open(factor.secret, totpSecretContext(userId)), code, afterTimeStep: factor.lastTimeStep });
      if (step === null) return null;
      await mfa.useTimeStep(userId, step, false);
      return true;
    }
    return (await mfa.useRecoveryCode(userId, hashRecoveryCode(code))) ? true : null;
  }

  /** Runs a code check under the per-user throttle; a null outcome is a wrong code, and a security event. */
  private async guarded<T>(userId: string, client: ClientInfo, check: () => Promise<T | null>): Promise<T> {
    const attempt = await this.throttle.begin([{ scope: 'mfa:user', identity: userId, rule: factorRule }]);
    const outcome = await check();
    if (outcome === null) {
      await attempt.failed();
      await this.threats.mfaFailed(userId, client);
      throw wrongCode();
    }
    await attempt.succeeded();
    return outcome;
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    await new MfaRepository(manager).replaceRecoveryCodes(userId, codes.map(hashRecoveryCode));
    return codes;
  }

  private async verified(staff: StaffPrincipal): Promise<Date> {
    await this.sessions.publishAccess({ id: staff.userId, orgId: staff.orgId });
    if (!staff.sessionId) throw unauthenticated('This token belongs to no session; sign in again.');
    return this.sessions.recordFactor(staff.sessionId);
  }
}
