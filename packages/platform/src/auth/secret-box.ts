import { createHash, randomBytes } from 'node:crypto';
import { appError, ErrorCode } from '../errors';
import { aesGcmDecrypt, aesGcmEncrypt } from './aes-gcm';

const prefix = 'aes256gcm';
const ivBytes = 12;

/** The keys a box seals with (`current`) and still opens with (`current` and every one of `previous`), 32 bytes each. */
export interface SecretBoxKeys {
  current: Buffer;
  previous: Buffer[];
}

/** Seals secrets kept at rest (authenticator-app seeds) so that the database alone never reveals them. */
export interface SecretBox {
  /** `aes256gcm:<key id>:<iv>:<ciphertext and tag>`; `context` (e.g. the owner's id) is authenticated, not stored. */
  seal(plaintext: string, context: string): string;
  /** The plaintext; a value altered, sealed for another context or under a key the box no longer holds answers SECRET_UNREADABLE. */
  open(sealed: string, context: string): string;
  isSealed(value: string): boolean;
}

/** A key's public name, stored with each value so a rotated-out key is still found for reading. */
export const secretKeyId = (key: Buffer) => createHash('sha256').update('cip secret key id').update(key).digest('base64url').slice(0, 8);

const unreadable = () =>
  appError(ErrorCode.SECRET_UNREADABLE, 'A stored secret failed its integrity check; it was not used. An operator has to look into it.');

/** AES-256-GCM with a fresh 96-bit IV per value and the key id in the value, so keys rotate without re-encrypting first. */
export function createSecretBox(keys: SecretBoxKeys): SecretBox {
  const currentId = secretKeyId(keys.current);
  const byId = new Map([keys.current, ...keys.previous].map((key) => [secretKeyId(key), key] as const));
  const parts = (sealed: string) => {
    const [tag, keyId, iv, body, ...rest] = sealed.split(':');
    return tag === prefix && keyId && iv && body && rest.length === 0 ? { keyId, iv, body } : null;
  };
  return {
    seal(plaintext, context) {
      const iv = randomBytes(ivBytes);
      const body = aesGcmEncrypt(keys.current, iv, plaintext, context);
      return `${prefix}:${currentId}:${iv.toString('base64url')}:${body.toString('base64url')}`;
    },
    open(sealed, context) {
      const value = parts(sealed);
      const key = value && byId.get(value.keyId);
      if (!value || !key) throw unreadable();
      const iv = Buffer.from(value.iv, 'base64url');
      if (iv.length !== ivBytes) throw unreadable();
      try {
        return aesGcmDecrypt(key, iv, Buffer.from(value.body, 'base64url'), context);
      } catch {
        throw unreadable();
      }
    },
    isSealed: (value) => parts(value) !== null,
  };
}
