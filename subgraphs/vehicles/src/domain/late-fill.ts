import { buildEvent, enqueueEvents, type CatalogEvent, type SubgraphRuntime } from '@cip/platform';
import { TemplateOverrideEntity } from '../data/template-override';
import { VehicleEntity } from '../data/vehicle';
import { fillMissing, type DecodedVin } from '../decoding/fields';
import { recommendedTemplateId, templateCategory } from './template';

/**
 * When vPIC answers after a vehicle was already added from offline data, the vehicle's missing fields
 * are filled in, and a vehicle whose template category changes (say, a pickup vPIC knows to be diesel)
 * gets its new recommended template published as `vehicle.template_changed`.
 */
export async function applyLateFill(runtime: SubgraphRuntime, decoded: DecodedVin): Promise<void> {
  await runtime.db.dataSource.transaction(async (manager) => {
    const vehicles = await manager.find(VehicleEntity, { where: { vin: decoded.vin }, lock: { mode: 'pessimistic_write' }, comment: 'vehicles.lateFill' });
    const events: CatalogEvent<'vehicle.template_changed'>[] = [];
    for (const vehicle of vehicles) {
      const { fields, filled } = fillMissing(vehicle, decoded.fields);
      if (filled.length === 0) continue;
      const category = templateCategory(fields);
      const sources = [...vehicle.dataSources, ...decoded.sources.filter((s) => s.source === 'VPIC_API')];
      await manager.update(VehicleEntity, { id: vehicle.id }, { ...Object.fromEntries(filled.map((f) => [f, fields[f]])), templateCategory: category, dataSources: sources, decodedAt: new Date(decoded.decodedAt) });
      if (category === vehicle.templateCategory) continue;
      const overrides = await manager.find(TemplateOverrideEntity, { where: { shopId: vehicle.shopId }, comment: 'templateOverrides.lateFill' });
      const byCategory = new Map(overrides.map((o) => [o.category, o.templateId]));
      const before = recommendedTemplateId(vehicle.templateCategory, byCategory);
      const after = recommendedTemplateId(category, byCategory);
      if (before === after) continue;
      events.push(
        buildEvent('vehicle.template_changed', {
          orgId: vehicle.orgId,
          shopId: vehicle.shopId,
          subjectId: vehicle.id,
          data: { vehicleId: vehicle.id, recommendedTemplateId: after },
        }),
      );
    }
    await enqueueEvents(manager, 'vehicles', events);
  });
}
