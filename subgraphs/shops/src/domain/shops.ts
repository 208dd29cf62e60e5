import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { buildEvent, enqueueEvents, forbidden, parseInput, requireShopRole, requireStaff, type Principal } from '@cip/platform';
import { ShopRepository, type Shop } from '../data/shop';
import { UserRepository } from '../data/user';
import type { Sessions } from './sessions';

const timezone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "America/Chicago"');

export const addressSchema = z.object({
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).nullish().transform((v) => v || null),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().min(1).max(100),
  postalCode: z.string().trim().min(1).max(20),
  country: z.string().trim().length(2).transform((v) => v.toUpperCase()),
});

export const shopSchema = z.object({
  name: z.string().trim().min(1).max(200),
  address: addressSchema,
  timezone,
  laborRateCents: z.number().int().min(0).max(10_000_00),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as "USD"').default('USD'),
});

export const shopCreated = (shop: Shop) =>
  buildEvent('shop.created', {
    orgId: shop.orgId,
    shopId: shop.id,
    subjectId: shop.id,
    data: { name: shop.name, timezone: shop.timezone, currency: shop.currency, laborRateCents: shop.laborRateCents },
  });

const shopUpdated = (shop: Shop) =>
  buildEvent('shop.updated', {
    orgId: shop.orgId,
    shopId: shop.id,
    subjectId: shop.id,
    data: { name: shop.name, timezone: shop.timezone, currency: shop.currency, laborRateCents: shop.laborRateCents },
  });

/** Opening shops and changing their settings. */
export class ShopSettings {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: Sessions,
  ) {}

  /** Adds a shop to the caller's organization with the caller as its owner, usable with the caller's current token. Owners only. */
  async create(principal: Principal | null, input: unknown): Promise<Shop> {
    const staff = requireStaff(principal);
    if (!Object.values(staff.roles).includes('OWNER')) throw forbidden('Only an owner can add shops.');
    const values = parseInput(shopSchema, input);
    const shop = await this.dataSource.transaction(async (manager) => {
      const created = await new ShopRepository(manager).create(manager, { ...values, orgId: staff.orgId });
      await new UserRepository(manager).setRole(manager, { userId: staff.userId, shopId: created.id, orgId: staff.orgId, role: 'OWNER' });
      await enqueueEvents(manager, 'shops', [shopCreated(created)]);
      return created;
    });
    await this.sessions.publishAccess({ id: staff.userId, orgId: staff.orgId });
    return shop;
  }

  /** Replaces a shop's settings. Owners and managers. */
  async update(principal: Principal | null, id: string, input: unknown): Promise<Shop> {
    requireShopRole(principal, id, ['OWNER', 'MANAGER']);
    const values = parseInput(shopSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const shop = await new ShopRepository(manager).update(manager, id, values);
      await enqueueEvents(manager, 'shops', [shopUpdated(shop)]);
      return shop;
    });
  }
}
