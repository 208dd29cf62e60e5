import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

const run = promisify(execFile);

describe('configuration', () => {
  it('has a working default for everything when run locally', () => {
    const config = loadConfig('gateway', {});
    expect(config.port).toBe(4000);
    expect(config.database.url).toBeUndefined();
    expect(config.subgraphUrls.shops).toBe('http://127.0.0.1:4001/graphql');
    expect(config.introspection).toBe(true);
  });

  it('names every bad variable in one error', () => {
    const attempt = () => loadConfig('gateway', { PORT: 'abc', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
      expect((error as Error).message).toMatch(/PORT:/);
    }
  });

  it('sends customer messages only when configured, and names what an SMS provider still needs', () => {
    expect(loadConfig('shops', {}).messaging).toMatchObject({ smtpUrl: undefined, sms: undefined, maxAttempts: 5, retryBaseSeconds: 60 });
    expect(() => loadConfig('shops', { SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    try {
      loadConfig('shops', { SMS_API_URL: 'https://api.twilio.com', SMS_FROM: '+15005550006' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN']);
    }
    const configured = loadConfig('shops', { SMS_API_URL: 'https://api.twilio.com/', SMS_ACCOUNT_SID: 'AC1', SMS_AUTH_TOKEN: 'secret', SMS_FROM: '+15005550006' });
    expect(configured.messaging.sms).toEqual({ apiUrl: 'https://api.twilio.com', accountSid: 'AC1', authToken: 'secret', from: '+15005550006', statusCallbackUrl: undefined });
  });

  it('splits replica URLs and turns off introspection in production', () => {
    const config = loadConfig('analytics', {
      NODE_ENV: 'production',
      DATABASE_REPLICA_URLS: 'postgres://r1/db, postgres://r2/db',
    });
    expect(config.database.replicaUrls).toEqual(['postgres://r1/db', 'postgres://r2/db']);
    expect(config.introspection).toBe(false);
    expect(config.port).toBe(4005);
  });

  it('seals MFA secrets under MFA_SECRET_KEY, keeps previous keys for reading, and refuses to run shops deployed without one', () => {
    const key = randomBytes(32).toString('base64');
    const old = randomBytes(32).toString('base64');
    const configured = loadConfig('shops', { NODE_ENV: 'production', MFA_SECRET_KEY: key, MFA_SECRET_KEYS_PREVIOUS: ` ${old} ` }).mfa.secretKeys;
    expect(configured.current.toString('base64')).toBe(key);
    expect(configured.previous.map((k) => k.toString('base64'))).toEqual([old]);

    const development = loadConfig('shops', {}).mfa.secretKeys.current;
    expect(development).toHaveLength(32);
    expect(loadConfig('shops', { NODE_ENV: 'test' }).mfa.secretKeys.current.equals(development)).toBe(true);

    for (const env of ['production', 'staging']) {
      expect(() => loadConfig('shops', { NODE_ENV: env })).toThrow(/MFA_SECRET_KEY: is required in /);
      expect(() => loadConfig('shops', { NODE_ENV: env, MFA_SECRET_KEY: development.toString('base64') })).toThrow(/MFA_SECRET_KEY: is required in /);
    }
    expect(loadConfig('analytics', { NODE_ENV: 'production' }).service).toBe('analytics');
    expect(() => loadConfig('shops', { MFA_SECRET_KEY: randomBytes(16).toString('base64') })).toThrow(/MFA_SECRET_KEY: must be 32 random bytes, base64-encoded/);
    expect(() => loadConfig('shops', { MFA_SECRET_KEYS_PREVIOUS: `${old},not-a-key` })).toThrow(/MFA_SECRET_KEYS_PREVIOUS: each must be 32 random bytes/);
  });

  it.each([
    ['gateway', 'gateway/src/main.ts'],
    ['a subgraph', 'subgraphs/shops/src/main.ts'],
  ])('stops %s at start-up with a message naming PORT when PORT=abc', async (_label, entry) => {
    const failure = await run(process.execPath, ['--import', 'tsx', entry], {
      cwd: new URL('../../../', import.meta.url).pathname,
      env: { ...process.env, PORT: 'abc' },
      timeout: 110_000,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(78);
    expect(failure?.stderr).toMatch(/PORT: .*number/i);
  });
});
