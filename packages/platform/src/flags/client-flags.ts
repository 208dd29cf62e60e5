import type { Principal } from '../auth/principal';
import { forbidden, unauthenticated } from '../errors';
import type { PlatformFlags } from './client';

/** A flag as a browser receives it: already evaluated for the caller. */
export interface ClientFlag {
  key: string;
  value: unknown;
  variant: string | null;
  reason: string;
}

/**
 * The flags marked client-visible, evaluated for a signed-in staff user (their id is the unit; organization,
 * and the role at `shopId` when given, for targeting). Nothing else is ever sent to a browser.
 */
export function clientFlags(flags: PlatformFlags, principal: Principal | null, shopId?: string | null): ClientFlag[] {
  if (!principal) throw unauthenticated();
  if (principal.kind !== 'staff') throw forbidden('Client flags are evaluated for staff users.');
  const role = shopId ? principal.roles[shopId] : undefined;
  const context = { targetingKey: principal.userId, userId: principal.userId, orgId: principal.orgId, ...(shopId && role ? { shopId, role } : {}) };
  return flags.catalog
    .filter((definition) => definition.clientVisible)
    .map((definition) => {
      const evaluation = flags.evaluate(definition, context);
      return { key: definition.key, value: evaluation.value, variant: evaluation.variant ?? null, reason: evaluation.reason };
    });
}
