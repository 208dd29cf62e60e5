import { describedEnum } from '@cip/platform';
import { builder } from '../builder';
import type { DataSource as DecodeSource, VehicleFields } from '../decoding/fields';
import type { DecodeResult, DecodeWarning } from '../decoding/decoder';
import type { MileageReading } from '../data/mileage-reading';
import type { Vehicle } from '../data/vehicle';
import type { CheckDigit } from '../domain/vin';
import type { TemplateCategory } from '../domain/template';

export const VehicleRef = builder.objectRef<Vehicle>('Vehicle');
export const DecodedVinRef = builder.objectRef<DecodeResult & VehicleFields>('DecodedVin');
export const MileageReadingRef = builder.objectRef<MileageReading>('VehicleMileageReading');
export const DataSourceRef = builder.objectRef<DecodeSource>('VehicleDataSource');
export const CheckDigitRef = builder.objectRef<CheckDigit>('VinCheckDigit');
export const DecodeWarningRef = builder.objectRef<DecodeWarning>('VinDecodeWarning');

/** The shops subgraph's shop, known here by id. */
export const ShopRef = builder.externalRef('Shop', builder.selection<{ id: string }>('id'));
/** The shops subgraph's customer, extended here with the customer's vehicles. */
export const CustomerRef = builder.externalRef('Customer', builder.selection<{ id: string }>('id'));
/** The inspections subgraph's inspection template, known here by id. */
export const TemplateRef = builder.externalRef('Template', builder.selection<{ id: string }>('id'));

export const TemplateCategoryEnum = describedEnum(
  builder,
  'VehicleTemplateCategory',
  'The kind of inspection a vehicle needs, chosen from its decoded VIN. Each category maps to an inspection template; a shop may override the mapping.',
  {
    EV_HYBRID: 'Battery-electric, fuel-cell and plug-in hybrid vehicles (built-in template `tpl_ev_hybrid`).',
    DIESEL: 'Diesel-fuelled vehicles, including diesel pickups (built-in template `tpl_diesel`).',
    LIGHT_TRUCK: 'Pickups and 4x4s that are neither electric nor diesel (built-in template `tpl_light_truck`).',
    MOTORCYCLE: 'Motorcycles of any fuel (built-in template `tpl_motorcycle`).',
    STANDARD: 'Everything else, including hybrids that do not plug in (built-in template `tpl_standard`).',
  } satisfies Record<TemplateCategory, string>,
);

export const DataSourceKindEnum = describedEnum(builder, 'VehicleDataSourceKind', 'Where decoded vehicle data came from.', {
  VIN: 'The VIN itself: the model year from position 10.',
  OFFLINE_VPIC: "NHTSA's vPIC database shipped with the service; needs no network.",
  VPIC_API: "NHTSA's live vPIC API; fills what the offline data lacks.",
});

export const FuelTypeEnum = describedEnum(builder, 'VehicleFuelType', "A vehicle's energy source, summarized from vPIC's fuel type and electrification level.", {
  GASOLINE: 'Gasoline only.',
  DIESEL: 'Diesel.',
  ELECTRIC: 'Battery-electric.',
  PLUG_IN_HYBRID: 'Plug-in hybrid: a battery charged from the grid and a combustion engine.',
  HYBRID: 'Hybrid that does not plug in.',
  HYDROGEN: 'Hydrogen fuel cell.',
  FLEX_FUEL: 'Flexible-fuel (gasoline or ethanol blends such as E85).',
  GAS: 'Compressed or liquefied natural gas, or propane.',
  OTHER: 'Another fuel; see `fuelTypePrimary`.',
});

export type FuelType = 'GASOLINE' | 'DIESEL' | 'ELECTRIC' | 'PLUG_IN_HYBRID' | 'HYBRID' | 'HYDROGEN' | 'FLEX_FUEL' | 'GAS' | 'OTHER';

export function fuelType(fields: Pick<VehicleFields, 'fuelTypePrimary' | 'fuelTypeSecondary' | 'electrificationLevel'>): FuelType | null {
  const primary = fields.fuelTypePrimary ?? '';
  const secondary = fields.fuelTypeSecondary ?? '';
  const level = fields.electrificationLevel ?? '';
  if (/FCEV/.test(level) || /hydrogen|fuel cell/i.test(primary)) return 'HYDROGEN';
  if (/PHEV/.test(level) || (/electric/i.test(primary) && /gasoline|diesel/i.test(secondary))) return 'PLUG_IN_HYBRID';
  if (/BEV/.test(level) || /electric/i.test(primary)) return 'ELECTRIC';
  if (/HEV/.test(level) || /electric/i.test(secondary)) return 'HYBRID';
  if (/diesel/i.test(primary)) return 'DIESEL';
  if (/flexible|ethanol|E85/i.test(primary)) return 'FLEX_FUEL';
  if (/natural gas|CNG|LNG|propane|LPG/i.test(primary)) return 'GAS';
  if (/gasoline/i.test(primary)) return 'GASOLINE';
  return primary ? 'OTHER' : null;
}

export const WarningCodeEnum = describedEnum(builder, 'VinDecodeWarningCode', 'Something a client should know about a decode that still produced data.', {
  CHECK_DIGIT_MISMATCH: 'Position 9 does not match the other characters: the VIN may be mistyped. `expectedCheckDigit` says what it should be.',
  MODEL_YEAR_UNKNOWN: 'Position 10 holds no model-year code (U, Z or 0); `year` is null.',
  ONLINE_DATA_MISSING: 'Only offline data was available; fields only the vPIC API knows (often trim and drive type) may be null until a later decode.',
  NOT_DECODED: 'No source knows this VIN; only the model year is given. Check the VIN.',
});

export const ServedFromEnum = describedEnum(builder, 'VinDecodeServedFrom', 'Which tier answered a decode.', {
  HOT_CACHE: 'The in-memory or Redis cache of recent decodes.',
  DATABASE_CACHE: 'The permanent cache of every VIN decoded before.',
  DECODERS: 'Decoded now from offline data and, when it answered in time, the vPIC API.',
});
