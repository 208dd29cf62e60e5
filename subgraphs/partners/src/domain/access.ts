import { canReadShop, forbidden, notFound, requirePrincipal, type PartnerPrincipal, type Principal } from '@cip/platform';
import type { Program, SharedField } from '../data/program';

/**
 * Who may do what with partner data:
 * - a partner principal (an API key of the partner) reads and manages only its own partner: its
 *   programs, products, rule versions, keys and statements, and only the enrolled shops its key reaches;
 * - staff read the program catalog and, for shops they hold a role at, enrollments and earnings;
 *   owners and managers enroll their shops;
 * - creating partners and programs is platform administration, done by the admin script
 *   (`npm run -w @cip/partners admin`), never through the API.
 */
export function partnerCaller(principal: Principal | null): PartnerPrincipal | null {
  return principal?.kind === 'partner' ? principal : null;
}

/** The caller must be the partner itself. Another partner gets NOT_FOUND (its data does not exist for it). */
export function requireOwnPartner(principal: Principal | null, partnerId: string): PartnerPrincipal {
  const caller = requirePrincipal(principal);
  if (caller.kind !== 'partner') throw forbidden('Only the partner, with its API key, may do this.');
  if (caller.partnerId !== partnerId) throw notFound('Partner', partnerId);
  return caller;
}

/** Staff and customers see the catalog; a partner sees only its own programs. */
export function canSeeProgram(principal: Principal | null, program: Program): boolean {
  if (!principal) return false;
  if (principal.kind === 'partner') return principal.partnerId === program.partnerId;
  return principal.kind === 'staff';
}

export function canSeePartner(principal: Principal | null, partnerId: string): boolean {
  if (!principal) return false;
  if (principal.kind === 'partner') return principal.partnerId === partnerId;
  return principal.kind === 'staff';
}

/**
 * Whether the caller may see one shop's data in one program: staff with a role at the shop see all of
 * it; the program's partner sees what the program shares, for shops its key reaches.
 */
export function canSeeShopField(principal: Principal | null, shopId: string, program: Program, field: SharedField): boolean {
  if (!principal) return false;
  if (principal.kind === 'staff') return canReadShop(principal, shopId);
  if (principal.kind === 'partner') {
    return principal.partnerId === program.partnerId && principal.shopIds.includes(shopId) && program.sharedFields.includes(field);
  }
  return false;
}

/** A shop's statements with a partner: its staff, or that partner for a shop its key reaches. */
export function canSeeEarnings(principal: Principal | null, shopId: string, partnerId: string): boolean {
  if (!principal) return false;
  if (principal.kind === 'staff') return canReadShop(principal, shopId);
  if (principal.kind === 'partner') return principal.partnerId === partnerId && principal.shopIds.includes(shopId);
  return false;
}
