import type { DataSource } from 'typeorm';
import { createAttemptThrottle, normalizeEmail, unauthenticated, type ClientInfo, type KeyValueStore, type ThrottleKey, type ThrottleRule } from '@cip/platform';
import { LoginAddressRepository } from '../data/login-address';
import { UserRepository } from '../data/user';
import { verifyPassword } from './passwords';
import type { MultiFactor } from './mfa';
import type { Session, Sessions } from './sessions';
import type { ThreatDetector } from './threats';

const hour = 3600;

/**
 * Login throttling. An account at one address gets 5 free failures, then waits 1 s, 2 s, 4 s … up to
 * 15 minutes; an account from addresses it never signed in from (one attacker with many addresses)
 * gets 10, then up to 5 minutes; one address across every account (password spraying) gets 30, then up
 * to 15 minutes. The owner signing in from an address they used before is never held up by strangers'
 * failures elsewhere, and nothing locks for good.
 */
export const loginRules: Record<'pair' | 'account' | 'address', ThrottleRule> = {
  pair: { free: 5, baseDelaySeconds: 1, maxDelaySeconds: 15 * 60, windowSeconds: hour, resetOnSuccess: true },
  account: { free: 10, baseDelaySeconds: 1, maxDelaySeconds: 5 * 60, windowSeconds: hour, resetOnSuccess: true },
  address: { free: 30, baseDelaySeconds: 1, maxDelaySeconds: 15 * 60, windowSeconds: hour, resetOnSuccess: false },
};

const wrongCredentials = () => unauthenticated('E-mail or password is wrong.');

/** Signing in with e-mail and password. */
export class SignIn {
  private readonly throttle;
  private readonly users;
  private readonly addresses;

  constructor(
    private readonly dataSource: DataSource,
    store: KeyValueStore,
    private readonly sessions: Sessions,
    private readonly mfa: MultiFactor,
    private readonly threats: ThreatDetector,
  ) {
    this.throttle = createAttemptThrottle(store);
    this.users = new UserRepository(dataSource.manager);
    this.addresses = new LoginAddressRepository(dataSource.manager);
  }

  /**
   * The session for a correct e-mail and password; a wrong e-mail and a wrong password answer alike. A
   * user with a second factor gets MFA_REQUIRED with a challenge instead, completed by `completeMfaLogin`.
   */
  async login(input: { email: string; password: string }, client: ClientInfo): Promise<Session> {
    const email = normalizeEmail(input.email);
    const user = email.length <= 320 ? await this.users.findByEmail(email) : null;
    const familiar = user ? await this.addresses.isFamiliar(user.id, client.address) : false;
    const keys: ThrottleKey[] = [
      { scope: 'login:pair', identity: `${email}\n${client.address}`, rule: loginRules.pair },
      { scope: 'login:address', identity: client.address, rule: loginRules.address },
      ...(familiar ? [] : [{ scope: 'login:account', identity: email, rule: loginRules.account }]),
    ];
    const attempt = await this.throttle.begin(keys);
    const correct = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!correct || !user) {
      await attempt.failed();
      await this.threats.loginFailed(email, user, client);
      throw wrongCredentials();
    }
    await attempt.succeeded();
    if (await this.mfa.hasFactor(user.id)) return this.mfa.challenge(user, client);
    return this.dataSource.transaction(async (manager) => {
      const newAddress = await this.addresses.remember(manager, user.id, client.address);
      await this.threats.loginSucceeded(manager, user, client, newAddress);
      return this.sessions.issue(manager, user);
    });
  }
}

