import type { DataSource } from 'typeorm';

/** What analytics has seen of one experiment's variant: sent reports exposed to it, those approved, and their ARO. */
export interface VariantFacts {
  variant: string;
  /** Units (sent reports) first exposed to the variant. */
  exposures: number;
  /** Of those, reports with at least one approved recommendation. */
  conversions: number;
  /** Of those, reports closed with at least one approval in the asked currency, and the sums of their approved cents. */
  closedWithApproval: number;
  approvedCentsSum: number;
  approvedCentsSumOfSquares: number;
}

const exposures = (table: string) =>
  `SELECT payload->>'unitId' AS unit_id, payload->>'variant' AS variant, occurred_at FROM analytics.${table}
    WHERE type = 'experiment.exposure_recorded' AND payload->>'flagKey' = $1`;

/**
 * Experiment facts: each unit's first exposure, joined with the decisions and closes of the same inspection.
 * An operator's read, served by a read replica when there is one.
 */
export class ExperimentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async variantFacts(flagKey: string, currency: string): Promise<VariantFacts[]> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      const rows = (await runner.query(
        `/* experiments.variantFacts */
         WITH exposed AS (
           SELECT DISTINCT ON (unit_id) unit_id, variant FROM (${exposures('fact_event')} UNION ALL ${exposures('fact_event_archive')}) e
            ORDER BY unit_id, occurred_at
         ), approved AS (
           SELECT DISTINCT inspection_id FROM analytics.all_facts
            WHERE type = 'recommendation.approved' AND current AND inspection_id IN (SELECT unit_id FROM exposed)
         ), closed AS (
           SELECT inspection_id, amount_cents::float8 AS cents FROM analytics.all_facts
            WHERE type = 'inspection.closed' AND current AND item_count > 0 AND currency = $2 AND inspection_id IN (SELECT unit_id FROM exposed)
         )
         SELECT e.variant, count(*)::int AS exposures, count(a.inspection_id)::int AS conversions, count(c.inspection_id)::int AS "closedWithApproval",
                coalesce(sum(c.cents), 0)::float8 AS "approvedCentsSum", coalesce(sum(c.cents * c.cents), 0)::float8 AS "approvedCentsSumOfSquares"
           FROM exposed e LEFT JOIN approved a ON a.inspection_id = e.unit_id LEFT JOIN closed c ON c.inspection_id = e.unit_id
          GROUP BY e.variant ORDER BY e.variant`,
        [flagKey, currency],
      )) as VariantFacts[];
      return rows.map((row) => ({ ...row, approvedCentsSum: Number(row.approvedCentsSum), approvedCentsSumOfSquares: Number(row.approvedCentsSumOfSquares) }));
    } finally {
      await runner.release();
    }
  }
}
