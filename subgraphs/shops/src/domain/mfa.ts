import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  appError,
  createAttemptThrottle,
  ErrorCode,
  forbidden,
  notFound,
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
import { MfaRepository, mfaPolicies, totpSecretContext, type MfaChallenge, type MfaPolicy } from '../data/mfa';
import { PasskeyRepository, type Passkey } from '../data/passkey';
import { UserRepository, type User } from '../data/user';
import { authenticationResponseInput, registrationResponseInput, type PasskeyCeremonies } from './passkeys';
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
const passkeyRegistrationInput = z.object({ response: registrationResponseInput, name: z.string().trim().min(1).max(60).nullish() });
const passkeyVerificationInput = z.object({ response: authenticationResponseInput });
const passkeyChallengeInput = z.object({ challenge: z.string().min(1).max(200) });
const passkeyLoginInput = z.object({ challenge: z.string().min(1).max(200), response: authenticationResponseInput });
const passkeyIdInput = z.object({ id: z.string().uuid() });

export interface PasskeyRegistration {
  passkey: Passkey;
  recoveryCodes: string[];
}

export interface TotpEnrollment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

export interface MfaStatus {
  totpEnabled: boolean;
  passkeys: Passkey[];
  recoveryCodesLeft: number;
  enrollmentRequired: boolean;
  verifiedAt: Date | null;
}

const wrongCode = () => unauthenticated('The code or passkey answer is not valid.');
/** A challenge used up, expired or unknown: `reason` tells a client to ask for the password again rather than another code. */
const expiredSignIn = () => appError(ErrorCode.UNAUTHENTICATED, 'This sign-in has expired; sign in again.', { reason: 'MFA_CHALLENGE_EXPIRED' });
const usable = (challenge: MfaChallenge) => !challenge.completedAt && challenge.expiresAt.getTime() > Date.now() && challenge.attempts <= challengeAttempts;
const registrationKey = (userId: string) => `register:${userId}`;
const verificationKey = (sessionId: string) => `verify:${sessionId}`;
const loginKey = (challengeHash: string) => `login:${challengeHash}`;

/** Authenticator-app and passkey factors, recovery codes, the sign-in challenge, step-up and the organization's MFA policy. */
export class MultiFactor {
  private readonly throttle;

  constructor(
    private readonly dataSource: DataSource,
    store: KeyValueStore,
    private readonly sessions: Sessions,
    private readonly threats: ThreatDetector,
    private readonly secrets: SecretBox,
    private readonly ceremonies: PasskeyCeremonies,
  ) {
    this.throttle = createAttemptThrottle(store);
  }

  async status(principal: Principal | null): Promise<MfaStatus> {
    const staff = requireStaff(principal);
    const mfa = new MfaRepository(this.dataSource.manager);
    const [factor, passkeys, left, access] = await Promise.all([
      mfa.totpOf(staff.userId),
      new PasskeyRepository(this.dataSource.manager).listOf(staff.userId),
      mfa.recoveryCodesLeft(staff.userId),
      this.sessions.accessOf(this.dataSource.manager, { id: staff.userId, orgId: staff.orgId }),
    ]);
    return {
      totpEnabled: Boolean(factor?.confirmedAt),
      passkeys,
      recoveryCodesLeft: left,
      enrollmentRequired: access.enrollmentRequired,
      verifiedAt: staff.mfaVerifiedAt ? new Date(staff.mfaVerifiedAt) : null,
    };
  }

