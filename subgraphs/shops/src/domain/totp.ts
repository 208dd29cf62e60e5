import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** RFC 6238 as authenticator apps use it: HMAC-SHA1, 6 digits, 30-second steps. */
export const totpPeriodSeconds = 30;

export const newTotpSecret = () => generateSecret({ length: 20 });

/** The `otpauth://` URI an authenticator app scans, and the same as a QR code (PNG data URL). */
export async function totpProvisioning(secret: string, account: string, issuer: string): Promise<{ uri: string; qrCodeDataUrl: string }> {
  const uri = generateURI({ issuer, label: account, secret, period: totpPeriodSeconds });
  return { uri, qrCodeDataUrl: await QRCode.toDataURL(uri) };
}

/**
 * The time step a code belongs to, if it is the code of the current step or of one step either side
 * (clock drift); null otherwise. A step at or before `afterTimeStep` (a code already used) is refused,
 * so no code works twice.
 */
export async function matchTotp(input: {
  secret: string | Uint8Array;
  code: string;
  epochSeconds?: number;
  afterTimeStep?: number | null;
  digits?: 6 | 8;
  algorithm?: 'sha1' | 'sha256' | 'sha512';
}): Promise<number | null> {
  const digits = input.digits ?? 6;
  if (!new RegExp(`^\\d{${digits}}$`).test(input.code)) return null;
  const result = await verify({
    secret: input.secret,
    token: input.code,
    digits,
    algorithm: input.algorithm ?? 'sha1',
    period: totpPeriodSeconds,
    epoch: input.epochSeconds ?? Math.floor(Date.now() / 1000),
    epochTolerance: totpPeriodSeconds,
    ...(input.afterTimeStep === null || input.afterTimeStep === undefined ? {} : { afterTimeStep: input.afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
