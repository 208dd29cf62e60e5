/** Ranges of the dashboard, as the shop-local calendar days the analytics API takes ("YYYY-MM-DD"). */
export type RangeKey = 'today' | '7d' | '30d' | '90d';

export const ranges: { key: RangeKey; label: string; days: number }[] = [
  { key: 'today', label: 'Today', days: 1 },
  { key: '7d', label: '7 days', days: 7 },
  { key: '30d', label: '30 days', days: 30 },
  { key: '90d', label: '90 days', days: 90 },
];

const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export function rangeOf(key: RangeKey, now = new Date()): { from: string; to: string } {
  const days = ranges.find((r) => r.key === key)!.days;
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: day(from), to: day(now) };
}

/** Every day of a range, so a chart shows days without activity as zero rather than skipping them. */
export function daysOf(range: { from: string; to: string }): string[] {
  const days: string[] = [];
  const [y, m, d] = range.from.split('-').map(Number);
  for (let date = new Date(y, m - 1, d); day(date) <= range.to; date = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1)) days.push(day(date));
  return days;
}
