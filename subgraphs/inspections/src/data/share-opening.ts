import type { EntityManager } from 'typeorm';

/** The first opening of each inspection's report by its customer. */
export class ShareOpeningRepository {
  /** Records the first opening; false when the report had been opened before. */
  async recordFirst(manager: EntityManager, inspectionId: string, openedAt: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `/* shareOpenings.recordFirst */ INSERT INTO inspections.share_opening (inspection_id, opened_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING inspection_id`,
      [inspectionId, openedAt],
    );
    return rows.length > 0;
  }
}
