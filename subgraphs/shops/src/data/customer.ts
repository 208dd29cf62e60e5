import { EntitySchema, type EntityManager } from 'typeorm';
import { entitySql, findByIds, groupedInKeyOrder, queryRows } from '@cip/platform';

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

  findByIds(ids: readonly string[]): Promise<(Customer | null)[]> {
    return findByIds(this.manager, CustomerEntity, ids);
  }

  /**
   * A page of each shop's customers by name, optionally matching a name, phone or e-mail fragment, in
   * one statement for any number of shops.
   */
  async listForShops(shopIds: readonly string[], options: { search?: string; limit: number; offset: number }): Promise<Customer[][]> {
    const { table, columns } = entitySql(this.manager, CustomerEntity);
    const parameters: unknown[] = [shopIds, options.offset, options.offset + options.limit];
    let matching = '';
    if (options.search) {
      parameters.push(`%${options.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      matching = `AND ("first_name" || ' ' || "last_name" ILIKE $4 OR "email" ILIKE $4 OR "phone" ILIKE $4)`;
    }
    const rows = await queryRows<Customer>(
      this.manager,
      `/* customers.listForShops */ SELECT ${columns('c')} FROM ${table} "c"
       INNER JOIN (
         SELECT "id", row_number() OVER (PARTITION BY "shop_id" ORDER BY "last_name", "first_name", "id") AS "rank"
         FROM ${table} WHERE "shop_id" = ANY($1::uuid[]) ${matching}
       ) "ranked" ON "ranked"."id" = "c"."id" AND "ranked"."rank" > $2 AND "ranked"."rank" <= $3
       ORDER BY "c"."last_name", "c"."first_name", "c"."id"`,
      parameters,
    );
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
