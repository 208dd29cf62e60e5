import { processOnce, type CatalogEvent, type SubgraphRuntime } from '@cip/platform';
import { VehicleTemplateRepository } from '../data/vehicle-template';
import { isUuid } from './access';

export const vehicleTemplatesGroup = 'inspections.vehicle-templates';
export const vehicleTemplateEventTypes = ['vehicle.added', 'vehicle.template_changed'] as const;

/**
 * Keeps `vehicleId → recommendedTemplateId` from the vehicles subgraph's events, once per event, so
 * `startInspection` without a template uses the vehicle's. The newest event wins whatever the arrival order.
 */
export async function projectVehicleTemplate(runtime: SubgraphRuntime, event: CatalogEvent<(typeof vehicleTemplateEventTypes)[number]>): Promise<void> {
  if (!isUuid(event.data.vehicleId)) return;
  const row = { vehicleId: event.data.vehicleId, templateId: event.data.recommendedTemplateId, eventAt: new Date(event.occurredAt) };
  await processOnce(runtime.db.dataSource, 'inspections', vehicleTemplatesGroup, event, (manager) => new VehicleTemplateRepository(manager).record(manager, row));
}
