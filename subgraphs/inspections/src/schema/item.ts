import { builder } from '../builder';
import type { InspectionItem } from '../data/inspection';
import { ConditionEnum, InspectionItemRef, InspectionMediaRef, InspectionRef, ItemKindEnum, ThresholdsRef, UnitEnum } from './refs';

const PreviousResultRef = builder.objectRef<InspectionItem>('InspectionItemPreviousResult').implement({
  description: "The same item's result at the vehicle's previous inspection (carry-forward).",
  fields: (t) => ({
    inspectionId: t.exposeID('inspectionId', { description: 'The previous inspection.' }),
    condition: t.field({ type: ConditionEnum, description: 'Its condition then.', resolve: (i) => i.condition }),
    measurement: t.exposeFloat('measurement', { nullable: true, description: 'Its measurement then, in `unit`.' }),
    unit: t.field({ type: UnitEnum, nullable: true, description: 'Unit of the measurement.', resolve: (i) => i.unit }),
    notes: t.exposeString('notes', { description: "The technician's notes then." }),
    inspectedAt: t.expose('inspectedAt', { type: 'DateTime', nullable: true, description: 'When it was recorded.' }),
  }),
});

InspectionItemRef.implement({
  description: 'One item of an inspection, as its template version defined it, with the result the technician recorded.',
  fields: (t) => ({
    key: t.exposeString('itemKey', { description: 'The template item key; results are recorded against it.' }),
    section: t.exposeString('sectionName', { description: 'Name of the section the item is in.' }),
    sectionKey: t.exposeString('sectionKey', { description: 'Key of the section the item is in.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    position: t.exposeInt('position', { description: 'Order of the item in the inspection, from 0.' }),
    kind: t.field({ type: ItemKindEnum, description: 'Condition only, or a measurement.', resolve: (i) => i.kind }),
    unit: t.field({ type: UnitEnum, nullable: true, description: 'Unit a measurement must be recorded in; null for condition items.', resolve: (i) => i.unit }),
    thresholds: t.field({ type: ThresholdsRef, nullable: true, description: 'Limits that set the condition from the measurement.', resolve: (i) => i.thresholds }),
    condition: t.field({ type: ConditionEnum, description: 'The result.', resolve: (i) => i.condition }),
    measurement: t.exposeFloat('measurement', { nullable: true, description: 'The measured value, in `unit`.' }),
    notes: t.exposeString('notes', { description: "The technician's notes, shown to the customer." }),
    inspectedAt: t.expose('inspectedAt', { type: 'DateTime', nullable: true, description: 'When the result was last recorded.' }),
    media: t.field({
      type: [InspectionMediaRef],
      description: 'Photos and videos of this item, oldest first.',
      resolve: async (i, _args, ctx) => (await ctx.loaders.mediaByInspection.load(i.inspectionId)).filter((m) => m.itemKey === i.itemKey),
    }),
    previousResult: t.field({
      type: PreviousResultRef,
      nullable: true,
      description: "This item's result at the vehicle's previous inspection; null on a first visit, when that inspection had no such item, or for a customer's share-link token.",
      resolve: async (i, _args, ctx) => {
        const inspection = await ctx.reader.inspection(i.inspectionId);
        if (!inspection?.previousInspectionId || !(await ctx.reader.inspection(inspection.previousInspectionId))) return null;
        const previous = await ctx.loaders.itemsByInspection.load(inspection.previousInspectionId);
        return previous.find((p) => p.itemKey === i.itemKey) ?? null;
      },
    }),
  }),
});

const MeasurementInput = builder.inputType('InspectionMeasurementInput', {
  description: 'A measured value with its unit, which must be the item’s unit.',
  fields: (t) => ({
    value: t.float({ required: true, description: 'The value.' }),
    unit: t.field({ type: UnitEnum, required: true, description: 'The unit of the value; must match the item.' }),
  }),
});

const ItemResultInput = builder.inputType('InspectionItemResultInput', {
  description: 'A result for one item. Omitted fields keep their current value.',
  fields: (t) => ({
    itemKey: t.string({ required: true, description: 'The item (its template key).' }),
    condition: t.field({ type: ConditionEnum, description: "The condition. For a measurement item it defaults to what the thresholds say; give it to override them." }),
    measurement: t.field({ type: MeasurementInput, description: 'The measurement, for measurement items only.' }),
    notes: t.string({ description: 'Notes for the customer, up to 4,000 characters.' }),
  }),
});

builder.mutationField('recordItemResults', (t) =>
  t.field({
    type: InspectionRef,
    description:
      "Records results of an IN_PROGRESS inspection's items, all or nothing: an item the template version does not have, a measurement on a condition item or in another unit fails the whole call with BAD_USER_INPUT and records nothing. Any staff role.",
    args: {
      inspectionId: t.arg.id({ required: true, description: 'The inspection.' }),
      results: t.arg({ type: [ItemResultInput], required: true, description: 'One result per item.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.results.record(ctx.principal, args.inspectionId, args.results),
  }),
);
