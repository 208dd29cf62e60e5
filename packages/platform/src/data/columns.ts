import type { EntitySchemaColumnOptions } from 'typeorm';

type Columns<K extends string> = Record<K, EntitySchemaColumnOptions>;

/** A uuid primary key the database generates. */
export const idColumn = (): Columns<'id'> => ({ id: { type: 'uuid', primary: true, generated: 'uuid' } });

/** The organization and shop every tenant row carries. */
export const tenantColumns = (): Columns<'orgId' | 'shopId'> => ({ orgId: { type: 'uuid' }, shopId: { type: 'uuid' } });

/** When the row was created and last updated, set by TypeORM. */
export const timestampColumns = (): Columns<'createdAt' | 'updatedAt'> => ({
  createdAt: { type: 'timestamptz', createDate: true },
  updatedAt: { type: 'timestamptz', updateDate: true },
});

/** When the row was created, for rows that never change. */
export const createdAtColumn = (): Columns<'createdAt'> => ({ createdAt: { type: 'timestamptz', createDate: true } });
