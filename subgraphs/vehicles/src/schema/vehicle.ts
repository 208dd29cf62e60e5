import { z } from 'zod';
import { isUuid, notFound, valid } from '@cip/platform';
import { builder } from '../builder';
import type { VehiclesContext } from '../context';
import type { Vehicle } from '../data/vehicle';
import { recommendedTemplateId } from '../domain/template';
import { canReadVehicle } from '../domain/vehicles';
import { addSpecificationFields } from './spec-fields';
import { CustomerRef, DataSourceRef, MileageReadingRef, ShopRef, TemplateCategoryEnum, TemplateRef, VehicleRef } from './refs';

VehicleRef.implement({
  description: "A customer's vehicle at a shop: identity (VIN, plate), what the VIN decodes to, odometer readings, and the inspection template it calls for.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the vehicle.' }),
    vin: t.exposeString('vin', { description: 'The 17-character VIN.' }),
    plate: t.exposeString('plate', { nullable: true, description: 'License plate, upper case, as shown on the plate.' }),
    plateState: t.exposeString('plateState', { nullable: true, description: 'State or province that issued the plate, as a two-letter code, e.g. "CO".' }),
    customer: t.field({ type: CustomerRef, description: 'The customer who owns the vehicle.', resolve: (v) => ({ id: v.customerId }) }),
    shop: t.field({ type: ShopRef, description: 'The shop that keeps this vehicle record.', resolve: (v) => ({ id: v.shopId }) }),
    mileageReadings: t.field({
      type: [MileageReadingRef],
      description: 'Odometer readings, oldest first.',
      resolve: (v, _args, ctx) => ctx.loaders.mileageByVehicle.load(v.id),
    }),
    currentMileage: t.int({
      nullable: true,
      description: 'The latest odometer reading in miles; null when none was recorded.',
      resolve: async (v, _args, ctx) => (await ctx.loaders.mileageByVehicle.load(v.id)).at(-1)?.miles ?? null,
    }),
    templateCategory: t.field({ type: TemplateCategoryEnum, description: 'The kind of inspection this vehicle needs, from its decoded VIN.', resolve: (v) => v.templateCategory }),
    recommendedTemplate: t.field({
      type: TemplateRef,
      description: "The inspection template to use for this vehicle: the shop's override for its category, or the built-in template. Starting an inspection without a template uses it.",
      resolve: async (v, _args, ctx) => ({ id: await vehicleTemplateId(ctx, v) }),
    }),
    dataSources: t.field({ type: [DataSourceRef], description: 'Where the decoded fields came from and when.', resolve: (v) => v.dataSources }),
    decodedAt: t.expose('decodedAt', { type: 'DateTime', nullable: true, description: 'When the decoded fields were last updated.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the vehicle was added.' }),
  }),
});
addSpecificationFields(VehicleRef);

MileageReadingRef.implement({
  description: 'One odometer reading.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the reading.' }),
    miles: t.exposeInt('miles', { description: 'Odometer reading in miles.' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When it was recorded.' }),
  }),
});

export async function vehicleTemplateId(ctx: VehiclesContext, vehicle: Vehicle): Promise<string> {
  const overrides = await ctx.loaders.overridesByShop.load(vehicle.shopId);
  return recommendedTemplateId(vehicle.templateCategory, new Map(overrides.map((o) => [o.category, o.templateId])));
}

async function loadReadableVehicle(ctx: VehiclesContext, id: string): Promise<Vehicle | null> {
  if (!isUuid(id)) return null;
  const vehicle = await ctx.loaders.vehicle.load(id);
  return vehicle && canReadVehicle(ctx.principal, vehicle) ? vehicle : null;
}

builder.asEntity(VehicleRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loadReadableVehicle(ctx, id),
});

CustomerRef.implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the customer.' }),
    vehicles: t.field({
      type: [VehicleRef],
      description: "The customer's vehicles at shops the caller may see, oldest first.",
      resolve: async (customer, _args, ctx) => {
        if (!isUuid(customer.id)) return [];
        const vehicles = await ctx.loaders.vehiclesByCustomer.load(customer.id);
        return vehicles.filter((v) => canReadVehicle(ctx.principal, v));
      },
    }),
  }),
});

