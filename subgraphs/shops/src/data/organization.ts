import { EntitySchema, type EntityManager } from 'typeorm';
import { entitySql, inKeyOrder, queryRows } from '@cip/platform';

export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
}

export const OrganizationEntity = new EntitySchema<Organization>({
  name: 'Organization',
  tableName: 'organization',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    name: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export class OrganizationRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByIds(ids: readonly string[]): Promise<(Organization | null)[]> {
    const { table, columns } = entitySql(this.manager, OrganizationEntity);
    const rows = await queryRows<Organization>(this.manager, `/* organizations.findByIds */ SELECT ${columns('o')} FROM ${table} "o" WHERE "o"."id" = ANY($1::uuid[])`, [ids]);
    return inKeyOrder(ids, rows, (row) => row.id);
  }

  create(manager: EntityManager, input: { name: string }): Promise<Organization> {
    return manager.save(OrganizationEntity, manager.create(OrganizationEntity, input));
  }
}
