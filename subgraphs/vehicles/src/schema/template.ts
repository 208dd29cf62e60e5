import { badInput, buildEvent, enqueueEvents, requireShopRole } from '@cip/platform';
import { builder } from '../builder';
import { builtInTemplateIds, isTemplateId, templateCategories, type TemplateCategory } from '../domain/template';
import { TemplateCategoryEnum, TemplateRef } from './refs';

interface MappingEntry {
  category: TemplateCategory;
  templateId: string;
  overridden: boolean;
}

const MappingEntryRef = builder.objectRef<MappingEntry>('VehicleTemplateMapping').implement({
  description: 'Which inspection template a shop uses for one category of vehicle.',
  fields: (t) => ({
    category: t.field({ type: TemplateCategoryEnum, description: 'The category of vehicle.', resolve: (e) => e.category }),
    template: t.field({ type: TemplateRef, description: 'The template used for it.', resolve: (e) => ({ id: e.templateId }) }),
    overridden: t.exposeBoolean('overridden', { description: "Whether this is the shop's own choice rather than the built-in template." }),
  }),
});

builder.queryField('vehicleTemplateMapping', (t) =>
  t.field({
    type: [MappingEntryRef],
    description: "The template a shop uses for each category of vehicle, overrides applied. Any staff role at the shop.",
    args: { shopId: t.arg.id({ required: true, description: 'The shop.' }) },
    resolve: async (_root, { shopId }, ctx) => {
      requireShopRole(ctx.principal, shopId);
      const overrides = new Map((await ctx.loaders.overridesByShop.load(shopId)).map((o) => [o.category, o.templateId]));
      return templateCategories.map((category) => ({
        category,
        templateId: overrides.get(category) ?? builtInTemplateIds[category],
        overridden: overrides.has(category),
      }));
    },
  }),
);

builder.mutationField('setVehicleTemplateOverride', (t) =>
  t.field({
    type: [MappingEntryRef],
    description:
      "Makes a shop use another inspection template for a category of vehicle, or goes back to the built-in one (templateId null). The shop's vehicles of that category change recommended template, and each change is published as a vehicle.template_changed event. Owners and managers.",
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }),
      category: t.arg({ type: TemplateCategoryEnum, required: true, description: 'The category of vehicle.' }),
      templateId: t.arg.id({ description: 'A built-in template id or a shop-made template\'s id; null restores the built-in template.' }),
    },
    resolve: async (_root, { shopId, category, templateId }, ctx) => {
      const staff = requireShopRole(ctx.principal, shopId, ['OWNER', 'MANAGER']);
      if (templateId && !isTemplateId(templateId)) {
        throw badInput(`"${templateId.slice(0, 40)}" is not a template id: use a built-in id such as "tpl_diesel" or a template's UUID.`, { field: 'templateId' });
      }
      await ctx.dataSource.transaction(async (manager) => {
        const previous = (await ctx.repos.templateOverrides.findOne(manager, shopId, category))?.templateId ?? builtInTemplateIds[category];
        const next = templateId ?? builtInTemplateIds[category];
        if (templateId) await ctx.repos.templateOverrides.set(manager, { shopId, category, orgId: staff.orgId, templateId, updatedBy: staff.userId });
        else await ctx.repos.templateOverrides.remove(manager, shopId, category);
        if (previous === next) return;
        const affected = await ctx.repos.vehicles.listByShopAndCategory(manager, shopId, category);
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
      ctx.loaders.overridesByShop.clear(shopId);
      const overrides = new Map((await ctx.loaders.overridesByShop.load(shopId)).map((o) => [o.category, o.templateId]));
      return templateCategories.map((c) => ({ category: c, templateId: overrides.get(c) ?? builtInTemplateIds[c], overridden: overrides.has(c) }));
    },
  }),
);
