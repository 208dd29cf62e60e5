import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { forbidden, notFound, unauthenticated } from '../errors';
import { buildEvent } from '../events/catalog';
import { enqueueEvents } from '../events/outbox';
import { platformOrgId } from '../events/schemas/flags';
import { inputError } from '../validation';
import type { PlatformFlags } from './client';
import type { FlagDefinition } from './definition';
import { flagStateSchema, valuesOf, type FlagState } from './rules';
import { FlagRepository, type StoredFlag } from './store';

export const setFlagInput = z.object({
  key: z.string().min(1).max(100),
  state: flagStateSchema,
  reason: z.string().trim().min(3, 'say why, in a few words').max(500),
  owner: z.string().trim().min(1).max(100).optional(),
  expiresAt: z.coerce.date().nullable().optional(),
  activateAt: z.coerce.date().nullable().optional(),
});

/** A flag as operators see it: the code's definition and what the store holds for it (if anything). */
export interface FlagView {
  key: string;
  definition?: FlagDefinition;
  stored?: StoredFlag;
  stale: boolean;
}

/** The operator's name; UNAUTHENTICATED without a caller, FORBIDDEN for anyone but a platform operator. */
export function requireOperator(principal: Principal | null): string {
  if (!principal) throw unauthenticated();
  if (principal.kind !== 'operator') throw forbidden('Only platform operators may do this.');
  return principal.operator;
}

const isStale = (definition: FlagDefinition | undefined, stored: StoredFlag | undefined, now: number) =>
  !definition || (stored?.expiresAt !== null && stored?.expiresAt !== undefined && stored.expiresAt.getTime() <= now);

/**
 * Flag management for operators: every change is checked against the flag's code schema (a value it refuses
 * is never stored), written with its history and a `feature_flag.changed` event in one transaction, then
 * pushed to every process.
 */
export class FlagAdmin {
  constructor(private readonly deps: { dataSource: DataSource; outboxSchema: string; flags: PlatformFlags }) {}

  async list(principal: Principal | null, now = Date.now()): Promise<FlagView[]> {
    requireOperator(principal);
    const stored = new Map((await new FlagRepository(this.deps.dataSource).all()).map((flag) => [flag.key, flag]));
    const keys = [...new Set([...this.deps.flags.catalog.map((d) => d.key), ...stored.keys()])].sort();
    return keys.map((key) => this.view(key, stored.get(key), now));
  }

  async stale(principal: Principal | null, now = Date.now()): Promise<FlagView[]> {
    return (await this.list(principal, now)).filter((flag) => flag.stale && flag.stored);
  }

  async get(principal: Principal | null, key: string): Promise<FlagView> {
    requireOperator(principal);
    const stored = (await new FlagRepository(this.deps.dataSource).byKey(key)) ?? undefined;
    if (!stored && !this.deps.flags.definition(key)) throw notFound('FeatureFlag', key);
    return this.view(key, stored, Date.now());
  }

  async set(principal: Principal | null, raw: unknown): Promise<FlagView> {
    const operator = requireOperator(principal);
    const parsed = setFlagInput.safeParse(raw);
    if (!parsed.success) throw inputError(parsed.error.issues);
    const input = parsed.data;
    const definition = this.deps.flags.definition(input.key);
    if (!definition) throw inputError([{ path: ['key'], message: `no flag "${input.key}" is defined in code` }]);
    checkValues(definition, input.state);
    const scheduled = input.activateAt && input.activateAt.getTime() > Date.now() ? input.activateAt : null;

    const flag = await this.deps.dataSource.transaction(async (manager) => {
      const repository = new FlagRepository(manager);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`flag:${input.key}`]);
      const current = await repository.byKey(input.key);
      const written = await repository.write({
        key: input.key,
        state: scheduled ? (current?.state ?? { enabled: false, unit: 'targetingKey', rules: [] }) : input.state,
        scheduledState: scheduled ? input.state : null,
        scheduledAt: scheduled,
        owner: input.owner ?? current?.owner ?? definition.owner,
        expiresAt: input.expiresAt === undefined ? (current?.expiresAt ?? null) : input.expiresAt,
        reason: input.reason,
        changedBy: operator,
      });
      await enqueueEvents(manager, this.deps.outboxSchema, [
        buildEvent('feature_flag.changed', {
          orgId: platformOrgId,
          shopId: null,
          subjectId: written.key,
          data: {
            key: written.key,
            version: written.version,
            previousState: current?.state ?? null,
            state: written.state,
            scheduledState: written.scheduledState,
            scheduledAt: written.scheduledAt?.toISOString() ?? null,
            owner: written.owner,
            expiresAt: written.expiresAt?.toISOString() ?? null,
            reason: written.reason,
            operator,
          },
        }),
      ]);
      return written;
    });
    await this.deps.flags.announce(flag.version);
    return this.view(flag.key, flag, Date.now());
  }

  private view(key: string, stored: StoredFlag | undefined, now: number): FlagView {
    const definition = this.deps.flags.definition(key);
    return { key, definition, stored, stale: isStale(definition, stored, now) };
  }
}

function checkValues(definition: FlagDefinition, state: FlagState) {
  for (const value of valuesOf(state)) {
    const result = definition.schema.safeParse(value);
    if (!result.success) {
      throw inputError(result.error.issues.map((issue) => ({ ...issue, path: ['state', 'value', ...issue.path] })).map((issue) => ({ ...issue, message: `${definition.key}: ${issue.message}` })));
    }
  }
}
