import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { Encoder } from 'cbor-x';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, must, password, signUp, type SeededOrg } from '../support/seed';

/** Issue 16, MFA: WebAuthn passkeys as a second factor, with a software authenticator standing in for the browser's. */
let platform: TestPlatform;
let org: SeededOrg;
let origin: string;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops'] });
  org = await signUp(platform, 'Passkey Motors');
  origin = new URL(platform.subgraphs.shops!.runtime.config.publicUrl).origin;
});
afterAll(() => platform?.close());

const cbor = new Encoder({ useRecords: false, mapsAsObjects: false });
const b64url = (bytes: Buffer | Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

/**
 * An authenticator in software: one ES256 key per credential, 'none' attestation, a signature counter the
 * test may set (to play a cloned authenticator).
 */
class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly key: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  counter = 0;

  constructor(private readonly origin: string) {}

  /** What `navigator.credentials.create()` answers for `options`, as `PublicKeyCredential.toJSON()` writes it. */
  create(options: { challenge: string; rp: { id: string } }) {
    const clientDataJSON = this.clientData('webauthn.create', options.challenge);
    const jwk = this.key.publicKey.export({ format: 'jwk' });
    const coseKey = cbor.encode(
      new Map<number, number | Buffer>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, coseKey]);
    const authData = Buffer.concat([this.authData(options.rp.id, 0x45), attested]);
    const attestationObject = cbor.encode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal'] },
      clientExtensionResults: {},
    };
  }

  /** What `navigator.credentials.get()` answers for `options`, counting one more signature. */
  get(options: { challenge: string; rpId: string }) {
    this.counter += 1;
    const clientDataJSON = this.clientData('webauthn.get', options.challenge);
    const authenticatorData = this.authData(options.rpId, 0x05);
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), this.key.privateKey);
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authenticatorData), signature: b64url(signature) },
      clientExtensionResults: {},
    };
  }

  private clientData(type: string, challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  /** rpIdHash, flags (user present 0x01, verified 0x04, attested credential 0x40), counter. */
  private authData(rpId: string, flags: number): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), counter]);
  }
}

type Result = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
const codeOf = (result: Result) => result.errors?.[0]?.extensions?.code;
const login = (email: string) => platform.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password });
const challengeOf = (result: Result) => result.errors![0].extensions!.mfaChallenge as string;
const startLogin = async (challenge: string) => must(await platform.execute(`mutation($c: String!) { startPasskeyLogin(challenge: $c) }`, { c: challenge })).startPasskeyLogin;
const completeLogin = (challenge: string, response: unknown) =>
  platform.execute(`mutation($c: String!, $r: JSON!) { completePasskeyLogin(challenge: $c, response: $r) { accessToken user { id } } }`, { c: challenge, r: response });
const startVerification = async (token: string) => must(await platform.execute(`mutation { startPasskeyVerification }`, {}, { token })).startPasskeyVerification;
const verifyPasskey = (token: string, response: unknown) => platform.execute(`mutation($r: JSON!) { verifyPasskey(response: $r) }`, { r: response }, { token });
const signCount = async (credentialId: Buffer) =>
  Number((await platform.subgraphs.shops!.runtime.db.dataSource.query(`SELECT sign_count FROM shops.passkey WHERE credential_id = $1`, [b64url(credentialId)]))[0].sign_count);

async function register(token: string, authenticator: SoftwareAuthenticator, name: string) {
  const options = must(await platform.execute(`mutation { startPasskeyRegistration }`, {}, { token })).startPasskeyRegistration;
  const registration = `mutation($r: JSON!, $n: String) { finishPasskeyRegistration(response: $r, name: $n) { passkey { id name } recoveryCodes } }`;
  return platform.execute(registration, { r: authenticator.create(options), n: name }, { token });
}

