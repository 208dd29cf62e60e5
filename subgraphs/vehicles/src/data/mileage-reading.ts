import { EntitySchema, type EntityManager } from 'typeorm';
import { findGroupedBy } from '@cip/platform';

/** One odometer reading of a vehicle, as a shop recorded it. */
export interface MileageReading {
  id: string;
  vehicleId: string;
  shopId: string;
  miles: number;
  recordedAt: Date;
  recordedBy: string | null;
}

export const MileageReadingEntity = new EntitySchema<MileageReading>({
  name: 'MileageReading',
  tableName: 'mileage_reading',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    vehicleId: { type: 'uuid', name: 'vehicle_id' },
    shopId: { type: 'uuid', name: 'shop_id' },
    miles: { type: 'integer' },
    recordedAt: { type: 'timestamptz', name: 'recorded_at', createDate: true },
    recordedBy: { type: 'uuid', name: 'recorded_by', nullable: true },
  },
  indices: [{ name: 'mileage_reading_vehicle', columns: ['vehicleId', 'recordedAt'] }],
});

export class MileageReadingRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Each vehicle's readings, oldest first. */
  listByVehicleIds(vehicleIds: readonly string[]): Promise<MileageReading[][]> {
    return findGroupedBy(this.manager, MileageReadingEntity, 'vehicleId', vehicleIds, { name: 'mileageReadings.listByVehicleIds', order: { recordedAt: 'ASC', id: 'ASC' } });
  }

  /** The highest reading of a vehicle, with the vehicle's row locked so readings recorded at once are checked in turn. */
  async highestForUpdate(manager: EntityManager, vehicleId: string): Promise<number | null> {
    await manager.query(`/* mileageReadings.lockVehicle */ SELECT 1 FROM vehicles.vehicle WHERE id = $1 FOR UPDATE`, [vehicleId]);
    const [row] = (await manager.query(`/* mileageReadings.highest */ SELECT max(miles) AS miles FROM vehicles.mileage_reading WHERE vehicle_id = $1`, [vehicleId])) as {
      miles: number | null;
    }[];
    return row?.miles ?? null;
  }

  create(manager: EntityManager, input: Omit<MileageReading, 'id' | 'recordedAt'>): Promise<MileageReading> {
    return manager.save(MileageReadingEntity, manager.create(MileageReadingEntity, input));
  }
}
