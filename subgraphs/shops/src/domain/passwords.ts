import argon2 from 'argon2';

const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => argon2.hash(password, options);

/** A hash of nothing anyone knows, verified for unknown e-mails so a login's timing does not reveal which accounts exist. */
const decoy = hashPassword('decoy-password-never-issued');

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  const ok = await argon2.verify(hash ?? (await decoy), password).catch(() => false);
  return hash !== null && ok;
}
