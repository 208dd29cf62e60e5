import { appError, ErrorCode, forbidden, notFound, unauthenticated } from '../errors';
import type { Principal, StaffPrincipal, StaffRole } from './principal';

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

export function requireStaff(principal: Principal | null): StaffPrincipal {
  const caller = requirePrincipal(principal);
  if (caller.kind !== 'staff') throw forbidden('Only staff users may do this.');
  return caller;
}

/** The shops a caller may read: a staff user's role-bearing shops, a partner's enrolled shops, a customer's one shop. */
export function readableShopIds(principal: Principal | null): string[] {
  if (!principal) return [];
  switch (principal.kind) {
    case 'staff':
      return Object.keys(principal.roles);
    case 'partner':
      return principal.shopIds;
    case 'customer':
      return [principal.shopId];
    case 'operator':
      return [];
  }
}

export function canReadShop(principal: Principal | null, shopId: string): boolean {
  return readableShopIds(principal).includes(shopId);
}

/**
 * Asserts that a staff caller holds one of `roles` at `shopId`. A shop outside the caller's roles
 * answers NOT_FOUND, exactly as an id that does not exist, so ids of other tenants leak nothing.
 */
export function requireShopRole(principal: Principal | null, shopId: string, roles?: readonly StaffRole[]): StaffPrincipal {
  const staff = requireStaff(principal);
  const role = staff.roles[shopId];
  if (!role) throw notFound('Shop', shopId);
  if (roles && !roles.includes(role)) throw forbidden(`Your role at this shop (${role}) does not allow this.`);
  return staff;
}

/**
 * Step-up for whoever calls: staff as `requireRecentFactor`; partner keys, customer links and operators
 * carry no second factor to step up with and pass. Fields declare it (`authScopes: { stepUp: true }`);
 * surfaces outside GraphQL (the gateway's webhook routes) call it.
 */
export function requireStepUp(principal: Principal | null, now = Date.now()): void {
  if (principal?.kind === 'staff') requireRecentFactor(principal, now);
}

/** How recently a session must have verified a second factor for a sensitive change (step-up). */
export const stepUpWindowMs = 10 * 60 * 1000;

/**
 * Step-up for sensitive changes (API keys, webhook endpoints, payout and partner settings, roles, MFA,
 * exports): a staff caller with a second factor whose session verified none in the last 10 minutes gets
 * MFA_REQUIRED, and `verifyMfa` then lets the same token through. A user without a factor has nothing
 * to step up with; the organization's MFA policy is what makes factors mandatory.
 */
export function requireRecentFactor(principal: Principal | null, now = Date.now()): StaffPrincipal {
  const staff = requireStaff(principal);
  if (staff.mfaEnrolled && (!staff.mfaVerifiedAt || now - staff.mfaVerifiedAt > stepUpWindowMs)) {
    throw appError(ErrorCode.MFA_REQUIRED, 'Confirm it is you: verify a second factor (verifyMfa) and try again.', { reason: 'STEP_UP' });
  }
  return staff;
}
