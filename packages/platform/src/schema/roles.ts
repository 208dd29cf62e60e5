import type { StaffRole } from '../auth/principal';

/** Who may run a shop's settings, staff and programs. */
export const managers = ['OWNER', 'MANAGER'] as const satisfies readonly StaffRole[];

/** Who prices recommendations, sends reports and acts for the customer. */
export const advisors = ['OWNER', 'MANAGER', 'ADVISOR'] as const satisfies readonly StaffRole[];
