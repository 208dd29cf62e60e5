import { badInput } from '@cip/platform';
import type { Recommendation } from '../data/recommendation';
import type { ShopRate } from '../data/shop-rate';

export type LaborFields = Pick<Recommendation, 'laborHours' | 'laborCents' | 'laborRateCents'>;

/**
 * The labor of a line after a change: `laborCents` is the advisor's own price; hours alone are priced at
 * the shop's rate, which is kept with the line so a later change of the rate does not reprice it.
 */
export function priceLabor(
  change: { laborHours?: number; laborCents?: number },
  rate: ShopRate | null,
  currency: string,
  field = 'input',
): Partial<LaborFields> {
  const hours = change.laborHours === undefined ? {} : { laborHours: change.laborHours };
  if (change.laborCents !== undefined) return { ...hours, laborCents: change.laborCents, laborRateCents: null };
  if (change.laborHours === undefined) return {};
  if (!rate) throw badInput("The shop's labor rate is not known here yet; give laborCents with the hours.", { field: `${field}.laborCents` });
  if (rate.currency !== currency) {
    throw badInput(`The shop's labor rate is in ${rate.currency} but this inspection is in ${currency}; give laborCents with the hours.`, { field: `${field}.laborCents` });
  }
  return { laborHours: change.laborHours, laborCents: Math.round(change.laborHours * rate.laborRateCents), laborRateCents: rate.laborRateCents };
}