  /** Starts enrolling an authenticator app. With a factor already there it is an MFA change, so it needs step-up. */
  async enrollTotp(principal: Principal | null): Promise<TotpEnrollment> {
    const staff = requireStaff(principal);
    const mfa = new MfaRepository(this.dataSource.manager);
    if (await this.hasFactor(staff.userId)) requireRecentFactor(staff);
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

  /** New recovery codes in place of the old ones. An MFA change: its field declares step-up. */
  async regenerateRecoveryCodes(principal: Principal | null): Promise<string[]> {
    const staff = requireStaff(principal);
    if (!staff.mfaEnrolled) throw forbidden('Enroll an authenticator app or a passkey first.');
    return this.dataSource.transaction((manager) => this.replaceRecoveryCodes(manager, staff.userId));
  }

  /** Starts registering a passkey: the options for `navigator.credentials.create()`. With a factor already there it is an MFA change, so it needs step-up. */
  async startPasskeyRegistration(principal: Principal | null): Promise<unknown> {
    const staff = requireStaff(principal);
    if (await this.hasFactor(staff.userId)) requireRecentFactor(staff);
    const [user] = await new UserRepository(this.dataSource.manager).findByIds([staff.userId]);
    if (!user) throw unauthenticated('The user of this token no longer exists.');
    const existing = await new PasskeyRepository(this.dataSource.manager).listOf(staff.userId);
    return this.ceremonies.registrationOptions(registrationKey(staff.userId), user, existing);
  }

  /**
   * Stores the passkey the browser created for the pending registration. A first factor comes with ten
   * recovery codes, shown this once. The session counts as verified.
   */
  async finishPasskeyRegistration(principal: Principal | null, input: unknown, client: ClientInfo): Promise<PasskeyRegistration> {
    const staff = requireStaff(principal);
    const { response, name } = parseInput(passkeyRegistrationInput, input);
    const registration = await this.guarded(staff.userId, client, () => this.ceremonies.verifyRegistration(registrationKey(staff.userId), response));
    const outcome = await this.dataSource.transaction(async (manager) => {
      const first = !(await new MfaRepository(manager).confirmedUserIds([staff.userId])).has(staff.userId);
      const passkey = await new PasskeyRepository(manager).add({ userId: staff.userId, name: name ?? 'Passkey', ...registration });
      if (!passkey) throw appError(ErrorCode.CONFLICT, 'This passkey is already registered.');
      return { passkey, recoveryCodes: first ? await this.replaceRecoveryCodes(manager, staff.userId) : [] };
    });
    await this.verified(staff);
    return outcome;
  }

  /** Step-up with a passkey, first step: the options for `navigator.credentials.get()`, for this session. */
  async startPasskeyVerification(principal: Principal | null): Promise<unknown> {
    const staff = requireStaff(principal);
    if (!staff.sessionId) throw unauthenticated('This token belongs to no session; sign in again.');
    return this.passkeyOptions(staff.userId, verificationKey(staff.sessionId));
  }

  /** Step-up with a passkey, second step: the browser's assertion for the session's pending challenge. */
  async verifyPasskey(principal: Principal | null, input: unknown, client: ClientInfo): Promise<Date> {
    const staff = requireStaff(principal);
    const { response } = parseInput(passkeyVerificationInput, input);
    if (!staff.sessionId) throw unauthenticated('This token belongs to no session; sign in again.');
    const key = verificationKey(staff.sessionId);
    await this.guarded(staff.userId, client, () => this.dataSource.transaction((manager) => this.checkPasskey(manager, staff.userId, key, response)));
    return this.verified(staff);
  }

  /** Removes one of the caller's passkeys. An MFA change: its field declares step-up. */
  async removePasskey(principal: Principal | null, input: unknown): Promise<boolean> {
    const staff = requireStaff(principal);
    const { id } = parseInput(passkeyIdInput, input);
    const removed = await new PasskeyRepository(this.dataSource.manager).remove(staff.userId, id);
    if (!removed) throw notFound('Passkey', id);
    await this.sessions.publishAccess({ id: staff.userId, orgId: staff.orgId });
    return true;
  }

  /** Sets the organization's MFA policy. Owners, with a second factor of their own (its field declares step-up). */
  async setPolicy(principal: Principal | null, input: unknown): Promise<MfaPolicy> {
    const staff = requireStaff(principal);
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

  /** The password step for a user with a factor: a challenge to complete with `completeLogin` or a passkey, never a session. */
  async challenge(user: User, client: ClientInfo): Promise<never> {
    const token = newSecret();
    const expiresAt = new Date(Date.now() + challengeLifetimeMs);
    const mfa = new MfaRepository(this.dataSource.manager);
    await mfa.createChallenge({ userId: user.id, tokenHash: hashSecret(token), clientAddress: client.address, expiresAt });
    const [totp, passkeys] = await Promise.all([mfa.totpOf(user.id), new PasskeyRepository(this.dataSource.manager).listOf(user.id)]);
    const factors = [...(totp?.confirmedAt ? ['TOTP'] : []), ...(passkeys.length ? ['PASSKEY'] : []), 'RECOVERY_CODE'];
    throw appError(ErrorCode.MFA_REQUIRED, 'Confirm it is you: a code from your authenticator app or a recovery code (completeMfaLogin), or a passkey (startPasskeyLogin).', {
      reason: 'SIGN_IN',
      mfaChallenge: token,
      mfaChallengeExpiresAt: expiresAt.toISOString(),
      mfaFactors: factors,
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
    return this.completeChallenge(values.challenge, client, (manager, userId) => this.checkFactor(manager, userId, values.code));
  }

  /** The second sign-in step with a passkey, first half: the options for `navigator.credentials.get()` for a challenge from `login`. */
  async startPasskeyLogin(input: unknown): Promise<unknown> {
    const values = parseInput(passkeyChallengeInput, input);
    const tokenHash = hashSecret(values.challenge);
    const challenge = await new MfaRepository(this.dataSource.manager).challengeOf(tokenHash);
    if (!challenge || !usable(challenge)) throw expiredSignIn();
    return this.passkeyOptions(challenge.userId, loginKey(tokenHash));
  }

  /** The second sign-in step with a passkey, second half: the browser's assertion; the challenge then works no more. */
  async completePasskeyLogin(input: unknown, client: ClientInfo): Promise<Session> {
    const values = parseInput(passkeyLoginInput, input);
    const key = loginKey(hashSecret(values.challenge));
    return this.completeChallenge(values.challenge, client, (manager, userId) => this.checkPasskey(manager, userId, key, values.response));
  }

  /** Completes a sign-in challenge once `check` accepts the user's factor; counts the attempt either way. */
  private async completeChallenge(token: string, client: ClientInfo, check: (manager: EntityManager, userId: string) => Promise<true | null>): Promise<Session> {
    const challenge = await new MfaRepository(this.dataSource.manager).attemptChallenge(hashSecret(token));
    if (!challenge || !usable(challenge)) throw expiredSignIn();
    return this.guarded(challenge.userId, client, () =>
      this.dataSource.transaction(async (manager) => {
        if (!(await check(manager, challenge.userId))) return null;
        await new MfaRepository(manager).completeChallenge(challenge.id);
        const [user] = await new UserRepository(manager).findByIds([challenge.userId]);
        if (!user) return null;
        const newAddress = await new LoginAddressRepository(manager).remember(manager, user.id, client.address);
        await this.threats.loginSucceeded(manager, user, client, newAddress);
        return this.sessions.issue(manager, user, undefined, new Date());
      }),
    );
  }

  /** Checks an authenticator code (each usable once) or an unused recovery code (with any factor enrolled). */
  private async checkFactor(manager: EntityManager, userId: string, code: string): Promise<true | null> {
    const mfa = new MfaRepository(manager);
    const factor = await mfa.totpOf(userId, { forUpdate: true });
    if (/^\d{6}$/.test(code)) {
      if (!factor?.confirmedAt) throw forbidden('Enroll an authenticator app first.');
      const step = await matchTotp({ secret: this.secrets.open(factor.secret, totpSecretContext(userId)), code, afterTimeStep: factor.lastTimeStep });
      if (step === null) return null;
      await mfa.useTimeStep(userId, step, false);
      return true;
    }
    if (!(await mfa.confirmedUserIds([userId])).has(userId)) throw forbidden('Enroll an authenticator app or a passkey first.');
    return (await mfa.useRecoveryCode(userId, hashRecoveryCode(code))) ? true : null;
  }

  /**
   * Checks a passkey assertion against the challenge pending under `key` and the user's passkey it names.
   * The signed counter must exceed the last one seen (unless the authenticator keeps none: both zero).
   */
  private async checkPasskey(manager: EntityManager, userId: string, key: string, response: z.infer<typeof authenticationResponseInput>): Promise<true | null> {
    const passkeys = new PasskeyRepository(manager);
    const passkey = await passkeys.ofUserForUpdate(userId, response.id);
    if (!passkey) {
      await this.ceremonies.discard(key);
      return null;
    }
    const counter = await this.ceremonies.verifyAuthentication(key, response, passkey);
    if (counter === null) return null;
    if ((counter > 0 || passkey.signCount > 0) && counter <= passkey.signCount) {
      throw appError(ErrorCode.PASSKEY_COUNTER_REGRESSION, 'This passkey signed with a counter it had already used: it may have been copied, so it was not accepted.');
    }
    await passkeys.recordUse(passkey.id, counter);
    return true;
  }

  private async passkeyOptions(userId: string, key: string): Promise<unknown> {
    const passkeys = await new PasskeyRepository(this.dataSource.manager).listOf(userId);
    if (!passkeys.length) throw forbidden('Register a passkey first.');
    return this.ceremonies.authenticationOptions(key, passkeys);
  }

  /** Runs a factor check under the per-user throttle; a null outcome (a wrong code or passkey answer) or a counter regression is a failure, and a security event. */
  private async guarded<T>(userId: string, client: ClientInfo, check: () => Promise<T | null>): Promise<T> {
    const attempt = await this.throttle.begin([{ scope: 'mfa:user', identity: userId, rule: factorRule }]);
    const failed = async () => {
      await attempt.failed();
      await this.threats.mfaFailed(userId, client);
    };
    const outcome = await check().catch(async (error: unknown) => {
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.PASSKEY_COUNTER_REGRESSION) await failed();
      throw error;
    });
    if (outcome === null) {
      await failed();
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
