import { z } from 'zod';
import { appError, buildEvent, canReadShop, enqueueEvents, ErrorCode, notFound, parseInput, requireShopRole, type Principal } from '@cip/platform';
import { builder } from '../builder';
import type { VehiclesContext } from '../context';
import type { Vehicle } from '../data/vehicle';
import { recommendedTemplateId, templateCategory } from '../domain/template';
import { assertVin, checkDigit } from '../domain/vin';
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

/** Staff of the vehicle's shop, and the customer holding a share link for it, may read a vehicle. */
function canReadVehicle(principal: Principal | null, vehicle: Vehicle): boolean {
  if (principal?.kind === 'staff') return canReadShop(principal, vehicle.shopId);
  if (principal?.kind === 'customer') return principal.shopId === vehicle.shopId && principal.customerId === vehicle.customerId;
  return false;
}

async function loadReadableVehicle(ctx: VehiclesContext, id: string): Promise<Vehicle | null> {
  if (!z.string().uuid().safeParse(id).success) return null;
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
        if (!z.string().uuid().safeParse(customer.id).success) return [];
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
    args: { id: t.arg.id({ required: true, description: 'The vehicle id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const vehicle = await loadReadableVehicle(ctx, id);
      if (!vehicle) throw notFound('Vehicle', id);
      return vehicle;
    },
  }),
);

/** Postgres's code for a unique-index violation: two requests added the same VIN to a shop at once. */
const uniqueViolation = '23505';

const mileage = z.number().int().min(0, 'must not be negative').max(2_000_000, 'must be at most 2,000,000 miles');
const plateSchema = z.object({
  plate: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9 -]{0,9}$/, 'must be 1 to 10 letters, digits, spaces or hyphens')
    .nullish()
    .transform((v) => v ?? null),
  plateState: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter state or province code such as "CO"')
    .nullish()
    .transform((v) => v ?? null),
});
const addVehicleSchema = plateSchema.extend({
  customerId: z.string().uuid('must be a customer id'),
  mileage: mileage.nullish().transform((v) => v ?? null),
});

