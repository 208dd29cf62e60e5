import { EntitySchema, type EntityManager } from 'typeorm';
import { findByIds, findGroupedBy, type StaffRole } from '@cip/platform';

export interface User {
  id: string;
  orgId: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
}

export interface ShopRole {
  userId: string;
  shopId: string;
  orgId: string;
  role: StaffRole;
}

export const UserEntity = new EntitySchema<User>({
  name: 'User',
  tableName: 'staff_user',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    orgId: { type: 'uuid', name: 'org_id' },
    email: { type: 'text', unique: true },
    name: { type: 'text' },
    passwordHash: { type: 'text', name: 'password_hash' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
  indices: [{ name: 'staff_user_org', columns: ['orgId'] }],
});

export const ShopRoleEntity = new EntitySchema<ShopRole>({
  name: 'ShopRole',
  tableName: 'shop_role',
  columns: {
    userId: { type: 'uuid', name: 'user_id', primary: true },
    shopId: { type: 'uuid', name: 'shop_id', primary: true },
    orgId: { type: 'uuid', name: 'org_id' },
    role: { type: 'text' },
  },
  indices: [{ name: 'shop_role_shop', columns: ['shopId'] }],
});

export class UserRepository {
  constructor(private readonly manager: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<(User | null)[]> {
    return findByIds(this.manager, UserEntity, ids);
  }

  listByOrg(orgId: string): Promise<User[]> {
    return this.manager.find(UserEntity, { where: { orgId }, order: { id: 'ASC' }, comment: 'users.listByOrg' });
  }

  /** The users who own at least one shop of the organization. */
  ownersOf(orgId: string): Promise<User[]> {
    return this.manager
      .createQueryBuilder(UserEntity, 'user')
      .where(`user.orgId = :orgId AND EXISTS (SELECT 1 FROM shops.shop_role r WHERE r.user_id = user.id AND r.role = 'OWNER')`, { orgId })
      .orderBy('user.id')
      .comment('users.ownersOf')
      .getMany();
  }

  /** `email` as `normalizeEmail` spells it: the only spelling stored. */
  findByEmail(email: string): Promise<User | null> {
    return this.manager.findOne(UserEntity, { where: { email }, comment: 'users.findByEmail' });
  }

  rolesByUserIds(userIds: readonly string[]): Promise<ShopRole[][]> {
    return findGroupedBy(this.manager, ShopRoleEntity, 'userId', userIds, { name: 'users.rolesByUserIds' });
  }

  rolesByShopIds(shopIds: readonly string[]): Promise<ShopRole[][]> {
    return findGroupedBy(this.manager, ShopRoleEntity, 'shopId', shopIds, { name: 'users.rolesByShopIds' });
  }

  create(manager: EntityManager, input: Omit<User, 'id' | 'createdAt'>): Promise<User> {
    return manager.save(UserEntity, manager.create(UserEntity, input));
  }

  async setRole(manager: EntityManager, role: ShopRole): Promise<void> {
    await manager.upsert(ShopRoleEntity, role, ['userId', 'shopId']);
  }

  async removeRole(manager: EntityManager, userId: string, shopId: string): Promise<void> {
    await manager.delete(ShopRoleEntity, { userId, shopId });
  }
}
