import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An experiment's analysis reads its exposures by flag, then the decisions and closes of those inspections. */
export class ExperimentFacts1764990000000 implements MigrationInterface {
  name = 'ExperimentFacts1764990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX fact_event_exposure ON analytics.fact_event ((payload->>'flagKey')) WHERE type = 'experiment.exposure_recorded'`);
    await q.query(`CREATE INDEX fact_event_outcome ON analytics.fact_event (inspection_id) WHERE type IN ('recommendation.approved', 'inspection.closed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX analytics.fact_event_outcome`);
    await q.query(`DROP INDEX analytics.fact_event_exposure`);
  }
}