builder.mutationFields((t) => ({
  addVehicle: t.field({
    type: VehicleRef,
    description:
      "Decodes a VIN and adds the vehicle to a customer of a shop in one step, with its first odometer reading. Any staff role at the shop. Errors: INVALID_VIN_LENGTH, INVALID_VIN_CHARACTER, CHECK_DIGIT_MISMATCH (extensions.expectedCheckDigit; pass acceptCheckDigitMismatch for vehicles whose VIN really is irregular), CONFLICT when the shop already has the VIN (extensions.vehicleId).",
    args: {
      shopId: t.arg.id({ required: true, description: "The customer's shop; you must work there." }),
      customerId: t.arg.id({ required: true, description: 'The customer (from the shops API) who owns the vehicle.' }),
      vin: t.arg.string({ required: true, description: 'The 17-character VIN; lower case, spaces and dashes are accepted and normalized (the vehicle keeps the normalized VIN).' }),
      mileage: t.arg.int({ description: 'Current odometer reading in miles.' }),
      plate: t.arg.string({ description: 'License plate.' }),
      plateState: t.arg.string({ description: 'Two-letter code of the state or province that issued the plate.' }),
      acceptCheckDigitMismatch: t.arg.boolean({ defaultValue: false, description: 'Add the vehicle even though its check digit is wrong (e.g. an imported vehicle).' }),
    },
    resolve: async (_root, args, ctx) => {
      const staff = requireShopRole(ctx.principal, args.shopId);
      const vin = assertVin(args.vin);
      const input = parseInput(addVehicleSchema, args);
      const digit = checkDigit(vin);
      if (!digit.valid && !args.acceptCheckDigitMismatch) {
        throw appError(
          ErrorCode.CHECK_DIGIT_MISMATCH,
          `The check digit (position 9) is "${digit.actual}" but the rest of the VIN calls for "${digit.expected}". Check the VIN, or pass acceptCheckDigitMismatch: true if it is right.`,
          { expectedCheckDigit: digit.expected, actualCheckDigit: digit.actual },
        );
      }
      const existing = await ctx.repos.vehicles.findByShopAndVin(args.shopId, vin);
      if (existing) throw appError(ErrorCode.CONFLICT, `This shop already has a vehicle with VIN ${vin}.`, { vehicleId: existing.id });

      const [{ decoded }] = await ctx.decoder.decode([vin]);
      const category = templateCategory(decoded.fields);
      const overrides = await ctx.loaders.overridesByShop.load(args.shopId);
      const templateId = recommendedTemplateId(category, new Map(overrides.map((o) => [o.category, o.templateId])));
      const store = ctx.dataSource.transaction(async (manager) => {
        const vehicle = await ctx.repos.vehicles.create(manager, {
          ...decoded.fields,
          orgId: staff.orgId,
          shopId: args.shopId,
          customerId: input.customerId,
          vin,
          templateCategory: category,
          plate: input.plate,
          plateState: input.plateState,
          dataSources: decoded.sources,
          decodedAt: new Date(decoded.decodedAt),
        });
        if (input.mileage !== null) {
          await ctx.repos.mileage.create(manager, { vehicleId: vehicle.id, shopId: vehicle.shopId, miles: input.mileage, recordedBy: staff.userId });
        }
        await enqueueEvents(manager, 'vehicles', [
          buildEvent('vehicle.added', {
            orgId: staff.orgId,
            shopId: vehicle.shopId,
            subjectId: vehicle.id,
            data: {
              vehicleId: vehicle.id,
              customerId: vehicle.customerId,
              vin,
              year: vehicle.modelYear,
              make: vehicle.make,
              model: vehicle.model,
              recommendedTemplateId: templateId,
            },
          }),
        ]);
        return vehicle;
      });
      return store.catch(async (error: unknown) => {
        if ((error as { driverError?: { code?: string } })?.driverError?.code !== uniqueViolation) throw error;
        const winner = await ctx.repos.vehicles.findByShopAndVin(args.shopId, vin);
        throw appError(ErrorCode.CONFLICT, `This shop already has a vehicle with VIN ${vin}.`, { vehicleId: winner?.id });
      });
    },
  }),
  recordVehicleMileage: t.field({
    type: VehicleRef,
    description: "Records an odometer reading for a vehicle. Any staff role at the vehicle's shop.",
    args: {
      vehicleId: t.arg.id({ required: true, description: 'The vehicle.' }),
      mileage: t.arg.int({ required: true, description: 'Odometer reading in miles.' }),
    },
    resolve: async (_root, args, ctx) => {
      const vehicle = await loadReadableVehicle(ctx, args.vehicleId);
      if (!vehicle) throw notFound('Vehicle', args.vehicleId);
      const staff = requireShopRole(ctx.principal, vehicle.shopId);
      const miles = parseInput(z.object({ mileage }), { mileage: args.mileage }).mileage;
      await ctx.dataSource.transaction((manager) => ctx.repos.mileage.create(manager, { vehicleId: vehicle.id, shopId: vehicle.shopId, miles, recordedBy: staff.userId }));
      ctx.loaders.mileageByVehicle.clear(vehicle.id);
      return vehicle;
    },
  }),
  updateVehiclePlate: t.field({
    type: VehicleRef,
    description: "Sets or clears a vehicle's license plate. Any staff role at the vehicle's shop.",
    args: {
      vehicleId: t.arg.id({ required: true, description: 'The vehicle.' }),
      plate: t.arg.string({ description: 'License plate, or null to clear it.' }),
      plateState: t.arg.string({ description: 'Two-letter code of the issuing state or province, or null.' }),
    },
    resolve: async (_root, args, ctx) => {
      const vehicle = await loadReadableVehicle(ctx, args.vehicleId);
      if (!vehicle) throw notFound('Vehicle', args.vehicleId);
      requireShopRole(ctx.principal, vehicle.shopId);
      const plate = parseInput(plateSchema, { plate: args.plate, plateState: args.plateState });
      return ctx.dataSource.transaction((manager) => ctx.repos.vehicles.updatePlate(manager, vehicle.id, plate));
    },
  }),
}));
