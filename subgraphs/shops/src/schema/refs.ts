import { staffRoles, type StaffRole } from '@cip/platform';
import { builder } from '../builder';
import type { Customer } from '../data/customer';
import type { Organization } from '../data/organization';
import type { Address, Shop } from '../data/shop';
import type { ShopRole, User } from '../data/user';

export const OrganizationRef = builder.objectRef<Organization>('Organization');
export const ShopRef = builder.objectRef<Shop>('Shop');
export const UserRef = builder.objectRef<User>('User');
export const CustomerRef = builder.objectRef<Customer>('Customer');
export const AddressRef = builder.objectRef<Address>('Address');
export const ShopRoleRef = builder.objectRef<ShopRole>('ShopRole');

const roleDescriptions: Record<StaffRole, string> = {
  OWNER: 'Runs the shop: everything a manager can do, plus granting the owner role.',
  MANAGER: 'Manages staff, settings and prices.',
  ADVISOR: 'Prices recommendations, sends reports to customers and manages customers.',
  TECHNICIAN: 'Performs inspections.',
};

export const StaffRoleEnum = builder.enumType('StaffRole', {
  description: "A staff user's role at one shop. Roles are per shop: a user may manage one shop and advise at another.",
  values: Object.fromEntries(staffRoles.map((role) => [role, { value: role, description: roleDescriptions[role] }])) as Record<
    StaffRole,
    { value: StaffRole; description: string }
  >,
});
