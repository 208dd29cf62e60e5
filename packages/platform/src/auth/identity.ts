import { z } from 'zod';

/**
 * One spelling per identity, applied wherever an identity enters (sign-up, login, invitations), so
 * `VICTIM@example.com`, ` victim@example.com` and its full-width twin are one account, one throttle
 * counter and one audit actor.
 */

/** Compatibility-normalized (NFKC: full-width and ligature forms fold), trimmed and case-folded. */
export function normalizeEmail(email: string): string {
  // Upper then lower approximates Unicode case folding (ß → ss, ς → σ), which toLowerCase alone does not.
  return email.normalize('NFKC').trim().toUpperCase().toLowerCase();
}

/**
 * Passwords are compared as NFKC (NIST SP 800-63B 5.1.1.2), so one typed on another keyboard layout or
 * pasted from another system still matches; spaces are kept, they are part of the secret.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Display names: canonical composition (NFC), trimmed, inner runs of white space collapsed. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** A login e-mail as input: normalized first, then checked, so every spelling of one address validates alike. */
export const emailInput = z.string().max(1000).transform(normalizeEmail).pipe(z.email().max(320));

/** A password as input: 10 to 200 characters once normalized. */
export const passwordInput = z.string().max(1000).transform(normalizePassword).pipe(z.string().min(10, 'must be at least 10 characters').max(200));

/** A person's display name as input. */
export const nameInput = z.string().max(1000).transform(normalizeName).pipe(z.string().min(1).max(200));
