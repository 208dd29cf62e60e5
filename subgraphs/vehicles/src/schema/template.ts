import { requireShopRole, valid } from '@cip/platform';
import { builder } from '../builder';
import { builtInTemplateIds, isTemplateId, templateCategories, type TemplateCategory } from '../domain/template';
import { z } from 'zod';
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
    args: { shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')) },
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
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      category: t.arg({ type: TemplateCategoryEnum, required: true, description: 'The category of vehicle.' }),
      templateId: t.arg
        .id({ description: 'A built-in template id or a shop-made template\'s id; null restores the built-in template.' })
        .validate(z.string().refine(isTemplateId, 'must be a built-in template id such as "tpl_diesel" or a template\'s UUID').nullish()),
    },
    resolve: async (_root, { shopId, category, templateId }, ctx) => {
      await ctx.services.templateOverrides.set(ctx.principal, shopId, category, templateId ?? null);
      ctx.loaders.overridesByShop.clear(shopId);
      const overrides = new Map((await ctx.loaders.overridesByShop.load(shopId)).map((o) => [o.category, o.templateId]));
      return templateCategories.map((c) => ({ category: c, templateId: overrides.get(c) ?? builtInTemplateIds[c], overridden: overrides.has(c) }));
    },
  }),
);
