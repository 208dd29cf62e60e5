import { processOnce, type EventEnvelope, type SubgraphRuntime } from '@cip/platform';
import { VehicleTemplateRepository } from '../data/vehicle-template';
import { isUuid } from './access';

export const vehicleTemplatesGroup = 'inspections.vehicle-templates';
const handled = new Set(['vehicle.added', 'vehicle.template_changed']);

/**
 * Keeps `vehicleId → recommendedTemplateId` from the vehicles subgraph's events, once per event, so
 * `startInspection` without a template uses the vehicle's. The newest event wins whatever the arrival order.
 */
export async function projectVehicleTemplate(runtime: SubgraphRuntime, event: EventEnvelope): Promise<void> {
  if (!handled.has(event.type)) return;
  const data = event.data as { vehicleId?: unknown; recommendedTemplateId?: unknown };
  if (typeof data.vehicleId !== 'string' || !isUuid(data.vehicleId) || typeof data.recommendedTemplateId !== 'string') return;
  const row = { vehicleId: data.vehicleId, templateId: data.recommendedTemplateId, eventAt: new Date(event.occurredAt) };
  await processOnce(runtime.db.dataSource, 'inspections', vehicleTemplatesGroup, event, (manager) => new VehicleTemplateRepository(manager).record(manager, row));
}
