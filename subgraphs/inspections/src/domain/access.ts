import type { EntityManager } from 'typeorm';
import { canReadShop, notFound, type Principal } from '@cip/platform';
import type { InspectionsContext } from '../context';
import type { Inspection } from '../data/inspection';
import type { Recommendation } from '../data/recommendation';
import type { Template } from '../data/template';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => uuid.test(id);

/** Staff of the inspection's shop, and the customer holding its share link, may read an inspection. */
export function canReadInspection(principal: Principal | null, inspection: Pick<Inspection, 'id' | 'shopId'>): boolean {
  if (principal?.kind === 'staff') return canReadShop(principal, inspection.shopId);
  if (principal?.kind === 'customer') return principal.inspectionId === inspection.id;
  return false;
}

/** Built-in templates are readable by anyone signed in; a shop's own by its staff. */
export function canReadTemplate(principal: Principal | null, template: Template): boolean {
  if (!principal) return false;
  return template.shopId === null || canReadShop(principal, template.shopId);
}

export async function loadReadableInspection(ctx: InspectionsContext, id: string): Promise<Inspection | null> {
  if (!isUuid(id)) return null;
  const inspection = await ctx.loaders.inspection.load(id);
  return inspection && canReadInspection(ctx.principal, inspection) ? inspection : null;
}

export async function loadReadableRecommendation(ctx: InspectionsContext, id: string): Promise<Recommendation | null> {
  if (!isUuid(id)) return null;
  const recommendation = await ctx.loaders.recommendation.load(id);
  return recommendation && canReadInspection(ctx.principal, { id: recommendation.inspectionId, shopId: recommendation.shopId }) ? recommendation : null;
}

export async function loadReadableTemplate(ctx: InspectionsContext, id: string): Promise<Template | null> {
  const template = await ctx.loaders.template.load(id);
  return template && canReadTemplate(ctx.principal, template) ? template : null;
}

export async function requireReadableInspection(ctx: InspectionsContext, id: string): Promise<Inspection> {
  const inspection = await loadReadableInspection(ctx, id);
  if (!inspection) throw notFound('Inspection', id);
  return inspection;
}

/** Reads the inspection under a row lock for a state change, inside the caller's transaction. */
export async function lockInspection(ctx: InspectionsContext, manager: EntityManager, id: string): Promise<Inspection> {
  const locked = await ctx.repos.inspections.findForUpdate(manager, id);
  if (!locked) throw notFound('Inspection', id);
  return locked;
}
