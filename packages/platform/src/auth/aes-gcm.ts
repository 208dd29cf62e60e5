import { createCipheriv, createDecipheriv } from 'node:crypto';

const tagBytes = 16;

/** AES-256-GCM of `plaintext` under `key` with `aad` authenticated: the ciphertext with its 16-byte tag appended. */
export function aesGcmEncrypt(key: Buffer, iv: Buffer, plaintext: string, aad: string): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext of `aesGcmEncrypt`'s output; throws when the key, IV, AAD or bytes differ. */
export function aesGcmDecrypt(key: Buffer, iv: Buffer, body: Buffer, aad: string): string {
  if (body.length < tagBytes) throw new Error('too short for an AES-GCM value');
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  decipher.setAuthTag(body.subarray(body.length - tagBytes));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - tagBytes)), decipher.final()]).toString('utf8');
}
