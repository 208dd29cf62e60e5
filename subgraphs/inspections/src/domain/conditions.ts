import type { Condition, ConditionCount } from '../data/inspection';
import type { Thresholds } from '../data/template';

/** The condition a measurement sets: at or past `redAt` is red, at or past `yellowAt` yellow, otherwise green. */
export function conditionFor(value: number, thresholds: Thresholds): Condition {
  const worseOrEqual = (limit: number) => (thresholds.direction === 'LOWER_IS_WORSE' ? value <= limit : value >= limit);
  if (worseOrEqual(thresholds.redAt)) return 'RED';
  if (worseOrEqual(thresholds.yellowAt)) return 'YELLOW';
  return 'GREEN';
}

export interface ConditionSummary {
  green: number;
  yellow: number;
  red: number;
  notInspected: number;
  total: number;
}

export function summarize(items: readonly { condition: Condition }[]): ConditionSummary {
  const summary = { green: 0, yellow: 0, red: 0, notInspected: 0, total: items.length };
  for (const item of items) {
    if (item.condition === 'GREEN') summary.green++;
    else if (item.condition === 'YELLOW') summary.yellow++;
    else if (item.condition === 'RED') summary.red++;
    else summary.notInspected++;
  }
  return summary;
}

export function summarizeCounts(counts: readonly Pick<ConditionCount, 'condition' | 'count'>[]): ConditionSummary {
  const summary = { green: 0, yellow: 0, red: 0, notInspected: 0, total: 0 };
  for (const { condition, count } of counts) {
    summary.total += count;
    if (condition === 'GREEN') summary.green += count;
    else if (condition === 'YELLOW') summary.yellow += count;
    else if (condition === 'RED') summary.red += count;
    else summary.notInspected += count;
  }
  return summary;
}
