import { buildEvent, enqueueEvents, requireShopRole, type Principal, type SubgraphRuntime } from '@cip/platform';
import type { Repositories } from '../data/repositories';
import { builtInTemplateIds, type TemplateCategory } from './template';

/** A shop's choice of inspection template per vehicle category, and the events its vehicles' changes publish. */
export function createTemplateOverrideService(runtime: SubgraphRuntime, repos: Repositories) {
  return {
    /** Maps a category to `templateId`, or back to the built-in template when it is null. Owners and managers. */
    async set(principal: Principal | null, shopId: string, category: TemplateCategory, templateId: string | null): Promise<void> {
      const staff = requireShopRole(principal, shopId, ['OWNER', 'MANAGER']);
      await runtime.db.dataSource.transaction(async (manager) => {
        const previous = (await repos.templateOverrides.findOne(manager, shopId, category))?.templateId ?? builtInTemplateIds[category];
        const next = templateId ?? builtInTemplateIds[category];
        if (templateId) await repos.templateOverrides.set(manager, { shopId, category, orgId: staff.orgId, templateId, updatedBy: staff.userId });
        else await repos.templateOverrides.remove(manager, shopId, category);
        if (previous === next) return;
        const affected = await repos.vehicles.listByShopAndCategory(manager, shopId, category);
        await enqueueEvents(
          manager,
          'vehicles',
          affected.map((vehicle) =>
            buildEvent('vehicle.template_changed', {
              orgId: vehicle.orgId,
              shopId,
              subjectId: vehicle.id,
              data: { vehicleId: vehicle.id, recommendedTemplateId: next },
            }),
          ),
        );
      });
    },
  };
}
