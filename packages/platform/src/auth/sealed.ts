import { hkdf, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { aesGcmDecrypt, aesGcmEncrypt } from './aes-gcm';
import type { SigningKey } from './keys';

const derive = promisify(hkdf);
const version = 'v1';

/** Seals secrets (a customer's link) that must cross the bus readable only by the services holding the signing key. */
export interface Sealer {
  seal(plaintext: string, purpose: string): Promise<string>;
  /** The plaintext; throws when the value was sealed with another key or for another purpose. */
  open(sealed: string, purpose: string): Promise<string>;
}

/**
 * AES-256-GCM under a key derived (HKDF-SHA-256) from the signing key: the issuers share that key already,
 * so nothing new is distributed, and consumers without it (analytics, partners, webhook receivers) see
 * only ciphertext. The purpose is authenticated, so a value sealed for one use cannot be opened as another.
 */
export function createSealer(key: SigningKey): Sealer {
  let secret: Promise<Buffer> | undefined;
  const secretOf = () =>
    (secret ??= crypto.subtle
      .exportKey('pkcs8', key.privateKey)
      .then(async (pkcs8) => Buffer.from(await derive('sha256', Buffer.from(pkcs8), Buffer.alloc(0), 'cip sealed values', 32))));
  return {
    async seal(plaintext, purpose) {
      const iv = randomBytes(12);
      const body = aesGcmEncrypt(await secretOf(), iv, plaintext, purpose);
      return `${version}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    async open(sealed, purpose) {
      const [prefix, iv, body] = sealed.split('.');
      if (prefix !== version || !iv || !body) throw new Error('not a sealed value');
      return aesGcmDecrypt(await secretOf(), Buffer.from(iv, 'base64url'), Buffer.from(body, 'base64url'), purpose);
    },
  };
}

/** What each sealed value is for: the producer seals and the consumer opens with the same purpose. */
export const sealPurposes = {
  /** The customer's report link in `inspection.link_issued`. */
  customerLink: 'inspection.link',
} as const;
