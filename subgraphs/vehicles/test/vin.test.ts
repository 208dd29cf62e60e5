import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@cip/platform';
import { checkDigit, expectedCheckDigit, modelYear, modelYearCandidates, vinError, vinProblem } from '../src/domain/vin';
import { templateCategory } from '../src/domain/template';
import { emptyFields } from '../src/decoding/fields';

/** A VIN with the given characters in positions 7 and 10 (the rest from a published example). */
const withYearCode = (position7: string, position10: string) => `1HGCM8${position7}63${position10}A004352`;

describe('the VIN check digit (49 CFR 565.15)', () => {
  it('accepts the published example 1HGCM82633A004352', () => {
    expect(checkDigit('1HGCM82633A004352')).toEqual({ actual: '3', expected: '3', valid: true });
  });

  it('computes 6 for the published example 1J9RP1A36A1644345', () => {
    expect(expectedCheckDigit('1J9RP1A36A1644345')).toBe('6');
    expect(checkDigit('1J9RP1A36A1644345').valid).toBe(true);
  });

  it('reports the expected digit when position 9 is wrong', () => {
    expect(checkDigit('1HGCM82643A004352')).toEqual({ actual: '4', expected: '3', valid: false });
  });

  it('uses X for a remainder of 10, as in the published example 1M8GDM9AXKP042788', () => {
    // Worked by hand: the weighted sum of 1M8GDM9A·KP042788 is 351, and 351 mod 11 = 10.
    expect(checkDigit('1M8GDM9AXKP042788')).toEqual({ actual: 'X', expected: 'X', valid: true });
    expect(checkDigit('1M8GDM9A0KP042788')).toEqual({ actual: '0', expected: 'X', valid: false });
  });

  it('agrees with the check digit of the recorded vPIC response', () => {
    expect(checkDigit('1FTMW1T88MFA00001').valid).toBe(true);
  });
});

describe('the model year from position 10', () => {
  it('reads the first 30-year cycle when position 7 is a digit (cars, MPVs, light trucks)', () => {
    expect(modelYear(withYearCode('2', 'A'))).toBe(1980);
    expect(modelYear(withYearCode('2', 'M'))).toBe(1991);
    expect(modelYear(withYearCode('2', 'Y'))).toBe(2000);
    expect(modelYear(withYearCode('2', '1'))).toBe(2001);
    expect(modelYear(withYearCode('2', '9'))).toBe(2009);
    expect(modelYear('1HGCM82633A004352')).toBe(2003);
  });

  it('reads the second 30-year cycle when position 7 is a letter', () => {
    expect(modelYear(withYearCode('T', 'A'))).toBe(2010);
    expect(modelYear(withYearCode('T', 'M'))).toBe(2021);
    expect(modelYear(withYearCode('T', 'Y'))).toBe(2030);
    expect(modelYear(withYearCode('T', '1'))).toBe(2031);
    expect(modelYear('1J9RP1A36A1644345')).toBe(2010);
    expect(modelYear('1FTMW1T88MFA00001')).toBe(2021);
  });

  it('skips the letters 49 CFR 565 never uses for years (I, O, Q, U, Z) and the digit 0', () => {
    expect(modelYearCandidates(withYearCode('2', 'H'))).toEqual([1987, 2017]);
    expect(modelYearCandidates(withYearCode('2', 'J'))).toEqual([1988, 2018]);
    expect(modelYearCandidates(withYearCode('2', 'N'))).toEqual([1992, 2022]);
    expect(modelYearCandidates(withYearCode('2', 'P'))).toEqual([1993, 2023]);
    expect(modelYearCandidates(withYearCode('2', 'R'))).toEqual([1994, 2024]);
    expect(modelYearCandidates(withYearCode('2', 'V'))).toEqual([1997, 2027]);
    for (const code of ['U', 'Z', '0']) expect(modelYear(withYearCode('2', code))).toBeNull();
  });

  it('takes the latest year not after next year for motorcycles, which have no position-7 marker', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(modelYear('1HD1KTC16JB600000', 'MOTORCYCLE', now)).toBe(2018);
    expect(modelYear(withYearCode('2', 'K'), 'MOTORCYCLE', now)).toBe(2019);
    expect(modelYear(withYearCode('2', 'K'), 'PASSENGER CAR', now)).toBe(1989);
    expect(modelYear(withYearCode('2', '9'), 'MOTORCYCLE', now)).toBe(2009);
  });
});

