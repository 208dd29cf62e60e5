import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadSigningKey } from '../src/auth/keys';
import { ConfigError, loadConfig } from '../src/config';
import { createRuntime, type SubgraphDefinition } from '../src/runtime';

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

describe('the staging profile', () => {
  it("refuses production's development switches but introspection, and reporting to the production variant in Studio, naming each variable", () => {
    const attempt = () => loadConfig('gateway', { NODE_ENV: 'staging', INTROSPECTION: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', APOLLO_KEY: 'service:cip:x', APOLLO_GRAPH_REF: 'cip@current' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['WEBHOOK_ALLOW_PRIVATE_TARGETS', 'APOLLO_GRAPH_REF']);
    }
    const staging = loadConfig('gateway', { NODE_ENV: 'staging', INTROSPECTION: 'true', APOLLO_KEY: 'service:cip:x', APOLLO_GRAPH_REF: 'cip@staging' });
    expect({ deployed: staging.deployed, introspection: staging.introspection }).toEqual({ deployed: true, introspection: true });
  });

  it('starts like production otherwise: introspection and private webhook targets off by default, no generated signing key, no subgraph without the gateway credential', async () => {
    const staging = loadConfig('shops', { NODE_ENV: 'staging', MFA_SECRET_KEY: randomBytes(32).toString('base64') });
    expect({ deployed: staging.deployed, introspection: staging.introspection, privateTargets: staging.webhooks.allowPrivateTargets }).toEqual({ deployed: true, introspection: false, privateTargets: false });
    await expect(loadSigningKey(staging)).rejects.toThrow(/AUTH_PRIVATE_KEY is required in staging/);
    const definition: SubgraphDefinition = { name: 'shops', entities: [], migrations: [], createApp: () => ({}) as never };
    await expect(createRuntime(definition, staging, { databaseUrl: 'postgres://127.0.0.1:9/unused' })).rejects.toThrow(/GATEWAY_SECRET must be set in staging/);
    expect(loadConfig('shops', { NODE_ENV: 'development' }).deployed).toBe(false);
  });
});

describe('media storage', () => {
  it('keeps media in S3 in production, refusing to start the inspections subgraph without a bucket', () => {
    expect(() => loadConfig('inspections', { NODE_ENV: 'production' })).toThrow(/MEDIA_S3_BUCKET: is required in production and staging: local disk is per process/);
    expect(loadConfig('inspections', { NODE_ENV: 'production', MEDIA_S3_BUCKET: 'cip-media', MEDIA_S3_ENDPOINT: 'http://127.0.0.1:9000', MEDIA_S3_FORCE_PATH_STYLE: 'true' }).media).toEqual({
      store: 's3',
      bucket: 'cip-media',
      region: undefined,
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
    });
    expect(loadConfig('gateway', { NODE_ENV: 'production' }).media).toEqual({ store: 'local' });
  });

  it('uses local disk by default outside production, and in production only when told to', () => {
    expect(loadConfig('inspections', {}).media).toEqual({ store: 'local' });
    expect(loadConfig('inspections', { NODE_ENV: 'production', MEDIA_STORE: 'local' }).media).toEqual({ store: 'local' });
    expect(() => loadConfig('gateway', { MEDIA_STORE: 's3' })).toThrow(/MEDIA_S3_BUCKET: is required with MEDIA_STORE=s3/);
  });
});
