import argon2 from 'argon2';
import { normalizePassword } from '@cip/platform';

const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => argon2.hash(normalizePassword(password), options);

/** A hash of nothing anyone knows, verified for unknown e-mails so a login's timing does not reveal which accounts exist. */
const decoy = hashPassword('decoy-password-never-issued');

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  const ok = await argon2.verify(hash ?? (await decoy), normalized).catch(() => false);
  // Hashes made before passwords were normalized hold the password as it was typed.
  const legacy = !ok && hash !== null && normalized !== password && (await argon2.verify(hash, password).catch(() => false));
  return hash !== null && (ok || legacy);
}
