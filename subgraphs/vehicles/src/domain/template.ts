import type { VehicleFields } from '../decoding/fields';

export const templateCategories = ['EV_HYBRID', 'DIESEL', 'LIGHT_TRUCK', 'MOTORCYCLE', 'STANDARD'] as const;
export type TemplateCategory = (typeof templateCategories)[number];

/** The inspections subgraph's built-in templates, by the fixed ids of the federation contract. */
export const builtInTemplateIds: Record<TemplateCategory, string> = {
  EV_HYBRID: 'tpl_ev_hybrid',
  DIESEL: 'tpl_diesel',
  LIGHT_TRUCK: 'tpl_light_truck',
  MOTORCYCLE: 'tpl_motorcycle',
  STANDARD: 'tpl_standard',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A template id a shop may map a category to: a built-in id or a shop-made template's UUID. */
export function isTemplateId(id: string): boolean {
  return Object.values(builtInTemplateIds).includes(id) || uuid.test(id);
}

/**
 * Which kind of inspection a vehicle needs. Motorcycles come first because an electric motorcycle
 * is inspected as a motorcycle; then battery-electric and plug-in vehicles, diesels, and pickups or
 * 4x4s. Hybrids that do not plug in are inspected as standard vehicles.
 */
export function templateCategory(fields: Pick<VehicleFields, 'vehicleType' | 'bodyClass' | 'electrificationLevel' | 'fuelTypePrimary' | 'driveType'>): TemplateCategory {
  const type = fields.vehicleType ?? '';
  const body = fields.bodyClass ?? '';
  const fuel = fields.fuelTypePrimary ?? '';
  if (/motorcycle/i.test(type) || /motorcycle/i.test(body)) return 'MOTORCYCLE';
  if (/\b(BEV|PHEV|FCEV)\b/.test(fields.electrificationLevel ?? '') || /electric|fuel cell/i.test(fuel)) return 'EV_HYBRID';
  if (/diesel/i.test(fuel)) return 'DIESEL';
  if (/pickup/i.test(body) || /\b4WD\b|4x4/i.test(fields.driveType ?? '')) return 'LIGHT_TRUCK';
  return 'STANDARD';
}

/** The template for a category at a shop: the shop's override when it set one, otherwise the built-in. */
export function recommendedTemplateId(category: TemplateCategory, overrides: ReadonlyMap<TemplateCategory, string>): string {
  return overrides.get(category) ?? builtInTemplateIds[category];
}
