import type { MeQuery, StaffRole } from '@cip/sdk/documents';

export type Me = MeQuery['me'];

export interface NavItem {
  path: string;
  label: string;
}

const navByRole: Record<StaffRole, NavItem[]> = {
  OWNER: [
    { path: '/dashboard', label: 'Dashboard' },
    { path: '/board', label: 'Shop board' },
    { path: '/customers', label: 'Customers' },
    { path: '/earnings', label: 'Partner earnings' },
  ],
  MANAGER: [
    { path: '/dashboard', label: 'Dashboard' },
    { path: '/board', label: 'Shop board' },
    { path: '/customers', label: 'Customers' },
    { path: '/earnings', label: 'Partner earnings' },
  ],
  ADVISOR: [
    { path: '/board', label: 'Shop board' },
    { path: '/customers', label: 'Customers' },
  ],
  TECHNICIAN: [
    { path: '/work', label: 'My inspections' },
    { path: '/board', label: 'Shop board' },
  ],
};

const security: NavItem = { path: '/security', label: 'Security' };

/** The navigation of the user's role at the shop in view; everyone manages their own second factors. */
export const navFor = (role: StaffRole) => [...navByRole[role], security];
export const homeFor = (role: StaffRole) => navByRole[role][0].path;
export const canPrice = (role: StaffRole) => role !== 'TECHNICIAN';

export function roleAt(me: Me, shopId: string | null): { shopId: string; role: StaffRole } | null {
  const entry = me.roles.find((r) => r.shop.id === shopId) ?? me.roles[0];
  return entry ? { shopId: entry.shop.id, role: entry.role } : null;
}
