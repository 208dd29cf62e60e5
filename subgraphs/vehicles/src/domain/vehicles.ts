import { appError, buildEvent, canReadShop, enqueueEvents, ErrorCode, inputError, notFound, requireShopRole, type EntityLookup, type Principal, type SubgraphRuntime } from '@cip/platform';
import type { Repositories } from '../data/repositories';
import type { Vehicle } from '../data/vehicle';
import type { VinDecoder } from '../decoding/decoder';
import { recommendedTemplateId, templateCategory } from './template';
import { assertVin, checkDigit } from './vin';

export interface PlateInput {
  plate?: string | null;
  plateState?: string | null;
}

export interface NewVehicleInput extends PlateInput {
  shopId: string;
  customerId: string;
  vin: string;
  mileage?: number | null;
  acceptCheckDigitMismatch?: boolean | null;
}

/** Postgres's code for a unique-index violation: two requests added the same VIN to a shop at once. */
const uniqueViolation = '23505';

/** Staff of the vehicle's shop, and the customer holding a share link for it, may read a vehicle. */
export function canReadVehicle(principal: Principal | null, vehicle: Vehicle): boolean {
  if (principal?.kind === 'staff') return canReadShop(principal, vehicle.shopId);
  if (principal?.kind === 'customer') return principal.shopId === vehicle.shopId && principal.customerId === vehicle.customerId;
  return false;
}

/** Who asks: the verified principal, and the credentials it came with (to ask other subgraphs as that caller). */
export interface Caller {
  principal: Principal | null;
  authorization: string | null;
}

/**
 * Adding vehicles, odometer readings and plates: permission checks, the transaction and the events.
 * `customers` checks a new vehicle's customer with the shops subgraph (null: not checked, for the
 * subgraph's own tests, which run without shops).
 */
export function createVehicleService(runtime: SubgraphRuntime, repos: Repositories, decoder: VinDecoder, customers: EntityLookup | null) {
  const dataSource = runtime.db.dataSource;

  async function writable(principal: Principal | null, vehicleId: string) {
    const [vehicle] = await repos.vehicles.findByIds([vehicleId]);
    if (!vehicle || !canReadVehicle(principal, vehicle)) throw notFound('Vehicle', vehicleId);
    return { vehicle, staff: requireShopRole(principal, vehicle.shopId) };
  }

  return {
    async add({ principal, authorization }: Caller, input: NewVehicleInput): Promise<Vehicle> {
      const staff = requireShopRole(principal, input.shopId);
      if (customers) {
        // Another organization's customer, or one of another shop, answers as a missing one would.
        const customer = await customers.find<{ shop: { id: string } }>(authorization, 'shops', { typename: 'Customer', id: input.customerId }, 'shop { id }');
        if (customer?.shop.id !== input.shopId) throw notFound('Customer', input.customerId);
      }
      const vin = assertVin(input.vin);
      const digit = checkDigit(vin);
      if (!digit.valid && !input.acceptCheckDigitMismatch) {
        throw appError(
          ErrorCode.CHECK_DIGIT_MISMATCH,
          `The check digit (position 9) is "${digit.actual}" but the rest of the VIN calls for "${digit.expected}". Check the VIN, or pass acceptCheckDigitMismatch: true if it is right.`,
          { expectedCheckDigit: digit.expected, actualCheckDigit: digit.actual },
        );
      }
      const existing = await repos.vehicles.findByShopAndVin(input.shopId, vin);
      if (existing) throw appError(ErrorCode.CONFLICT, `This shop already has a vehicle with VIN ${vin}.`, { vehicleId: existing.id });

      const [{ decoded }] = await decoder.decode([vin]);
      const category = templateCategory(decoded.fields);
      const [overrides] = await repos.templateOverrides.listByShopIds([input.shopId]);
      const templateId = recommendedTemplateId(category, new Map(overrides.map((o) => [o.category, o.templateId])));
      const store = dataSource.transaction(async (manager) => {
        const vehicle = await repos.vehicles.create(manager, {
          ...decoded.fields,
          orgId: staff.orgId,
          shopId: input.shopId,
          customerId: input.customerId,
          vin,
          templateCategory: category,
          plate: input.plate ?? null,
          plateState: input.plateState ?? null,
          dataSources: decoded.sources,
          decodedAt: new Date(decoded.decodedAt),
        });
        if (input.mileage !== null && input.mileage !== undefined) {
          await repos.mileage.create(manager, { vehicleId: vehicle.id, shopId: vehicle.shopId, miles: input.mileage, recordedBy: staff.userId });
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
        const winner = await repos.vehicles.findByShopAndVin(input.shopId, vin);
        throw appError(ErrorCode.CONFLICT, `This shop already has a vehicle with VIN ${vin}.`, { vehicleId: winner?.id });
      });
    },

    /** A reading below the vehicle's latest is refused: odometers do not run backwards, typos do. */
    async recordMileage(principal: Principal | null, vehicleId: string, miles: number): Promise<Vehicle> {
      const { vehicle, staff } = await writable(principal, vehicleId);
      await dataSource.transaction(async (manager) => {
        const highest = await repos.mileage.highestForUpdate(manager, vehicle.id);
        if (highest !== null && miles < highest) throw inputError([{ path: ['mileage'], message: `must not be less than the last reading (${highest} miles)` }]);
        await repos.mileage.create(manager, { vehicleId: vehicle.id, shopId: vehicle.shopId, miles, recordedBy: staff.userId });
      });
      return vehicle;
    },

    async updatePlate(principal: Principal | null, vehicleId: string, plate: PlateInput): Promise<Vehicle> {
      const { vehicle } = await writable(principal, vehicleId);
      return dataSource.transaction((manager) => repos.vehicles.updatePlate(manager, vehicle.id, { plate: plate.plate ?? null, plateState: plate.plateState ?? null }));
    },
  };
}
