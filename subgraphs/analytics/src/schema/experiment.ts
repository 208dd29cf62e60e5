import type { MeanResult, VariantResult } from '@cip/platform';
import { builder } from '../builder';
import { ExperimentResults, type ExperimentReport, type VariantReport } from '../domain/experiments';

type Estimate = { value: number; interval: [number, number] };
type Comparison = NonNullable<VariantResult['difference']>;

const EstimateRef = builder.objectRef<Estimate>('ExperimentEstimate').implement({
  description: 'A measured value and its 95 % confidence interval.',
  fields: (t) => ({
    value: t.exposeFloat('value', { description: 'The value measured.' }),
    low: t.float({ description: 'Lower end of the 95 % interval.', resolve: (e) => e.interval[0] }),
    high: t.float({ description: 'Upper end of the 95 % interval.', resolve: (e) => e.interval[1] }),
  }),
});

const ComparisonRef = builder.objectRef<Comparison>('ExperimentComparison').implement({
  description: "A variant against the control (the configuration's first variant): the difference, its 95 % interval and a two-sided z-test.",
  fields: (t) => ({
    difference: t.float({ description: 'This variant minus the control.', resolve: (c) => c.value }),
    low: t.float({ description: 'Lower end of the 95 % interval of the difference.', resolve: (c) => c.interval[0] }),
    high: t.float({ description: 'Upper end of the 95 % interval of the difference.', resolve: (c) => c.interval[1] }),
    z: t.exposeFloat('z', { description: 'The z statistic.' }),
    pValue: t.exposeFloat('pValue', { description: 'Two-sided p-value: how likely a difference this large is if the variants did not differ.' }),
  }),
});

const aroEstimate = (m: MeanResult): Estimate | null => (m.mean === null || m.interval === null ? null : { value: m.mean, interval: m.interval });

const VariantRef = builder.objectRef<VariantReport>('ExperimentVariantResult').implement({
  description: "One variant's results, from the sent reports assigned to it and the customers' decisions on them.",
  fields: (t) => ({
    name: t.string({ description: 'The variant.', resolve: (v) => v.name }),
    weight: t.int({ description: 'The share of units the configuration gives it, in percent; 0 for a variant no longer configured.', resolve: (v) => v.weight }),
    sentReports: t.int({ description: 'Sent reports assigned to this variant (each recorded once, when it was sent).', resolve: (v) => v.rate.exposures }),
    approvedReports: t.int({ description: 'Of those, reports with at least one approved recommendation.', resolve: (v) => v.rate.conversions }),
    approvalRate: t.field({
      type: EstimateRef,
      description: 'approvedReports / sentReports, with its 95 % Wald interval.',
      resolve: (v) => ({ value: v.rate.rate, interval: v.rate.interval }),
    }),
    approvalRateVsControl: t.field({
      type: ComparisonRef,
      nullable: true,
      description: 'Difference of approval rates against the control: unpooled interval, pooled two-proportion z-test. Null for the control and while either side has no sent report.',
      resolve: (v) => v.rate.difference ?? null,
    }),
    closedWithApproval: t.int({ description: 'Reports in the asked currency closed with at least one approval: the reports the ARO averages.', resolve: (v) => v.averageRepairOrder.count }),
    averageRepairOrderCents: t.field({
      type: EstimateRef,
      nullable: true,
      description: 'ARO in cents: the approved cents of those reports, averaged (not rounded), with a 95 % normal interval. Null below two such reports.',
      resolve: (v) => aroEstimate(v.averageRepairOrder),
    }),
    averageRepairOrderVsControl: t.field({
      type: ComparisonRef,
      nullable: true,
      description: "Difference of ARO in cents against the control, with Welch's standard error and a large-sample z-test. Null for the control and below two reports on either side.",
      resolve: (v) => v.averageRepairOrder.difference ?? null,
    }),
  }),
});

const SampleRatioRef = builder.objectRef<ExperimentReport['sampleRatio']>('ExperimentSampleRatio').implement({
  description: 'Whether the units were split as configured: a chi-square goodness-of-fit test of the sent reports per variant against the weights.',
  fields: (t) => ({
    chiSquare: t.exposeFloat('chiSquare', { description: 'The chi-square statistic.' }),
    degreesOfFreedom: t.exposeInt('degreesOfFreedom', { description: 'Variants less one.' }),
    pValue: t.exposeFloat('pValue', { description: 'How likely a split this far from the weights is if assignment works.' }),
    mismatch: t.exposeBoolean('mismatch', { description: 'True when p < 0.001: assignment or recording is broken and the results are not to be trusted.' }),
  }),
});

const ExperimentRef = builder.objectRef<ExperimentReport>('ExperimentResults').implement({
  description: "An experiment's results from the sends and decisions analytics has ingested.",
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The experiment flag.' }),
    metric: t.exposeString('metric', { description: 'The metric it is judged by (report_approval_rate: the share of sent reports with at least one approval).' }),
    currency: t.exposeString('currency', { description: 'The currency the ARO figures are in.' }),
    variants: t.field({ type: [VariantRef], description: 'Every configured variant, control first, then any variant seen but no longer configured.', resolve: (e) => e.variants }),
    sampleRatio: t.field({ type: SampleRatioRef, description: 'Whether the split matches the weights.', resolve: (e) => e.sampleRatio }),
  }),
});

builder.queryFields((t) => ({
  experimentResults: t.field({
    type: ExperimentRef,
    authScopes: { operator: true },
    description: 'Per-variant results of an experiment flag (frequentist: z-tests against the control). NOT_FOUND for a key that is not an experiment. Operators only.',
    args: {
      key: t.arg.string({ required: true, description: 'The experiment flag, e.g. inspections.photo-first-report.' }),
      currency: t.arg.string({ defaultValue: 'USD', description: 'The ARO counts only reports in this ISO 4217 currency.' }),
    },
    resolve: (_root, { key, currency }, ctx) => new ExperimentResults(ctx.runtime).report(ctx.principal, key, currency ?? 'USD'),
  }),
}));
