import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { execute, parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPem, signingKeyFromPem } from '../src/auth/keys';
import { principalOf, type Principal } from '../src/auth/principal';
import { createTokenSigner, createTokenVerifier } from '../src/auth/tokens';
import { mintOperatorToken } from '../src/operators/token';
import { createSubgraphBuilder, type PrincipalContext } from '../src/schema/builder';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const shopId = '00000000-0000-4000-8000-000000000001';
const auth = { issuer: 'courtesy-inspection-platform', audience: 'cip-api' };

const { builder, toSchema } = createSubgraphBuilder<PrincipalContext>();
builder.queryFields((t) => ({
  flagBoard: t.string({ authScopes: { operator: true }, description: 'Operators only.', resolve: () => 'flags' }),
  shopName: t.string({
    description: 'Anyone who may read the shop.',
    args: { shopId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ readShop: args.shopId }),
    resolve: () => 'name',
  }),
  staffNote: t.string({ authScopes: { staff: true }, description: 'Staff only.', resolve: () => 'note' }),
}));
const schema = toSchema();

async function ask(query: string, principal: Principal | null) {
  const result = await execute({ schema, document: parse(query), contextValue: { principal } });
  return { data: result.data, codes: (result.errors ?? []).map((e) => e.extensions.code) };
}

const dataDirs: string[] = [];
afterAll(async () => Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

function script(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'scripts/operator-token.ts', ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', ...env } }).then(
    (out) => ({ code: 0, ...out }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('platform operators', () => {
  it('verify as operators from a token the platform signed, and reach operator fields only', async () => {
    const key = await signingKeyFromPem(await generateSigningKeyPem());
    const { token } = await mintOperatorToken(createTokenSigner(key, auth), 'ada.ops', 600);
    const operator = await createTokenVerifier({ ...auth, publicJwks: { keys: [key.publicJwk] } }).verify(token);
    expect(operator).toMatchObject({ kind: 'operator', operator: 'ada.ops' });

    expect((await ask('{ flagBoard }', operator)).data).toEqual({ flagBoard: 'flags' });
    expect((await ask(`{ shopName(shopId: "${shopId}") }`, operator)).codes).toEqual(['NOT_FOUND']);
    expect((await ask('{ staffNote }', operator)).codes).toEqual(['FORBIDDEN']);
    const owner: Principal = { kind: 'staff', userId: 'u', orgId: 'o', roles: { [shopId]: 'OWNER' }, expiresAt: 0 };
    expect((await ask('{ flagBoard }', owner)).codes).toEqual(['FORBIDDEN']);
    expect((await ask('{ flagBoard }', null)).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('refuse claims that do not name the operator consistently', () => {
    expect(principalOf({ sub: 'ada', kind: 'operator', op: 'eve' })).toBeNull();
    expect(principalOf({ sub: 'Robert; DROP', kind: 'operator', op: 'Robert; DROP' })).toBeNull();
  });

  it('mint through npm run operator:token; a development key does not verify where another key is configured', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cip-operator-'));
    dataDirs.push(dataDir);
    const minted = await script({ DATA_DIR: dataDir, NODE_ENV: 'development' }, 'grace', '--ttl', '900');
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim();
    const productionKey = await signingKeyFromPem(await generateSigningKeyPem());
    const production = createTokenVerifier({ ...auth, publicJwks: { keys: [productionKey.publicJwk] } });
    await expect(production.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });

    const refused = await script({ DATA_DIR: dataDir, NODE_ENV: 'production', AUTH_PRIVATE_KEY: '' }, 'grace');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/AUTH_PRIVATE_KEY is required in production/);
    const tooLong = await script({ DATA_DIR: dataDir }, 'grace', '--ttl', String(13 * 3600));
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toMatch(/lifetime/);
  });

  it('mint for an hour when no lifetime is given, and refuse to mint for no one', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cip-operator-'));
    dataDirs.push(dataDir);
    const minted = await script({ DATA_DIR: dataDir, NODE_ENV: 'development' }, 'grace');
    expect(minted.code).toBe(0);
    const claims = JSON.parse(Buffer.from(minted.stdout.trim().split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(60 * 60);
    const nameless = await script({ DATA_DIR: dataDir });
    expect(nameless).toMatchObject({ code: 1, stdout: '' });
    expect(nameless.stderr).toContain('Name the operator: npm run operator:token -- <name> [--ttl seconds]');
  });
});
