import type { Inspection, InspectionItem } from '../data/inspection';
import type { Recommendation } from '../data/recommendation';
import { recommendationWording } from './wording';

/** An unpriced recommendation for every yellow or red item that has none yet, in item order. */
export function autoRecommendations(inspection: Inspection, items: InspectionItem[], existing: Recommendation[]) {
  const covered = new Set(existing.map((r) => r.itemKey));
  let position = existing.reduce((max, r) => Math.max(max, r.position + 1), 0);
  return items
    .filter((item) => (item.condition === 'RED' || item.condition === 'YELLOW') && !covered.has(item.itemKey))
    .map((item) => ({
      ...recommendationWording(item),
      inspectionId: inspection.id,
      orgId: inspection.orgId,
      shopId: inspection.shopId,
      itemKey: item.itemKey,
      position: position++,
      urgency: item.condition === 'RED' ? ('IMMEDIATE' as const) : ('SOON' as const),
      laborHours: 0,
      partsCents: 0,
      laborCents: 0,
      laborRateCents: null,
      quantity: 1,
      partnerProductId: null,
    }));
}
