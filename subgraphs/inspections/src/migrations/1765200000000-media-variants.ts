import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The web-sized copies made of each photo on upload (size, type, dimensions, bytes); their objects sit beside the original's. */
export class MediaVariants1765200000000 implements MigrationInterface {
  name = 'MediaVariants1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections.inspection_media ADD COLUMN variants jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections.inspection_media DROP COLUMN variants`);
  }
}
