/** Display formats shared by the staff app and the customer page: money from integer cents, rates, times. */

export interface Money {
  amountCents: number;
  currency: string;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money | null | undefined, options: { whole?: boolean } = {}): string {
  if (!money) return '—';
  const key = `${money.currency}:${options.whole ? 0 : 2}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: options.whole ? 0 : 2,
      maximumFractionDigits: options.whole ? 0 : 2,
    });
    moneyFormats.set(key, format);
  }
  return format.format(money.amountCents / 100);
}

export function formatPercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric' });
}

export function vehicleName(vehicle: { year?: number | null; make?: string | null; model?: string | null } | null | undefined): string {
  if (!vehicle) return 'Vehicle';
  return [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ') || 'Vehicle';
}

export type Condition = 'GREEN' | 'YELLOW' | 'RED' | 'NOT_INSPECTED';

export const conditionLabel: Record<Condition, string> = {
  GREEN: 'Good',
  YELLOW: 'Needs attention soon',
  RED: 'Needs attention now',
  NOT_INSPECTED: 'Not inspected',
};

export const unitLabel: Record<string, string> = {
  MILLIMETERS: 'mm',
  INCH_32NDS: '/32"',
  PSI: 'psi',
  VOLTS: 'V',
  PERCENT: '%',
  COLD_CRANKING_AMPS: 'CCA',
  FAHRENHEIT: '°F',
};
