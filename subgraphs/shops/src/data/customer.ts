import { EntitySchema, In, type EntityManager } from 'typeorm';
import { groupedInKeyOrder, inKeyOrder } from '@cip/platform';

export interface Customer {
  id: string;
  orgId: string;
  shopId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  smsConsent: boolean;
  emailConsent: boolean;
  consentUpdatedAt: Date | null;
  tags: string[];
  notes: string;
  createdAt: Date;
  updatedAt: Date;
}

export const CustomerEntity = new EntitySchema<Customer>({
  name: 'Customer',
  tableName: 'customer',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    orgId: { type: 'uuid', name: 'org_id' },
    shopId: { type: 'uuid', name: 'shop_id' },
    firstName: { type: 'text', name: 'first_name' },
    lastName: { type: 'text', name: 'last_name' },
    phone: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    smsConsent: { type: 'boolean', name: 'sms_consent', default: false },
    emailConsent: { type: 'boolean', name: 'email_consent', default: false },
    consentUpdatedAt: { type: 'timestamptz', name: 'consent_updated_at', nullable: true },
    tags: { type: 'text', array: true, default: () => "'{}'" },
    notes: { type: 'text', default: '' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
  indices: [{ name: 'customer_shop_name', columns: ['shopId', 'lastName', 'firstName'] }],
});

export type CustomerInput = Omit<Customer, 'id' | 'createdAt' | 'updatedAt' | 'consentUpdatedAt'>;

export class CustomerRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByIds(ids: readonly string[]): Promise<(Customer | null)[]> {
    const rows = await this.manager.find(CustomerEntity, { where: { id: In([...ids]) }, comment: 'customers.findByIds' });
    return inKeyOrder(ids, rows, (row) => row.id);
  }

  /**
   * A page of each shop's customers by name, optionally matching a name, phone or e-mail fragment, in
   * one statement for any number of shops.
   */
  async listForShops(shopIds: readonly string[], options: { search?: string; limit: number; offset: number }): Promise<Customer[][]> {
    const ranked = this.manager
      .createQueryBuilder(CustomerEntity, 'c')
      .select('c.id', 'id')
      .addSelect('row_number() OVER (PARTITION BY c.shop_id ORDER BY c.last_name, c.first_name, c.id)', 'rank')
      .where('c.shop_id IN (:...shopIds)', { shopIds: [...shopIds] });
    if (options.search) {
      ranked.andWhere("(c.first_name || ' ' || c.last_name ILIKE :pattern OR c.email ILIKE :pattern OR c.phone ILIKE :pattern)", {
        pattern: `%${options.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
      });
    }
    const rows = await this.manager
      .createQueryBuilder(CustomerEntity, 'c')
      .innerJoin(`(${ranked.getQuery()})`, 'ranked', 'ranked.id = c.id AND ranked.rank > :offset AND ranked.rank <= :end', {
        offset: options.offset,
        end: options.offset + options.limit,
      })
      .setParameters(ranked.getParameters())
      .orderBy('c.last_name', 'ASC')
      .addOrderBy('c.first_name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .comment('customers.listForShops')
      .getMany();
    return groupedInKeyOrder(shopIds, rows, (row) => row.shopId);
  }

  create(manager: EntityManager, input: CustomerInput): Promise<Customer> {
    return manager.save(CustomerEntity, manager.create(CustomerEntity, { ...input, consentUpdatedAt: new Date() }));
  }

  async update(manager: EntityManager, id: string, changes: Partial<CustomerInput>): Promise<Customer> {
    const consentChanged = changes.smsConsent !== undefined || changes.emailConsent !== undefined;
    await manager.update(CustomerEntity, { id }, consentChanged ? { ...changes, consentUpdatedAt: new Date() } : changes);
    return manager.findOneByOrFail(CustomerEntity, { id });
  }
}
