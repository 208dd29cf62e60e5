import { describedEnum } from '@cip/platform';
import { builder } from '../builder';
import type { Condition, Inspection, InspectionItem, InspectionStatus } from '../data/inspection';
import type { InspectionMedia } from '../data/media';
import type { Recommendation, Urgency } from '../data/recommendation';
import type { ItemKind, MeasurementUnit, Template, ThresholdDirection, TemplateItem, TemplateSection, Thresholds } from '../data/template';
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

export const InspectionStatusEnum = describedEnum(
  builder,
  'InspectionStatus',
  'Where an inspection is in its flow: DRAFT → IN_PROGRESS → COMPLETED → SENT → CLOSED. Each step only goes forward by one.',
  {
    DRAFT: 'Opened (e.g. when the car is checked in) but not yet begun by a technician.',
    IN_PROGRESS: 'The technician is recording results.',
    COMPLETED: 'The technician finished; the advisor prices recommendations before sending.',
    SENT: 'The report was sent to the customer, who may approve or decline each recommendation.',
    CLOSED: 'The customer decided on every recommendation, or the shop closed the inspection.',
  } satisfies Record<InspectionStatus, string>,
);

export const ConditionEnum = describedEnum(builder, 'InspectionCondition', "An item's condition. Measurement items get it from their thresholds unless the technician sets it.", {
  GREEN: 'Checked and fine.',
  YELLOW: 'Needs attention soon.',
  RED: 'Needs attention now.',
  NOT_INSPECTED: 'Not checked (yet).',
} satisfies Record<Condition, string>);

export const ItemKindEnum = describedEnum(builder, 'InspectionItemKind', 'What a template item records.', {
  CONDITION: 'A condition only.',
  MEASUREMENT: 'A measurement in a unit, whose thresholds set the condition.',
} satisfies Record<ItemKind, string>);

export const UnitEnum = describedEnum(builder, 'InspectionMeasurementUnit', 'The unit of a measurement item. A measurement must be recorded in its item’s unit.', {
  MILLIMETERS: 'Millimetres (e.g. brake pad thickness).',
  INCH_32NDS: '32nds of an inch (tire tread depth).',
  PSI: 'Pounds per square inch (tire pressure).',
  VOLTS: 'Volts (battery voltage).',
  PERCENT: 'Percent (fluid moisture, battery health, DEF level).',
  COLD_CRANKING_AMPS: 'Cold cranking amps measured by a battery tester.',
  FAHRENHEIT: 'Degrees Fahrenheit.',
} satisfies Record<MeasurementUnit, string>);

export const ThresholdDirectionEnum = describedEnum(builder, 'TemplateThresholdDirection', 'Which way a measurement gets worse.', {
  LOWER_IS_WORSE: 'Smaller values are worse (tread depth, pad thickness, voltage).',
  HIGHER_IS_WORSE: 'Larger values are worse (brake fluid moisture, soot load).',
} satisfies Record<ThresholdDirection, string>);

export const UrgencyEnum = describedEnum(builder, 'RecommendationUrgency', 'How soon the customer should act on a recommendation.', {
  IMMEDIATE: 'Safety-related or failing: do it now.',
  SOON: 'Do it within the next visit or two.',
  MONITOR: 'Watch it; no work needed yet.',
} satisfies Record<Urgency, string>);

export const DecisionEnum = describedEnum(builder, 'RecommendationDecision', "The customer's answer to a recommendation.", {
  APPROVED: 'The customer wants the work done.',
  DECLINED: 'The customer does not want the work done now.',
});
