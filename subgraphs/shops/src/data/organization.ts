import { EntitySchema, In, type EntityManager } from 'typeorm';
import { inKeyOrder } from '@cip/platform';

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
    const rows = await this.manager.find(OrganizationEntity, { where: { id: In([...ids]) }, comment: 'organizations.findByIds' });
    return inKeyOrder(ids, rows, (row) => row.id);
  }

  create(manager: EntityManager, input: { name: string }): Promise<Organization> {
    return manager.save(OrganizationEntity, manager.create(OrganizationEntity, input));
  }
}
