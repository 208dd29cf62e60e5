import { appError, ErrorCode } from '@cip/platform';
import type { GraphQLError } from 'graphql';

/** Characters a VIN may contain: digits and capital letters except I, O and Q (49 CFR 565.15). */
const vinCharacter = /^[A-HJ-NPR-Z0-9]$/;

const transliteration: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Position-10 codes in order; each names a year of the 1980–2009 cycle and the one 30 years later. */
const yearCodes = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** How a VIN failed validation; each problem maps to one of the platform's error codes. */
export type VinProblem =
  | { code: typeof ErrorCode.INVALID_VIN_LENGTH; length: number }
  | { code: typeof ErrorCode.INVALID_VIN_CHARACTER; positions: number[]; lowercase: boolean };

/** The check digit (position 9) the other 16 characters call for: '0'–'9' or 'X'. */
export function expectedCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i];
    sum += (/[0-9]/.test(ch) ? Number(ch) : (transliteration[ch] ?? 0)) * weights[i];
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** Finds what makes `vin` unusable, or null when it is 17 valid characters. The check digit is not a validity question. */
export function vinProblem(vin: string): VinProblem | null {
  if (vin.length !== 17) return { code: ErrorCode.INVALID_VIN_LENGTH, length: vin.length };
  const positions = [...vin].flatMap((ch, i) => (vinCharacter.test(ch) ? [] : [i + 1]));
  if (positions.length === 0) return null;
  return { code: ErrorCode.INVALID_VIN_CHARACTER, positions, lowercase: /[a-z]/.test(vin) && vinCharacter.test(vin.toUpperCase()[positions[0] - 1]) };
}

/** The coded client error for a VIN problem; never echoes more than the first 20 characters of the input. */
export function vinError(vin: string, problem: VinProblem, extensions: Record<string, unknown> = {}): GraphQLError {
  if (problem.code === ErrorCode.INVALID_VIN_LENGTH) {
    return appError(
      ErrorCode.INVALID_VIN_LENGTH,
      `A VIN has exactly 17 characters; this one has ${problem.length}.`,
      { ...extensions, length: problem.length, expectedLength: 17 },
    );
  }
  const shown = vin.length > 20 ? `${vin.slice(0, 20)}…` : vin;
  const hint = problem.lowercase ? ' VINs are written in capital letters.' : ' A VIN uses digits and capital letters except I, O and Q.';
  return appError(
    ErrorCode.INVALID_VIN_CHARACTER,
    `"${shown}" has characters a VIN cannot contain at position(s) ${problem.positions.join(', ')}.${hint}`,
    { ...extensions, positions: problem.positions },
  );
}

/** The VIN as people type it, in VIN form: spaces and dashes (as printed on some titles) dropped, letters upper-cased. */
export function normalizeVin(input: string): string {
  return input.replace(/[\s\-\u2010-\u2015]+/g, '').toUpperCase();
}

/** Throws the coded error for an unusable VIN; returns the normalized VIN when it is usable. */
export function assertVin(input: string, extensions: Record<string, unknown> = {}): string {
  const vin = normalizeVin(input);
  const problem = vinProblem(vin);
  if (problem) throw vinError(vin, problem, extensions);
  return vin;
}

export interface CheckDigit {
  actual: string;
  expected: string;
  valid: boolean;
}

export function checkDigit(vin: string): CheckDigit {
  const expected = expectedCheckDigit(vin);
  return { actual: vin[8], expected, valid: vin[8] === expected };
}

/** Both years a position-10 code can stand for, 30 years apart, or null for a code that names no year (U, Z, 0). */
export function modelYearCandidates(vin: string): [number, number] | null {
  const index = yearCodes.indexOf(vin[9]);
  return index < 0 ? null : [1980 + index, 2010 + index];
}

/**
 * The model year as vPIC resolves it. For cars, multipurpose vehicles and light trucks, a digit in
 * position 7 means the 1980–2009 cycle and a letter the 2010–2039 one (49 CFR 565.15(c)). Other
 * vehicles (motorcycles, heavy trucks, buses, trailers) carry no such marker, so the latest year not
 * after next year is taken. `vehicleType` is vPIC's VehicleType when known.
 */
export function modelYear(vin: string, vehicleType?: string | null, now = new Date()): number | null {
  const candidates = modelYearCandidates(vin);
  if (!candidates) return null;
  if (usesPositionSevenRule(vehicleType)) return /[0-9]/.test(vin[6]) ? candidates[0] : candidates[1];
  const latest = now.getUTCFullYear() + 1;
  return candidates[1] <= latest ? candidates[1] : candidates[0];
}

function usesPositionSevenRule(vehicleType?: string | null): boolean {
  if (!vehicleType) return true;
  const type = vehicleType.toUpperCase();
  return type.includes('PASSENGER') || type.includes('MULTIPURPOSE') || type === 'TRUCK' || type.includes('LOW SPEED');
}