describe('VIN validation', () => {
  it.each([
    ['empty', '', 0],
    ['16 characters', '1HGCM82633A00435', 16],
    ['18 characters', '1HGCM82633A0043521', 18],
    ['an SQL injection attempt', "' OR 1=1 --", 11],
    ['a 10 kB string', 'A'.repeat(10_240), 10_240],
  ])('rejects %s with INVALID_VIN_LENGTH', (_label, vin, length) => {
    const problem = vinProblem(vin);
    expect(problem).toEqual({ code: ErrorCode.INVALID_VIN_LENGTH, length });
    const error = vinError(vin, problem!);
    expect(error.extensions.code).toBe('INVALID_VIN_LENGTH');
    expect(error.message.length).toBeLessThan(200);
  });

  it('rejects lower case with INVALID_VIN_CHARACTER and says VINs are capitals', () => {
    const problem = vinProblem('1hgcm82633a004352')!;
    expect(problem.code).toBe(ErrorCode.INVALID_VIN_CHARACTER);
    expect(vinError('1hgcm82633a004352', problem).message).toMatch(/capital letters/);
  });

  it('rejects I, O and Q and names their positions', () => {
    expect(vinProblem('1HGCM82633A00435I')).toMatchObject({ code: ErrorCode.INVALID_VIN_CHARACTER, positions: [17] });
    expect(vinProblem('OHGCM82Q33A004352')).toMatchObject({ positions: [1, 8] });
  });

  it('accepts a valid VIN even with a wrong check digit (that is a warning, not a validity problem)', () => {
    expect(vinProblem('1HGCM82643A004352')).toBeNull();
  });
});

describe('template category', () => {
  const fields = (overrides: Partial<ReturnType<typeof emptyFields>>) => ({ ...emptyFields(), ...overrides });

  it('sends battery-electric and plug-in hybrids to EV / hybrid, but not hybrids that do not plug in', () => {
    expect(templateCategory(fields({ fuelTypePrimary: 'Electric', vehicleType: 'PASSENGER CAR' }))).toBe('EV_HYBRID');
    expect(templateCategory(fields({ electrificationLevel: 'PHEV (Plug-in Hybrid Electric Vehicle)', fuelTypePrimary: 'Gasoline' }))).toBe('EV_HYBRID');
    expect(templateCategory(fields({ electrificationLevel: 'Strong HEV (Hybrid Electric Vehicle)', fuelTypePrimary: 'Gasoline' }))).toBe('STANDARD');
  });

  it('sends diesels to diesel before pickups to light truck', () => {
    expect(templateCategory(fields({ fuelTypePrimary: 'Diesel', bodyClass: 'Pickup' }))).toBe('DIESEL');
    expect(templateCategory(fields({ fuelTypePrimary: 'Gasoline', bodyClass: 'Pickup' }))).toBe('LIGHT_TRUCK');
    expect(templateCategory(fields({ bodyClass: 'Sport Utility Vehicle (SUV)/Multi-Purpose Vehicle (MPV)', driveType: '4WD/4-Wheel Drive/4x4' }))).toBe('LIGHT_TRUCK');
    expect(templateCategory(fields({ bodyClass: 'Sport Utility Vehicle (SUV)/Multi-Purpose Vehicle (MPV)', driveType: 'AWD/All-Wheel Drive' }))).toBe('STANDARD');
  });

  it('inspects an electric motorcycle as a motorcycle', () => {
    expect(templateCategory(fields({ vehicleType: 'MOTORCYCLE', fuelTypePrimary: 'Electric' }))).toBe('MOTORCYCLE');
  });
});
