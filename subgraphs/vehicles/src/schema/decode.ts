import { badInput, canReadShop, requireStaff, valid } from '@cip/platform';
import { builder } from '../builder';
import { vpicBatchLimit } from '../decoding/vpic-client';
import { builtInTemplateIds, recommendedTemplateId, templateCategory, type TemplateCategory } from '../domain/template';
import { assertVin } from '../domain/vin';
import type { VehiclesContext } from '../context';
import type { DecodeResult } from '../decoding/decoder';
import { addSpecificationFields } from './spec-fields';
import { CheckDigitRef, DataSourceRef, DecodedVinRef, DecodeWarningRef, ServedFromEnum, TemplateCategoryEnum, TemplateRef } from './refs';

DecodedVinRef.implement({
  description: "What a VIN says about a vehicle: NHTSA's offline data, filled in by the live vPIC API when it answers, cached.",
  fields: (t) => ({
    vin: t.exposeString('vin', { description: 'The VIN decoded (17 characters).' }),
    checkDigit: t.field({ type: CheckDigitRef, description: 'The check digit (position 9) and whether it matches.', resolve: (d) => d.checkDigit }),
    warnings: t.field({ type: [DecodeWarningRef], description: 'What to know about this decode; empty when it is clean.', resolve: (d) => d.warnings }),
    sources: t.field({ type: [DataSourceRef], description: 'Where the data came from and when, in the order the sources were consulted.', resolve: (d) => d.decoded.sources }),
    decodedAt: t.field({ type: 'DateTime', description: 'When the data last changed.', resolve: (d) => d.decoded.decodedAt }),
    servedFrom: t.field({ type: ServedFromEnum, description: 'Which tier answered this request.', resolve: (d) => d.servedFrom }),
    templateCategory: t.field({ type: TemplateCategoryEnum, description: 'The kind of inspection this vehicle needs.', resolve: (d) => templateCategory(d) }),
    recommendedTemplate: t.field({
      type: TemplateRef,
      description: "The inspection template for this vehicle: the built-in one for its category, or the given shop's override.",
      args: { shopId: t.arg.id({ description: 'Apply this shop\'s template overrides (a shop you work at).' }).validate(valid.id('Shop').nullish()) },
      resolve: async (d, { shopId }, ctx) => ({ id: await templateFor(ctx, templateCategory(d), shopId ?? null) }),
    }),
  }),
});
addSpecificationFields(DecodedVinRef);

async function templateFor(ctx: VehiclesContext, category: TemplateCategory, shopId: string | null): Promise<string> {
  if (!shopId || !canReadShop(ctx.principal, shopId)) return builtInTemplateIds[category];
  const overrides = await ctx.loaders.overridesByShop.load(shopId);
  return recommendedTemplateId(category, new Map(overrides.map((o) => [o.category, o.templateId])));
}

const asResult = (result: DecodeResult) => ({ ...result, ...result.decoded.fields });

builder.queryFields((t) => ({
  decodeVin: t.field({
    type: DecodedVinRef,
    description:
      'Decodes a VIN: year, make, model, body, fuel and engine, and the inspection template it calls for. Any staff user. Errors: INVALID_VIN_LENGTH, INVALID_VIN_CHARACTER. A wrong check digit is a warning, not an error.',
    args: { vin: t.arg.string({ required: true, description: 'A 17-character VIN, e.g. "1FTMW1T88MFA00001"; lower case, spaces and dashes are accepted and normalized.' }) },
    resolve: async (_root, { vin }, ctx) => {
      requireStaff(ctx.principal);
      const [result] = await ctx.decoder.decode([assertVin(vin)]);
      return asResult(result);
    },
  }),
  decodeVins: t.field({
    type: [DecodedVinRef],
    nullable: { list: false, items: true },
    description: `Decodes up to ${vpicBatchLimit} VINs at once, answering in the order given. An invalid VIN yields null at its position and an error (INVALID_VIN_LENGTH or INVALID_VIN_CHARACTER) whose path ends with that position; the others are still decoded. Any staff user.`,
    args: { vins: t.arg.stringList({ required: true, description: `1 to ${vpicBatchLimit} VINs, each normalized like \`decodeVin\`'s.` }) },
    resolve: async (_root, { vins }, ctx) => {
      requireStaff(ctx.principal);
      if (vins.length === 0 || vins.length > vpicBatchLimit) {
        throw badInput(`Give between 1 and ${vpicBatchLimit} VINs per call; got ${vins.length}.`, { field: 'vins', count: vins.length, limit: vpicBatchLimit });
      }
      const checked = vins.map((vin, index) => {
        try {
          return assertVin(vin, { index });
        } catch (error) {
          return error as Error;
        }
      });
      const valid = checked.filter((v): v is string => typeof v === 'string');
      const results = new Map((await ctx.decoder.decode(valid)).map((r) => [r.vin, r]));
      // graphql-js reports an Error in a list as an error located at its index, with null in its place.
      return checked.map((v) => (typeof v === 'string' ? asResult(results.get(v)!) : v)) as ReturnType<typeof asResult>[];
    },
  }),
}));

TemplateRef.implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Template id: a built-in one ("tpl_standard", "tpl_ev_hybrid", "tpl_diesel", "tpl_light_truck", "tpl_motorcycle") or a shop-made template\'s UUID.' }),
  }),
});
