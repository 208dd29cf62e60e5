/** What a VIN says about a vehicle, in vPIC's own vocabulary (vPIC variable names in comments). */
export interface VehicleFields {
  /** ModelYear */
  modelYear: number | null;
  /** Make, upper case as vPIC spells it ("FORD"). */
  make: string | null;
  /** Manufacturer */
  manufacturer: string | null;
  /** Model */
  model: string | null;
  /** Trim */
  trim: string | null;
  /** Series */
  series: string | null;
  /** BodyClass, e.g. "Pickup", "Sedan/Saloon". */
  bodyClass: string | null;
  /** VehicleType, e.g. "PASSENGER CAR", "TRUCK", "MOTORCYCLE". */
  vehicleType: string | null;
  /** DriveType, e.g. "4WD/4-Wheel Drive/4x4". */
  driveType: string | null;
  /** FuelTypePrimary */
  fuelTypePrimary: string | null;
  /** FuelTypeSecondary */
  fuelTypeSecondary: string | null;
  /** ElectrificationLevel, e.g. "BEV (Battery Electric Vehicle)". */
  electrificationLevel: string | null;
  /** EngineCylinders */
  engineCylinders: number | null;
  /** DisplacementL */
  displacementLiters: number | null;
  /** GVWR, e.g. "Class 2E: 6,001 - 7,000 lb (2,722 - 3,175 kg)". */
  gvwr: string | null;
}

export type VehicleField = keyof VehicleFields;

export const vehicleFieldNames: VehicleField[] = [
  'modelYear',
  'make',
  'manufacturer',
  'model',
  'trim',
  'series',
  'bodyClass',
  'vehicleType',
  'driveType',
  'fuelTypePrimary',
  'fuelTypeSecondary',
  'electrificationLevel',
  'engineCylinders',
  'displacementLiters',
  'gvwr',
];

export const emptyFields = (): VehicleFields =>
  Object.fromEntries(vehicleFieldNames.map((name) => [name, null])) as unknown as VehicleFields;

export type DataSourceKind = 'VIN' | 'OFFLINE_VPIC' | 'VPIC_API';

/** One tier's contribution to a decoded vehicle: where it came from, when, and which fields it supplied. */
export interface DataSource {
  source: DataSourceKind;
  /** When that tier produced the data (ISO-8601). */
  retrievedAt: string;
  /** Dataset or API version where the tier names one. */
  version: string | null;
  fields: VehicleField[];
}

/** A decoded VIN as cached and served: the merged fields and the provenance of each tier that supplied them. */
export interface DecodedVin {
  vin: string;
  fields: VehicleFields;
  sources: DataSource[];
  /** When the merged record last changed (ISO-8601). */
  decodedAt: string;
}

/** Fills the fields `base` lacks from `extra`; returns the merged fields and the names `extra` supplied. */
export function fillMissing(base: VehicleFields, extra: Partial<VehicleFields>): { fields: VehicleFields; filled: VehicleField[] } {
  const fields = { ...base };
  const filled: VehicleField[] = [];
  for (const name of vehicleFieldNames) {
    const value = extra[name];
    if (fields[name] === null && value !== null && value !== undefined) {
      (fields as Record<VehicleField, unknown>)[name] = value;
      filled.push(name);
    }
  }
  return { fields, filled };
}

/** vPIC's strings: trimmed, with "" and "Not Applicable" meaning no data. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).replace(/\s+/g, ' ').trim();
  return trimmed === '' || trimmed === 'Not Applicable' ? null : trimmed;
}

export function integer(value: unknown): number | null {
  const parsed = Number.parseInt(text(value) ?? '', 10);
  return Number.isFinite(parsed) ? parsed : null;
}

export function decimal(value: unknown): number | null {
  const parsed = Number.parseFloat(text(value) ?? '');
  return Number.isFinite(parsed) ? Math.round(parsed * 100) / 100 : null;
}
