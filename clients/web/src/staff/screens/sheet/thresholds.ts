import type { InspectionCondition, SheetItemFragment } from '@cip/sdk/documents';
import { unitLabel } from '../../../shared/format';

type Thresholds = NonNullable<SheetItemFragment['thresholds']>;

/** The condition a measurement sets (the server applies the same rule): at or past red, at or past yellow, else green. */
export function conditionFromMeasurement(value: number, thresholds: Thresholds | null | undefined): InspectionCondition | null {
  if (!thresholds) return null;
  const worse = thresholds.direction === 'LOWER_IS_WORSE' ? (limit: number) => value <= limit : (limit: number) => value >= limit;
  if (worse(thresholds.redAt)) return 'RED';
  if (worse(thresholds.yellowAt)) return 'YELLOW';
  return 'GREEN';
}

export function describeThresholds(thresholds: Thresholds | null | undefined, unit: string | null | undefined): string | null {
  if (!thresholds) return null;
  const u = unit ? ` ${unitLabel[unit] ?? ''}` : '';
  const at = thresholds.direction === 'LOWER_IS_WORSE' ? '≤' : '≥';
  return `Yellow at ${at} ${thresholds.yellowAt}${u}, red at ${at} ${thresholds.redAt}${u}`;
}
