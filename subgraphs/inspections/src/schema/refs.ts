import { builder } from '../builder';
import { conditions, inspectionStatuses, type Condition, type Inspection, type InspectionItem, type InspectionStatus } from '../data/inspection';
import type { InspectionMedia } from '../data/media';
import { urgencies, type Recommendation, type Urgency } from '../data/recommendation';
import { itemKinds, measurementUnits, type ItemKind, type MeasurementUnit, type Template, type TemplateItem, type TemplateSection, type Thresholds } from '../data/template';
import type { ApprovalTotals } from '../domain/approval';
import type { ConditionSummary } from '../domain/conditions';
import type { InspectionChange } from '../domain/live';

export const TemplateRef = builder.objectRef<Template>('Template');
export const TemplateSectionRef = builder.objectRef<TemplateSection>('TemplateSection');
export const TemplateItemRef = builder.objectRef<TemplateItem>('TemplateItem');
export const ThresholdsRef = builder.objectRef<Thresholds>('TemplateItemThresholds');
/** `change` is set only on deliveries of `inspectionUpdated`. */
export const InspectionRef = builder.objectRef<Inspection & { change?: InspectionChange }>('Inspection');
export const InspectionItemRef = builder.objectRef<InspectionItem>('InspectionItem');
export const InspectionMediaRef = builder.objectRef<InspectionMedia>('InspectionMedia');
/** `inspectionAfter` is set on a decision's answer: the inspection as the decision left it. */
export const RecommendationRef = builder.objectRef<Recommendation & { inspectionAfter?: Inspection }>('Recommendation');
export const SummaryRef = builder.objectRef<ConditionSummary>('InspectionSummary');
export const ApprovalRef = builder.objectRef<ApprovalTotals & { currency: string }>('InspectionApproval');

/** The shops subgraph's shop, extended here with its inspections. */
export const ShopRef = builder.externalRef('Shop', builder.selection<{ id: string }>('id'));
/** The shops subgraph's customer, extended here with the customer's inspections. */
export const CustomerRef = builder.externalRef('Customer', builder.selection<{ id: string }>('id'));
/** The shops subgraph's staff user, extended here with the inspections assigned to them. */
export const UserRef = builder.externalRef('User', builder.selection<{ id: string }>('id'));
/** The vehicles subgraph's vehicle, extended here with its inspection history. */
export const VehicleRef = builder.externalRef('Vehicle', builder.selection<{ id: string }>('id'));
/** The partners subgraph's product a recommendation may carry. */
export const PartnerProductRef = builder.externalRef('PartnerProduct', builder.selection<{ id: string }>('id'));

export const PageInfoRef = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('PageInfo').implement({
  description: 'Where a page ends and whether another follows.',
  shareable: true,
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether another page follows; pass `endCursor` as `after` to get it.' }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Cursor of the last item of this page; null for an empty page.' }),
  }),
});

const statusDescriptions: Record<InspectionStatus, string> = {
  DRAFT: 'Opened (e.g. when the car is checked in) but not yet begun by a technician.',
  IN_PROGRESS: 'The technician is recording results.',
  COMPLETED: 'The technician finished; the advisor prices recommendations before sending.',
  SENT: 'The report was sent to the customer, who may approve or decline each recommendation.',
  CLOSED: 'The customer decided on every recommendation, or the shop closed the inspection.',
};
export const InspectionStatusEnum = builder.enumType('InspectionStatus', {
  description: 'Where an inspection is in its flow: DRAFT → IN_PROGRESS → COMPLETED → SENT → CLOSED. Each step only goes forward by one.',
  values: Object.fromEntries(inspectionStatuses.map((s) => [s, { value: s, description: statusDescriptions[s] }])) as Record<
    InspectionStatus,
    { value: InspectionStatus; description: string }
  >,
});

const conditionDescriptions: Record<Condition, string> = {
  GREEN: 'Checked and fine.',
  YELLOW: 'Needs attention soon.',
  RED: 'Needs attention now.',
  NOT_INSPECTED: 'Not checked (yet).',
};
export const ConditionEnum = builder.enumType('InspectionCondition', {
  description: "An item's condition. Measurement items get it from their thresholds unless the technician sets it.",
  values: Object.fromEntries(conditions.map((c) => [c, { value: c, description: conditionDescriptions[c] }])) as Record<Condition, { value: Condition; description: string }>,
});

export const ItemKindEnum = builder.enumType('InspectionItemKind', {
  description: 'What a template item records.',
  values: Object.fromEntries(
    itemKinds.map((k) => [k, { value: k, description: k === 'CONDITION' ? 'A condition only.' : 'A measurement in a unit, whose thresholds set the condition.' }]),
  ) as Record<ItemKind, { value: ItemKind; description: string }>,
});

const unitDescriptions: Record<MeasurementUnit, string> = {
  MILLIMETERS: 'Millimetres (e.g. brake pad thickness).',
  INCH_32NDS: '32nds of an inch (tire tread depth).',
  PSI: 'Pounds per square inch (tire pressure).',
  VOLTS: 'Volts (battery voltage).',
  PERCENT: 'Percent (fluid moisture, battery health, DEF level).',
  COLD_CRANKING_AMPS: 'Cold cranking amps measured by a battery tester.',
  FAHRENHEIT: 'Degrees Fahrenheit.',
};
export const UnitEnum = builder.enumType('InspectionMeasurementUnit', {
  description: 'The unit of a measurement item. A measurement must be recorded in its item’s unit.',
  values: Object.fromEntries(measurementUnits.map((u) => [u, { value: u, description: unitDescriptions[u] }])) as Record<
    MeasurementUnit,
    { value: MeasurementUnit; description: string }
  >,
});

export const ThresholdDirectionEnum = builder.enumType('TemplateThresholdDirection', {
  description: 'Which way a measurement gets worse.',
  values: {
    LOWER_IS_WORSE: { value: 'LOWER_IS_WORSE' as const, description: 'Smaller values are worse (tread depth, pad thickness, voltage).' },
    HIGHER_IS_WORSE: { value: 'HIGHER_IS_WORSE' as const, description: 'Larger values are worse (brake fluid moisture, soot load).' },
  },
});

export const UrgencyEnum = builder.enumType('RecommendationUrgency', {
  description: 'How soon the customer should act on a recommendation.',
  values: Object.fromEntries(
    urgencies.map((u) => [
      u,
      { value: u, description: { IMMEDIATE: 'Safety-related or failing: do it now.', SOON: 'Do it within the next visit or two.', MONITOR: 'Watch it; no work needed yet.' }[u] },
    ]),
  ) as Record<Urgency, { value: Urgency; description: string }>,
});

export const DecisionEnum = builder.enumType('RecommendationDecision', {
  description: "The customer's answer to a recommendation.",
  values: {
    APPROVED: { value: 'APPROVED' as const, description: 'The customer wants the work done.' },
    DECLINED: { value: 'DECLINED' as const, description: 'The customer does not want the work done now.' },
  },
});
