import type { EntityManager } from 'typeorm';
import { canReadShop, notFound, requireShopRole, type Principal, type StaffRole } from '@cip/platform';
import type { Inspection, InspectionRepository } from '../data/inspection';
import type { Template } from '../data/template';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => uuid.test(id);

/** Roles that price recommendations, send reports and act for the customer. */
export const advisors = ['OWNER', 'MANAGER', 'ADVISOR'] as const;
/** Roles that edit a shop's templates. */
export const editors = ['OWNER', 'MANAGER'] as const;

/**
 * Staff of the inspection's shop, and the customer holding its current share link, may read an
 * inspection. A customer token names the link it came from (`grant`): once the link is replaced or
 * ended, tokens from it read nothing.
 */
export function canReadInspection(principal: Principal | null, inspection: Pick<Inspection, 'id' | 'shopId' | 'shareGrant'>): boolean {
  if (principal?.kind === 'staff') return canReadShop(principal, inspection.shopId);
  if (principal?.kind === 'customer') return principal.inspectionId === inspection.id && principal.grant !== undefined && principal.grant === inspection.shareGrant;
  return false;
}

/** Built-in templates are readable by anyone signed in; a shop's own by its staff. */
export function canReadTemplate(principal: Principal | null, template: Template): boolean {
  if (!principal) return false;
  return template.shopId === null || canReadShop(principal, template.shopId);
}

/** The staff member acting at the inspection's shop with one of `roles`; anyone else gets NOT_FOUND or FORBIDDEN. */
export function staffOf(principal: Principal | null, inspection: Pick<Inspection, 'id' | 'shopId'> | null, id: string, roles?: readonly StaffRole[]) {
  if (!inspection || principal?.kind !== 'staff' || !canReadShop(principal, inspection.shopId)) throw notFound('Inspection', id);
  return requireShopRole(principal, inspection.shopId, roles);
}

/** Reads the inspection under a row lock for a state change, inside the caller's transaction. */
export async function lockInspection(inspections: InspectionRepository, manager: EntityManager, id: string): Promise<Inspection> {
  const locked = isUuid(id) ? await inspections.findForUpdate(manager, id) : null;
  if (!locked) throw notFound('Inspection', id);
  return locked;
}
