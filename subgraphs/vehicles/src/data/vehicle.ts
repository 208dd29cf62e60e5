import { EntitySchema, In, type EntityManager } from 'typeorm';
import { findByIds, findGroupedBy } from '@cip/platform';
import type { DataSource as DecodeSource, VehicleFields } from '../decoding/fields';
import type { TemplateCategory } from '../domain/template';

export interface Vehicle extends VehicleFields {
  id: string;
  orgId: string;
  shopId: string;
  customerId: string;
  vin: string;
  templateCategory: TemplateCategory;
  plate: string | null;
  plateState: string | null;
  dataSources: DecodeSource[];
  decodedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const VehicleEntity = new EntitySchema<Vehicle>({
  name: 'Vehicle',
  tableName: 'vehicle',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    orgId: { type: 'uuid', name: 'org_id' },
    shopId: { type: 'uuid', name: 'shop_id' },
    customerId: { type: 'uuid', name: 'customer_id' },
    vin: { type: 'char', length: 17 },
    modelYear: { type: 'integer', name: 'model_year', nullable: true },
    make: { type: 'text', nullable: true },
    manufacturer: { type: 'text', nullable: true },
    model: { type: 'text', nullable: true },
    trim: { type: 'text', nullable: true },
    series: { type: 'text', nullable: true },
    bodyClass: { type: 'text', name: 'body_class', nullable: true },
    vehicleType: { type: 'text', name: 'vehicle_type', nullable: true },
    driveType: { type: 'text', name: 'drive_type', nullable: true },
    fuelTypePrimary: { type: 'text', name: 'fuel_type_primary', nullable: true },
    fuelTypeSecondary: { type: 'text', name: 'fuel_type_secondary', nullable: true },
    electrificationLevel: { type: 'text', name: 'electrification_level', nullable: true },
    engineCylinders: { type: 'integer', name: 'engine_cylinders', nullable: true },
    displacementLiters: { type: 'double precision', name: 'displacement_liters', nullable: true },
    gvwr: { type: 'text', nullable: true },
    templateCategory: { type: 'text', name: 'template_category' },
    plate: { type: 'text', nullable: true },
    plateState: { type: 'text', name: 'plate_state', nullable: true },
    dataSources: { type: 'jsonb', name: 'data_sources' },
    decodedAt: { type: 'timestamptz', name: 'decoded_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
  indices: [
    { name: 'vehicle_shop_vin', columns: ['shopId', 'vin'], unique: true },
    { name: 'vehicle_customer', columns: ['customerId'] },
  ],
});

export type NewVehicle = Omit<Vehicle, 'id' | 'createdAt' | 'updatedAt'>;

export class VehicleRepository {
  constructor(private readonly manager: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<(Vehicle | null)[]> {
    return findByIds(this.manager, VehicleEntity, ids);
  }

  /** Each customer's vehicles, oldest first, limited to the given shops (the ones the caller may read). */
  async listByCustomerIds(customerIds: readonly string[], shopIds: readonly string[]): Promise<Vehicle[][]> {
    if (shopIds.length === 0) return customerIds.map(() => []);
    return findGroupedBy(this.manager, VehicleEntity, 'customerId', customerIds, { name: 'vehicles.listByCustomerIds', order: { createdAt: 'ASC', id: 'ASC' }, where: { shopId: In([...shopIds]) } });
  }

  findByShopAndVin(shopId: string, vin: string): Promise<Vehicle | null> {
    return this.manager.findOne(VehicleEntity, { where: { shopId, vin }, comment: 'vehicles.findByShopAndVin' });
  }

  /** A shop's vehicles of one template category (the ones a changed override affects). */
  listByShopAndCategory(manager: EntityManager, shopId: string, category: TemplateCategory): Promise<Pick<Vehicle, 'id' | 'shopId' | 'orgId'>[]> {
    return manager.find(VehicleEntity, {
      select: { id: true, shopId: true, orgId: true },
      where: { shopId, templateCategory: category },
      comment: 'vehicles.listByShopAndCategory',
    });
  }

  create(manager: EntityManager, input: NewVehicle): Promise<Vehicle> {
    return manager.save(VehicleEntity, manager.create(VehicleEntity, input));
  }

  async updatePlate(manager: EntityManager, id: string, plate: { plate: string | null; plateState: string | null }): Promise<Vehicle> {
    await manager.update(VehicleEntity, { id }, plate);
    return manager.findOneByOrFail(VehicleEntity, { id });
  }
}
