import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OfflineDecoder } from '../../src/decoding/offline';
import { modelYear } from '../../src/domain/vin';

/** One VIN and what an authoritative source says it is. */
export interface ExpectedDecode {
  vin: string;
  modelYear: number;
  make: string;
  model: string;
  electrificationLevel: string | null;
}

export interface AgreementSet {
  name: string;
  cases: ExpectedDecode[];
}

const fixture = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/vin-agreement/${name}`, import.meta.url)), 'utf8'));

/**
 * The recorded sets (see test/fixtures/vin-agreement/README.md): vPIC's own answers for real VINs, and
 * the `vin` project's published expectations split into the part the decoder was worked on against
 * ("tuned") and a part read only after that work was done ("held out").
 */
export function agreementSets(): AgreementSet[] {
  const expectations = fixture('vin-project-expectations.json') as { tuned: ExpectedDecode[]; heldOut: ExpectedDecode[] };
  const vpic = fixture('vpic-answers.json') as { vins: ExpectedDecode[] };
  return [
    { name: "vPIC's recorded answers (real VINs)", cases: vpic.vins },
    { name: '`vin` project expectations, tuned', cases: expectations.tuned },
    { name: '`vin` project expectations, held out', cases: expectations.heldOut },
  ];
}

export interface Agreement {
  name: string;
  count: number;
  year: number;
  make: number;
  model: number;
  electrification: number;
  /** VINs whose model differs: what was expected and what the offline decoder said. */
  modelMisses: { vin: string; expected: string; actual: string | null }[];
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim().toUpperCase() === (b ?? '').trim().toUpperCase();

/** Decodes every VIN of `set` offline, with the model year the subgraph would use, and counts agreements per field. */
export async function measureAgreement(offline: OfflineDecoder, set: AgreementSet): Promise<Agreement> {
  const tally = { year: 0, make: 0, model: 0, electrification: 0 };
  const modelMisses: Agreement['modelMisses'] = [];
  for (const expected of set.cases) {
    const year = modelYear(expected.vin);
    const fields = await offline.decode(expected.vin, year);
    if (year === expected.modelYear) tally.year++;
    if (same(fields?.make, expected.make)) tally.make++;
    if (same(fields?.electrificationLevel, expected.electrificationLevel)) tally.electrification++;
    if (same(fields?.model, expected.model)) tally.model++;
    else modelMisses.push({ vin: expected.vin, expected: expected.model, actual: fields?.model ?? null });
  }
  return { name: set.name, count: set.cases.length, ...tally, modelMisses };
}

export const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
