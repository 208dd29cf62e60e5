import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: unguessable. Only its hash is stored, so a database leak reveals no working link. */
export function newShareToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashShareToken(token) };
}

export const hashShareToken = (token: string) => createHash('sha256').update(token).digest('hex');
