import { analyseExperiment, analyseMeans, inputError, notFound, requireOperator, type MeanResult, type Principal, type SubgraphRuntime, type VariantResult } from '@cip/platform';
import { ExperimentRepository } from '../data/experiments';

export interface VariantReport {
  name: string;
  weight: number;
  rate: VariantResult;
  averageRepairOrder: MeanResult;
}

export interface ExperimentReport {
  key: string;
  metric: string;
  currency: string;
  variants: VariantReport[];
  sampleRatio: ReturnType<typeof analyseExperiment>['sampleRatio'];
}

/**
 * An experiment's results from the facts analytics ingested: per variant, the sent reports exposed to it, the
 * share with at least one approval (two-proportion z-test against the control) and the ARO of those closed with
 * an approval (difference of means, Welch), and whether the exposures match the configured split.
 */
export class ExperimentResults {
  private readonly facts: ExperimentRepository;

  constructor(private readonly runtime: SubgraphRuntime) {
    this.facts = new ExperimentRepository(runtime.db.dataSource);
  }

  async report(principal: Principal | null, key: string, currency: string): Promise<ExperimentReport> {
    requireOperator(principal);
    const definition = this.runtime.flags.definition(key);
    if (definition?.kind !== 'experiment' || !definition.metric) throw notFound('Experiment', key);
    if (!/^[A-Z]{3}$/.test(currency)) throw inputError([{ path: ['currency'], message: 'must be an ISO 4217 code such as USD' }]);
    const facts = new Map((await this.facts.variantFacts(key, currency)).map((row) => [row.variant, row]));
    const variants = [...this.configuredWeights(key)];
    for (const name of facts.keys()) if (!variants.some((v) => v.name === name)) variants.push({ name, weight: 0 });

    const counts = variants.map((v) => ({ name: v.name, weight: v.weight, exposures: facts.get(v.name)?.exposures ?? 0, conversions: facts.get(v.name)?.conversions ?? 0 }));
    const rates = analyseExperiment(counts);
    const aro = analyseMeans(
      variants.map((v) => {
        const f = facts.get(v.name);
        return { name: v.name, count: f?.closedWithApproval ?? 0, sum: f?.approvedCentsSum ?? 0, sumOfSquares: f?.approvedCentsSumOfSquares ?? 0 };
      }),
    );
    return {
      key,
      metric: definition.metric,
      currency,
      variants: variants.map((v, i) => ({ name: v.name, weight: v.weight, rate: rates.variants[i]!, averageRepairOrder: aro[i]! })),
      sampleRatio: rates.sampleRatio,
    };
  }

  /** The split the stored configuration asks for, control first; none while nothing is stored. */
  private configuredWeights(key: string): { name: string; weight: number }[] {
    const state = this.runtime.flags.provider.stored(key)?.state;
    const serves = [...(state?.rules.map((r) => r.serve) ?? []), ...(state?.fallthrough ? [state.fallthrough] : [])];
    return (serves.find((s) => s.variants)?.variants ?? []).map((v) => ({ name: v.name, weight: v.weight }));
  }
}
