import { EntitySchema, type EntityManager } from 'typeorm';

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

  /** Keeps the choice of the newest event: events may arrive out of order, and a late older one changes nothing. */
  async record(manager: EntityManager, row: VehicleTemplate): Promise<void> {
    await manager.query(
      `INSERT INTO inspections.vehicle_template (vehicle_id, template_id, event_at) VALUES ($1, $2, $3)
       ON CONFLICT (vehicle_id) DO UPDATE SET template_id = EXCLUDED.template_id, event_at = EXCLUDED.event_at
       WHERE inspections.vehicle_template.event_at < EXCLUDED.event_at`,
      [row.vehicleId, row.templateId, row.eventAt],
    );
  }
}
