import { describe, expect, it } from 'vitest';
import { matchTotp, totpProvisioning } from '../src/domain/totp';

/** RFC 6238, Appendix B: the published test vectors (8 digits, T0 = 0, 30-second steps). */
const seeds = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;
const vectors: [number, string, keyof typeof seeds][] = [
  [59, '94287082', 'sha1'],
  [59, '46119246', 'sha256'],
  [59, '90693936', 'sha512'],
  [1111111109, '07081804', 'sha1'],
  [1111111109, '68084774', 'sha256'],
  [1111111109, '25091201', 'sha512'],
  [1111111111, '14050471', 'sha1'],
  [1111111111, '67062674', 'sha256'],
  [1111111111, '99943326', 'sha512'],
  [1234567890, '89005924', 'sha1'],
  [1234567890, '91819424', 'sha256'],
  [1234567890, '93441116', 'sha512'],
  [2000000000, '69279037', 'sha1'],
  [2000000000, '90698825', 'sha256'],
  [2000000000, '38618901', 'sha512'],
  [20000000000, '65353130', 'sha1'],
  [20000000000, '77737706', 'sha256'],
  [20000000000, '47863826', 'sha512'],
];
const secretOf = (algorithm: keyof typeof seeds) => new TextEncoder().encode(seeds[algorithm]);

describe('TOTP codes', () => {
  it.each(vectors)('accepts the RFC 6238 code at T = %i: %s (%s)', async (epochSeconds, code, algorithm) => {
    expect(await matchTotp({ secret: secretOf(algorithm), code, epochSeconds, digits: 8, algorithm })).toBe(Math.floor(epochSeconds / 30));
  });

  it('accepts a code one step early or late and refuses one two steps away', async () => {
    const secret = secretOf('sha1');
    const code = '07081804';
    const step = Math.floor(1111111109 / 30);
    expect(await matchTotp({ secret, code, epochSeconds: 1111111109 + 30, digits: 8 })).toBe(step);
    expect(await matchTotp({ secret, code, epochSeconds: 1111111109 - 30, digits: 8 })).toBe(step);
    expect(await matchTotp({ secret, code, epochSeconds: 1111111109 + 60, digits: 8 })).toBeNull();
    expect(await matchTotp({ secret, code, epochSeconds: 1111111109 - 60, digits: 8 })).toBeNull();
  });

  it('refuses a code whose step was already used, and a wrong code', async () => {
    const secret = secretOf('sha1');
    const step = Math.floor(1111111109 / 30);
    expect(await matchTotp({ secret, code: '07081804', epochSeconds: 1111111109, digits: 8, afterTimeStep: step })).toBeNull();
    expect(await matchTotp({ secret, code: '07081804', epochSeconds: 1111111109, digits: 8, afterTimeStep: step - 1 })).toBe(step);
    expect(await matchTotp({ secret, code: '07081805', epochSeconds: 1111111109, digits: 8 })).toBeNull();
    expect(await matchTotp({ secret, code: 'abc', epochSeconds: 1111111109, digits: 8 })).toBeNull();
  });

  it('provisions an otpauth URI and the same URI as a QR code', async () => {
    const { uri, qrCodeDataUrl } = await totpProvisioning('JBSWY3DPEHPK3PXP', 'olive@example.com', 'Courtesy Inspection Platform');
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.host).toBe('totp');
    expect(parsed.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(parsed.searchParams.get('issuer')).toBe('Courtesy Inspection Platform');
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });
});
