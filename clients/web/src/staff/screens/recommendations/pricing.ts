/**
 * Labor at the shop's rate, in integer cents: hours × rate, rounded to the cent. The advisor enters
 * hours; the API stores the labor cents the app computes here.
 */
export function laborCents(hours: number, rateCents: number): number {
  return Math.round(hours * rateCents);
}

/** Dollars typed by the advisor ("129.99") to integer cents; null when it is not an amount. */
export function parseCents(text: string): number | null {
  const trimmed = text.trim().replace(/^\$/, '');
  if (!/^\d+(\.\d{0,2})?$/.test(trimmed)) return null;
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const centsToInput = (cents: number) => (cents / 100).toFixed(2);
