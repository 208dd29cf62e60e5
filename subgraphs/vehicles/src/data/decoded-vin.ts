import { EntitySchema, In, type EntityManager } from 'typeorm';
import { inKeyOrder } from '@cip/platform';
import type { DataSource as DecodeSource, DecodedVin, VehicleFields } from '../decoding/fields';

/** The permanent decode cache: one row per VIN ever decoded, whatever shop asked. */
export interface DecodedVinRow {
  vin: string;
  fields: VehicleFields;
  sources: DecodeSource[];
  decodedAt: Date;
  updatedAt: Date;
}

export const DecodedVinEntity = new EntitySchema<DecodedVinRow>({
  name: 'DecodedVin',
  tableName: 'decoded_vin',
  columns: {
    vin: { type: 'char', length: 17, primary: true },
    fields: { type: 'jsonb' },
    sources: { type: 'jsonb' },
    decodedAt: { type: 'timestamptz', name: 'decoded_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export class DecodedVinRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByVins(vins: readonly string[]): Promise<(DecodedVin | null)[]> {
    if (vins.length === 0) return [];
    const rows = await this.manager.find(DecodedVinEntity, { where: { vin: In([...vins]) }, comment: 'decodedVins.findByVins' });
    return inKeyOrder(vins, rows.map(toDecoded), (row) => row.vin);
  }

  /** Writes decodes in one statement; a later decode of the same VIN replaces the earlier one. */
  async save(decoded: readonly DecodedVin[]): Promise<void> {
    if (decoded.length === 0) return;
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(DecodedVinEntity)
      .values(decoded.map((d) => ({ vin: d.vin, fields: d.fields, sources: d.sources, decodedAt: new Date(d.decodedAt) })))
      .orUpdate(['fields', 'sources', 'decoded_at', 'updated_at'], ['vin'])
      .comment('decodedVins.save')
      .execute();
  }
}

function toDecoded(row: DecodedVinRow): DecodedVin {
  return { vin: row.vin, fields: row.fields, sources: row.sources, decodedAt: row.decodedAt.toISOString() };
}