ShopRef.implement({
  fields: (t) => ({ id: t.exposeID('id', { description: 'Stable identifier of the shop.' }) }),
});

builder.queryField('vehicle', (t) =>
  t.field({
    type: VehicleRef,
    description: 'One vehicle by id. Vehicles of shops the caller cannot see answer NOT_FOUND.',
    args: { id: t.arg.id({ required: true, description: 'The vehicle id.' }).validate(valid.id('Vehicle')) },
    resolve: async (_root, { id }, ctx) => {
      const vehicle = await loadReadableVehicle(ctx, id);
      if (!vehicle) throw notFound('Vehicle', id);
      return vehicle;
    },
  }),
);

const mileage = valid.count(0, 2_000_000);
const plate = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9 -]{0,9}$/, 'must be 1 to 10 letters, digits, spaces or hyphens')
  .nullish()
  .transform((v) => v ?? null);
const plateState = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter state or province code such as "CO"')
  .nullish()
  .transform((v) => v ?? null);

builder.mutationFields((t) => ({
  addVehicle: t.field({
    type: VehicleRef,
    description:
      "Decodes a VIN and adds the vehicle to a customer of a shop in one step, with its first odometer reading. Any staff role at the shop. Errors: INVALID_VIN_LENGTH, INVALID_VIN_CHARACTER, CHECK_DIGIT_MISMATCH (extensions.expectedCheckDigit; pass acceptCheckDigitMismatch for vehicles whose VIN really is irregular), CONFLICT when the shop already has the VIN (extensions.vehicleId).",
    args: {
      shopId: t.arg.id({ required: true, description: "The customer's shop; you must work there." }).validate(valid.id('Shop')),
      customerId: t.arg.id({ required: true, description: 'The customer (from the shops API) who owns the vehicle.' }).validate(valid.id('Customer')),
      vin: t.arg.string({ required: true, description: 'The 17-character VIN; lower case, spaces and dashes are accepted and normalized (the vehicle keeps the normalized VIN).' }),
      mileage: t.arg.int({ description: 'Current odometer reading in miles, 0 to 2,000,000.' }).validate(mileage.nullish()),
      plate: t.arg.string({ description: 'License plate.' }).validate(plate),
      plateState: t.arg.string({ description: 'Two-letter code of the state or province that issued the plate.' }).validate(plateState),
      acceptCheckDigitMismatch: t.arg.boolean({ defaultValue: false, description: 'Add the vehicle even though its check digit is wrong (e.g. an imported vehicle).' }),
    },
    resolve: (_root, args, ctx) => ctx.services.vehicles.add({ principal: ctx.principal, authorization: ctx.authorization }, args),
  }),
  recordVehicleMileage: t.field({
    type: VehicleRef,
    description:
      "Records an odometer reading for a vehicle. Any staff role at the vehicle's shop. A reading below the vehicle's highest one is refused with BAD_USER_INPUT (odometers do not run backwards).",
    args: {
      vehicleId: t.arg.id({ required: true, description: 'The vehicle.' }).validate(valid.id('Vehicle')),
      mileage: t.arg.int({ required: true, description: 'Odometer reading in miles, 0 to 2,000,000.' }).validate(mileage),
    },
    resolve: async (_root, args, ctx) => {
      const vehicle = await ctx.services.vehicles.recordMileage(ctx.principal, args.vehicleId, args.mileage);
      ctx.loaders.mileageByVehicle.clear(vehicle.id);
      return vehicle;
    },
  }),
  updateVehiclePlate: t.field({
    type: VehicleRef,
    description: "Sets or clears a vehicle's license plate. Any staff role at the vehicle's shop.",
    args: {
      vehicleId: t.arg.id({ required: true, description: 'The vehicle.' }).validate(valid.id('Vehicle')),
      plate: t.arg.string({ description: 'License plate, or null to clear it.' }).validate(plate),
      plateState: t.arg.string({ description: 'Two-letter code of the issuing state or province, or null.' }).validate(plateState),
    },
    resolve: (_root, args, ctx) => ctx.services.vehicles.updatePlate(ctx.principal, args.vehicleId, { plate: args.plate, plateState: args.plateState }),
  }),
}));
