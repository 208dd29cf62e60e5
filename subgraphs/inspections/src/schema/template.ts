import { builder } from '../builder';
import { isBuiltIn, type RecommendationWording } from '../data/template';
import { ItemKindEnum, ShopRef, TemplateItemRef, TemplateRef, TemplateSectionRef, ThresholdDirectionEnum, ThresholdsRef, UnitEnum } from './refs';

TemplateRef.implement({
  description:
    'An inspection template: ordered sections of items to check. Built-in templates have fixed ids (`tpl_standard`, `tpl_ev_hybrid`, `tpl_diesel`, `tpl_light_truck`, `tpl_motorcycle`); shops copy them and edit their own (UUID ids). Every edit of the sections makes a new version; an inspection keeps the version it started with.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier: a `tpl_…` id for built-ins, a UUID for shop templates.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { description: 'What the template is for.' }),
    builtIn: t.boolean({ description: 'Whether this is a built-in template (read-only; copy it to change it).', resolve: (tpl) => isBuiltIn(tpl) }),
    version: t.exposeInt('version', { description: 'Current version; starts at 1 and grows with every change of the sections.' }),
    shop: t.field({ type: ShopRef, nullable: true, description: 'The shop that owns this template; null for built-ins.', resolve: (tpl) => (tpl.shopId ? { id: tpl.shopId } : null) }),
    basedOn: t.field({
      type: TemplateRef,
      nullable: true,
      description: 'The template this one was copied from.',
      resolve: (tpl, _args, ctx) => (tpl.basedOnId ? ctx.reader.template(tpl.basedOnId) : null),
    }),
    sections: t.field({ type: [TemplateSectionRef], description: 'Sections in order, each with its items in order.', resolve: (tpl) => tpl.sections }),
    itemCount: t.int({ description: 'How many items the template has.', resolve: (tpl) => tpl.sections.reduce((n, s) => n + s.items.length, 0) }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the template last changed.' }),
  }),
});

TemplateSectionRef.implement({
  description: 'A group of template items, e.g. "Brakes".',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key of the section within the template.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    items: t.field({ type: [TemplateItemRef], description: 'Items in order.', resolve: (s) => s.items }),
  }),
});

TemplateItemRef.implement({
  description: 'One thing to check, e.g. "LF tread depth" measured in 32nds of an inch.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key of the item; inspection results refer to items by it (`itemKey`).' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    kind: t.field({ type: ItemKindEnum, description: 'Condition only, or a measurement.', resolve: (i) => i.kind }),
    unit: t.field({ type: UnitEnum, nullable: true, description: 'Unit of the measurement; null for condition items.', resolve: (i) => i.unit }),
    thresholds: t.field({ type: ThresholdsRef, nullable: true, description: 'Limits that turn a measurement into a condition; null for condition items.', resolve: (i) => i.thresholds }),
    recommendation: t.field({
      type: WordingRef,
      nullable: true,
      description: "The shop's wording of the recommendation this item gets when found yellow or red; null for the default wording.",
      resolve: (i) => i.recommendation ?? null,
    }),
  }),
});

const WordingRef = builder.objectRef<RecommendationWording>('TemplateItemRecommendation').implement({
  description:
    'How a template item words its recommendation. The title is followed by the measurement and its limit (e.g. "Replace front brake pads — 2 mm, minimum 4 mm"); the description follows the condition and comes before the technician\'s notes.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'What to do, e.g. "Replace front brake pads".' }),
    description: t.exposeString('description', { description: 'Why, in plain words; may be empty.' }),
  }),
});

ThresholdsRef.implement({
  description: 'How a measurement sets the condition: at or past `redAt` is RED, at or past `yellowAt` is YELLOW, otherwise GREEN.',
  fields: (t) => ({
    direction: t.field({ type: ThresholdDirectionEnum, description: 'Which way the measurement gets worse.', resolve: (th) => th.direction }),
    yellowAt: t.exposeFloat('yellowAt', { description: 'The value at which the condition becomes YELLOW.' }),
    redAt: t.exposeFloat('redAt', { description: 'The value at which the condition becomes RED.' }),
  }),
});

