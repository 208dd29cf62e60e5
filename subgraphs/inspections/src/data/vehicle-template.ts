import { EntitySchema, type EntityManager } from 'typeorm';
import { recordNewest } from './projection';

/** The projection of the vehicles subgraph's template choice per vehicle, kept from its events. */
export interface VehicleTemplate {
  vehicleId: string;
  templateId: string;
  eventAt: Date;
}

export const VehicleTemplateEntity = new EntitySchema<VehicleTemplate>({
  name: 'VehicleTemplate',
  tableName: 'vehicle_template',
  columns: {
    vehicleId: { type: 'uuid', name: 'vehicle_id', primary: true },
    templateId: { type: 'text', name: 'template_id' },
    eventAt: { type: 'timestamptz', name: 'event_at' },
  },
});

export class VehicleTemplateRepository {
  constructor(private readonly manager: EntityManager) {}

  find(vehicleId: string, manager: EntityManager = this.manager): Promise<VehicleTemplate | null> {
    return manager.findOne(VehicleTemplateEntity, { where: { vehicleId }, comment: 'vehicleTemplates.find' });
  }

  /** Keeps the choice of the newest event. */
  record(manager: EntityManager, row: VehicleTemplate): Promise<void> {
    return recordNewest(manager, VehicleTemplateEntity, row, 'vehicleTemplates.record');
  }
}
