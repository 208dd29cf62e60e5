import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('the production profile', () => {
  it('refuses development switches at start, naming each variable', () => {
    const attempt = () => loadConfig('gateway', { NODE_ENV: 'production', INTROSPECTION: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['INTROSPECTION', 'WEBHOOK_ALLOW_PRIVATE_TARGETS']);
    }
  });

  it('accepts the same switches in development and test, and production without them', () => {
    expect(loadConfig('gateway', { NODE_ENV: 'development', INTROSPECTION: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }).introspection).toBe(true);
    expect(loadConfig('gateway', { NODE_ENV: 'test', INTROSPECTION: 'true' }).introspection).toBe(true);
    const production = loadConfig('gateway', { NODE_ENV: 'production', INTROSPECTION: 'false' });
    expect({ introspection: production.introspection, privateTargets: production.webhooks.allowPrivateTargets }).toEqual({ introspection: false, privateTargets: false });
  });
});
