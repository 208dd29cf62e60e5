import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import type { Config, KeyValueStore } from '@cip/platform';
import type { Passkey } from '../data/passkey';

/** How long a browser has to answer a ceremony's challenge. */
const ceremonySeconds = 5 * 60;

/** Where passkeys are valid: the platform's public host, answered from its own origin or a configured web-app origin. */
export interface RelyingParty {
  id: string;
  name: string;
  origins: string[];
}

export function relyingPartyOf(config: Pick<Config, 'publicUrl' | 'corsOrigins'>, name: string): RelyingParty {
  const publicUrl = new URL(config.publicUrl);
  return { id: publicUrl.hostname, name, origins: [...new Set([publicUrl.origin, ...config.corsOrigins])] };
}

const base64url = z.string().min(1).max(16_384).regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
const credentialBase = {
  id: base64url.max(1_400),
  rawId: base64url.max(1_400),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};
/** The browser's `navigator.credentials.create()` answer, as `PublicKeyCredential.toJSON()` writes it. */
export const registrationResponseInput = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
});
/** The browser's `navigator.credentials.get()` answer, as `PublicKeyCredential.toJSON()` writes it. */
export const authenticationResponseInput = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
});

export interface VerifiedRegistration {
  credentialId: string;
  publicKey: Buffer;
  signCount: number;
  transports: string[];
  backedUp: boolean;
}

/**
 * The two WebAuthn ceremonies (`@simplewebauthn/server`). Each challenge is kept in the shared store under
 * the key of what it is for (a user's registration, a session's step-up, a sign-in challenge) for five
 * minutes, and taken out by the first answer: an answer to an old, used or foreign challenge fails.
 */
export class PasskeyCeremonies {
  constructor(
    private readonly store: KeyValueStore,
    private readonly rp: RelyingParty,
  ) {}

  async registrationOptions(key: string, user: { id: string; email: string; name: string }, existing: Passkey[]): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const options = await generateRegistrationOptions({
      rpName: this.rp.name,
      rpID: this.rp.id,
      userName: user.email,
      userDisplayName: user.name,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      timeout: ceremonySeconds * 1000,
      excludeCredentials: existing.map(descriptorOf),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.store.set(challengeKey(key), options.challenge, ceremonySeconds);
    return options;
  }

  /** The new credential, or null when the answer is not for the pending challenge or does not verify. */
  async verifyRegistration(key: string, response: z.infer<typeof registrationResponseInput>): Promise<VerifiedRegistration | null> {
    const expectedChallenge = await this.store.take(challengeKey(key));
    if (!expectedChallenge) return null;
    const verification = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge,
      expectedOrigin: this.rp.origins,
      expectedRPID: this.rp.id,
      // A second factor after the password: presence is what it proves; a PIN or biometric is the authenticator's business.
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) return null;
    const { credential, credentialBackedUp } = verification.registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey),
      signCount: credential.counter,
      transports: credential.transports ?? [],
      backedUp: credentialBackedUp,
    };
  }

  async authenticationOptions(key: string, passkeys: Passkey[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const options = await generateAuthenticationOptions({
      rpID: this.rp.id,
      allowCredentials: passkeys.map(descriptorOf),
      userVerification: 'preferred',
      timeout: ceremonySeconds * 1000,
    });
    await this.store.set(challengeKey(key), options.challenge, ceremonySeconds);
    return options;
  }

  /**
   * The counter the authenticator signed, or null when the answer is not for the pending challenge or its
   * signature does not verify with the passkey's key. Comparing the counter with the stored one is left to
   * the caller, which holds the passkey's row locked.
   */
  async verifyAuthentication(key: string, response: z.infer<typeof authenticationResponseInput>, passkey: Passkey): Promise<number | null> {
    const expectedChallenge = await this.store.take(challengeKey(key));
    if (!expectedChallenge) return null;
    const verification = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge,
      expectedOrigin: this.rp.origins,
      expectedRPID: this.rp.id,
      // Counter 0 here: the library would refuse a regression with an uncoded error; the caller refuses it with a coded one.
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: 0, transports: passkey.transports as AuthenticatorTransport[] },
      requireUserVerification: false,
    }).catch(() => null);
    return verification?.verified ? verification.authenticationInfo.newCounter : null;
  }

  /** Ends the pending challenge without checking an answer (one naming no passkey of the user still uses it up). */
  async discard(key: string): Promise<void> {
    await this.store.delete(challengeKey(key));
  }
}

const challengeKey = (key: string) => `webauthn:challenge:${key}`;
const descriptorOf = (passkey: Passkey) => ({ id: passkey.credentialId, transports: passkey.transports as AuthenticatorTransport[] });
