import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { buildEvent, enqueueEvents, notFound, parseInput, requireShopRole, type Principal } from '@cip/platform';
import { CustomerRepository, type Customer } from '../data/customer';

export const customerSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().max(100).default(''),
  phone: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be in E.164 form, e.g. "+13035550142"')
    .nullish()
    .transform((v) => v ?? null),
  email: z.string().trim().toLowerCase().email().max(320).nullish().transform((v) => v ?? null),
  smsConsent: z.boolean().default(false),
  emailConsent: z.boolean().default(false),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
  notes: z.string().max(10_000).default(''),
});

/** Roles that add and change a shop's customers. */
const writers = ['OWNER', 'MANAGER', 'ADVISOR'] as const;

/** A shop's customer records: who may add and change them, the transaction and the event it emits. */
export class CustomerBook {
  private readonly customers: CustomerRepository;

  constructor(private readonly dataSource: DataSource) {
    this.customers = new CustomerRepository(dataSource.manager);
  }

  /** Adds a customer to a shop, with `customer.created` in the same transaction. Owners, managers and advisors. */
  async create(principal: Principal | null, shopId: string, input: unknown): Promise<Customer> {
    const staff = requireShopRole(principal, shopId, writers);
    const values = parseInput(customerSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.customers.create(manager, { ...values, shopId, orgId: staff.orgId });
      await enqueueEvents(manager, 'shops', [
        buildEvent('customer.created', {
          orgId: staff.orgId,
          shopId,
          subjectId: customer.id,
          data: { smsConsent: customer.smsConsent, emailConsent: customer.emailConsent },
        }),
      ]);
      return customer;
    });
  }

  /** Replaces the details of `existing` (the customer as the caller may read it, or null: NOT_FOUND). Owners, managers and advisors of its shop. */
  async update(principal: Principal | null, id: string, existing: Customer | null, input: unknown): Promise<Customer> {
    if (!existing) throw notFound('Customer', id);
    requireShopRole(principal, existing.shopId, writers);
    const values = parseInput(customerSchema, input);
    return this.dataSource.transaction((manager) => this.customers.update(manager, id, values));
  }
}
