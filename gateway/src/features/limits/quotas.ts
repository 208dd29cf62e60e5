import type { KeyValueStore } from '@cip/platform/core';

/** Requests a partner key may make, by the plan the partners subgraph gave it. */
export interface QuotaPlan {
  perMinute: number;
  perDay: number;
}

export const defaultQuotaPlans: Record<string, QuotaPlan> = {
  standard: { perMinute: 60, perDay: 10_000 },
  premium: { perMinute: 600, perDay: 200_000 },
};

export interface QuotaDecision {
  admitted: boolean;
  /** The limit of the window that decided (the minute's, unless the day's is spent). */
  limit: number;
  remaining: number;
  /** Seconds until that window starts over. */
  resetSeconds: number;
  policy: string;
}

/**
 * Counts one request against the key's minute and day windows. The counters live in the shared store
 * (Redis when configured) and are incremented atomically, so every replica sees the same count and no
 * more than the quota is admitted however the requests are spread.
 */
export async function countRequest(store: KeyValueStore, keyId: string, plan: QuotaPlan, now = Date.now()): Promise<QuotaDecision> {
  const policy = `${plan.perMinute};w=60, ${plan.perDay};w=86400`;
  const minute = Math.floor(now / 60_000);
  const minuteReset = Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
  const usedMinute = await store.increment(`quota:${keyId}:m:${minute}`, 120);
  if (usedMinute > plan.perMinute) return { admitted: false, limit: plan.perMinute, remaining: 0, resetSeconds: minuteReset, policy };
  const day = Math.floor(now / 86_400_000);
  const dayReset = Math.max(1, Math.ceil(((day + 1) * 86_400_000 - now) / 1000));
  const usedDay = await store.increment(`quota:${keyId}:d:${day}`, 2 * 86_400);
  if (usedDay > plan.perDay) return { admitted: false, limit: plan.perDay, remaining: 0, resetSeconds: dayReset, policy };
  const minuteLeft = plan.perMinute - usedMinute;
  const dayLeft = plan.perDay - usedDay;
  return minuteLeft <= dayLeft
    ? { admitted: true, limit: plan.perMinute, remaining: minuteLeft, resetSeconds: minuteReset, policy }
    : { admitted: true, limit: plan.perDay, remaining: dayLeft, resetSeconds: dayReset, policy };
}