describe('passkeys as a second factor', () => {
  const owner = () => org;
  let authenticator: SoftwareAuthenticator;
  let staleToken: string;

  it('registers a passkey from the browser-side ceremony and lists it, with recovery codes for a first factor', async () => {
    staleToken = must(await login(owner().ownerEmail)).login.accessToken;
    authenticator = new SoftwareAuthenticator(origin);
    const options = must(await platform.execute(`mutation { startPasskeyRegistration }`, {}, { token: owner().ownerToken })).startPasskeyRegistration;
    expect(options.rp.id).toBe(new URL(origin).hostname);
    expect(options.attestation).toBe('none');
    const registration = must(
      await platform.execute(
        `mutation($r: JSON!) { finishPasskeyRegistration(response: $r, name: "Shop laptop") { passkey { id name } recoveryCodes } }`,
        { r: authenticator.create(options) },
        { token: owner().ownerToken },
      ),
    ).finishPasskeyRegistration;
    expect(registration.passkey.name).toBe('Shop laptop');
    expect(registration.recoveryCodes).toHaveLength(10);

    const status = must(await platform.execute(`{ mfaStatus { totpEnabled passkeys { id name lastUsedAt } recoveryCodesLeft } }`, {}, { token: owner().ownerToken })).mfaStatus;
    expect(status).toEqual({ totpEnabled: false, passkeys: [{ id: registration.passkey.id, name: 'Shop laptop', lastUsedAt: null }], recoveryCodesLeft: 10 });
  });

  it('refuses a registration answer to a challenge already used, and one to no challenge', async () => {
    const other = await addStaff(platform, owner(), 'ADVISOR');
    const options = must(await platform.execute(`mutation { startPasskeyRegistration }`, {}, { token: other.token })).startPasskeyRegistration;
    const answer = new SoftwareAuthenticator(origin).create(options);
    const finish = `mutation($r: JSON!) { finishPasskeyRegistration(response: $r) { passkey { id } } }`;
    must(await platform.execute(finish, { r: answer }, { token: other.token }));
    const replay = await platform.execute(finish, { r: new SoftwareAuthenticator(origin).create(options) }, { token: other.token });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    expect(codeOf(await platform.execute(finish, { r: { id: 'x' } }, { token: other.token }))).toBe('BAD_USER_INPUT');
    const [{ count }] = await platform.subgraphs.shops!.runtime.db.dataSource.query(`SELECT count(*)::int AS count FROM shops.passkey WHERE user_id = $1`, [other.userId]);
    expect(count).toBe(1);
  });

  it('makes sign-in two steps and completes it with the passkey, counting its signature', async () => {
    const first = await login(owner().ownerEmail);
    expect(codeOf(first)).toBe('MFA_REQUIRED');
    expect(first.errors![0].extensions!.mfaFactors).toEqual(['PASSKEY', 'RECOVERY_CODE']);
    const challenge = challengeOf(first);
    const options = await startLogin(challenge);
    expect(options.allowCredentials).toEqual([{ id: b64url(authenticator.credentialId), type: 'public-key', transports: ['internal'] }]);

    const session = must(await completeLogin(challenge, authenticator.get(options))).completePasskeyLogin;
    expect(session.user.id).toBe(owner().ownerId);
    expect(codeOf(await platform.execute(`query($id: ID!) { shop(id: $id) { id } }`, { id: owner().shopId }, { token: session.accessToken }))).toBeUndefined();
    expect(await signCount(authenticator.credentialId)).toBe(authenticator.counter);
  });

  it('refuses a replayed assertion, an assertion for another challenge and a counter that went back', async () => {
    const challenge = challengeOf(await login(owner().ownerEmail));
    const options = await startLogin(challenge);
    const answer = authenticator.get(options);
    must(await completeLogin(challenge, answer));
    expect(codeOf(await completeLogin(challenge, answer))).toBe('UNAUTHENTICATED');

    const next = challengeOf(await login(owner().ownerEmail));
    await startLogin(next);
    expect(codeOf(await completeLogin(next, answer))).toBe('UNAUTHENTICATED');

    const cloned = challengeOf(await login(owner().ownerEmail));
    const seen = await signCount(authenticator.credentialId);
    authenticator.counter = seen - 1;
    const regression = await completeLogin(cloned, authenticator.get(await startLogin(cloned)));
    expect(codeOf(regression)).toBe('PASSKEY_COUNTER_REGRESSION');
    expect(regression.data?.completePasskeyLogin ?? null).toBeNull();
    expect(await signCount(authenticator.credentialId)).toBe(seen);
    authenticator.counter = seen;
  });

  it('steps a session up with the passkey: MFA_REQUIRED before, the sensitive change after', async () => {
    const colleague = await addStaff(platform, owner(), 'ADVISOR');
    const change = `mutation($s: ID!, $u: ID!) { setStaffRole(shopId: $s, userId: $u, role: TECHNICIAN) { id } }`;
    expect(codeOf(await platform.execute(change, { s: owner().shopId, u: colleague.userId }, { token: staleToken }))).toBe('MFA_REQUIRED');

    const options = await startVerification(staleToken);
    const answer = authenticator.get(options);
    expect(await platform.execute(`mutation($r: JSON!) { verifyPasskey(response: $r) }`, { r: answer }, { token: owner().ownerToken }).then(codeOf)).toBe('UNAUTHENTICATED');
    expect(codeOf(await platform.execute(change, { s: owner().shopId, u: colleague.userId }, { token: staleToken }))).toBe('MFA_REQUIRED');

    const fresh = authenticator.get(await startVerification(staleToken));
    expect(Date.parse(must(await verifyPasskey(staleToken, fresh)).verifyPasskey)).not.toBeNaN();
    must(await platform.execute(change, { s: owner().shopId, u: colleague.userId }, { token: staleToken }));
    expect(codeOf(await verifyPasskey(staleToken, fresh))).toBe('UNAUTHENTICATED');
  });

  it('needs a fresh factor to add or remove a passkey once one is registered', async () => {
    const user = await addStaff(platform, owner(), 'TECHNICIAN');
    const earlier = must(await login(user.email)).login.accessToken;
    const registered = must(await register(user.token, new SoftwareAuthenticator(origin), 'Phone')).finishPasskeyRegistration;

    expect(codeOf(await platform.execute(`mutation { startPasskeyRegistration }`, {}, { token: earlier }))).toBe('MFA_REQUIRED');
    const remove = `mutation($id: ID!) { removePasskey(id: $id) }`;
    expect(codeOf(await platform.execute(remove, { id: registered.passkey.id }, { token: earlier }))).toBe('MFA_REQUIRED');
    expect(must(await platform.execute(remove, { id: registered.passkey.id }, { token: user.token })).removePasskey).toBe(true);
    expect(must(await platform.execute(`{ mfaStatus { passkeys { id } } }`, {}, { token: user.token })).mfaStatus.passkeys).toEqual([]);
  });
});