builder.asEntity(TemplateRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => ctx.reader.template(id),
});

const ThresholdsInput = builder.inputType('TemplateItemThresholdsInput', {
  description: 'Limits for a measurement item.',
  fields: (t) => ({
    direction: t.field({ type: ThresholdDirectionEnum, required: true, description: 'Which way the measurement gets worse.' }),
    yellowAt: t.float({ required: true, description: 'The value at which it becomes YELLOW.' }),
    redAt: t.float({ required: true, description: 'The value at which it becomes RED; past `yellowAt` in the worse direction.' }),
  }),
});

const WordingInput = builder.inputType('TemplateItemRecommendationInput', {
  description: 'The wording of the recommendation a template item gets when found yellow or red.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'What to do, 1 to 150 characters, e.g. "Replace front brake pads".' }),
    description: t.string({ description: 'Why, up to 2,000 characters.' }),
  }),
});

const TemplateItemInput = builder.inputType('TemplateItemInput', {
  description: 'One item of a template section.',
  fields: (t) => ({
    key: t.string({ description: 'Stable key, unique in the template (letters, digits, `_` and `.`). Keep it when editing so carry-forward can match results; generated when omitted.' }),
    name: t.string({ required: true, description: 'Display name.' }),
    kind: t.field({ type: ItemKindEnum, required: true, description: 'Condition only, or a measurement.' }),
    unit: t.field({ type: UnitEnum, description: 'Required for measurements, absent for condition items.' }),
    thresholds: t.field({ type: ThresholdsInput, description: 'Required for measurements, absent for condition items.' }),
    recommendation: t.field({ type: WordingInput, description: "The recommendation's wording when the item is found yellow or red; the default wording when omitted." }),
  }),
});

const TemplateSectionInput = builder.inputType('TemplateSectionInput', {
  description: 'A section of a template with its items in order.',
  fields: (t) => ({
    key: t.string({ description: 'Stable key, unique in the template; generated when omitted.' }),
    name: t.string({ required: true, description: 'Display name.' }),
    items: t.field({ type: [TemplateItemInput], required: true, description: 'Items in order; at least one.' }),
  }),
});

builder.queryFields((t) => ({
  template: t.field({
    type: TemplateRef,
    description: "One template by id: a built-in, or one of a shop you work at. Another shop's template answers NOT_FOUND.",
    args: { id: t.arg.id({ required: true, description: 'The template id.' }) },
    resolve: (_root, { id }, ctx) => ctx.reader.requireTemplate(id),
  }),
  templates: t.field({
    type: [TemplateRef],
    description: "The templates a shop can use: the built-ins first, then the shop's own by name. Staff of the shop only.",
    args: { shopId: t.arg.id({ required: true, description: 'The shop.' }) },
    resolve: (_root, { shopId }, ctx) => ctx.services.templates.list(ctx.principal, shopId),
  }),
}));

builder.mutationFields((t) => ({
  copyTemplate: t.field({
    type: TemplateRef,
    description: "Copies a template (a built-in or the shop's own) into a new template of the shop, at version 1, to edit. Owners and managers.",
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop that will own the copy.' }),
      templateId: t.arg.id({ required: true, description: 'The template to copy.' }),
      name: t.arg.string({ description: 'Name of the copy; defaults to "<original> (copy)".' }),
    },
    resolve: (_root, args, ctx) => ctx.services.templates.copy(ctx.principal, args.shopId, args.templateId, args.name),
  }),
  updateTemplate: t.field({
    type: TemplateRef,
    description:
      "Renames a shop template or replaces its sections. New sections make a new version; inspections already started keep theirs. Built-in templates cannot be edited (BAD_USER_INPUT; copy them instead); another shop's template answers NOT_FOUND. Owners and managers.",
    args: {
      id: t.arg.id({ required: true, description: 'The shop template.' }),
      name: t.arg.string({ description: 'New name.' }),
      description: t.arg.string({ description: 'New description.' }),
      sections: t.arg({ type: [TemplateSectionInput], description: 'The full new list of sections, in order.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.templates.update(ctx.principal, args.id, args),
  }),
}));
