import { EntitySchema, type EntityManager } from 'typeorm';
import { findByIds } from '@cip/platform';

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

  findByIds(ids: readonly string[]): Promise<(Organization | null)[]> {
    return findByIds(this.manager, OrganizationEntity, ids);
  }

  create(manager: EntityManager, input: { name: string }): Promise<Organization> {
    return manager.save(OrganizationEntity, manager.create(OrganizationEntity, input));
  }
}
