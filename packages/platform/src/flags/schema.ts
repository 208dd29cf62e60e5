import type { createSubgraphBuilder, PrincipalContext } from '../schema/builder';
import { registerJsonScalar } from '../schema/values';
import type { FlagAdmin, FlagView } from './admin';
import type { PlatformFlags } from './client';
import { clientFlags, type ClientFlag } from './client-flags';

type Builder<Ctx extends PrincipalContext> = ReturnType<typeof createSubgraphBuilder<Ctx>>['builder'];

/**
 * Flag management for platform operators, added to the schema of the subgraph that serves it (analytics):
 * list, read and change flags and dynamic settings. Every field needs an operator token.
 */
export function registerFlagSchema<Ctx extends PrincipalContext>(builder: Builder<Ctx>, adminOf: (ctx: Ctx) => FlagAdmin, flagsOf: (ctx: Ctx) => PlatformFlags) {
  registerJsonScalar(builder);

  const FlagKind = builder.enumType('FeatureFlagKind', {
    description: 'What a flag is for.',
    values: {
      RELEASE: { value: 'release', description: 'Turns a feature on for some or all callers.' },
      EXPERIMENT: { value: 'experiment', description: 'Splits units between variants and measures a metric.' },
      SETTING: { value: 'setting', description: 'An operational setting (limits, schedules, TTLs) changed without a restart.' },
    } as const,
  });

  const FeatureFlag = builder.objectRef<FlagView>('FeatureFlag').implement({
    description: 'A feature flag or dynamic setting: its definition in code and the configuration operators stored for it.',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'The flag key code evaluates.' }),
      defined: t.boolean({ description: 'Whether the running code defines this key (a stored key it does not define is stale).', resolve: (f) => Boolean(f.definition) }),
      kind: t.field({ type: FlagKind, nullable: true, description: 'What the flag is for; null when the code does not define it.', resolve: (f) => f.definition?.kind ?? null }),
      description: t.string({ description: "The code's description of the flag.", resolve: (f) => f.definition?.description ?? '' }),
      defaultValue: t.field({ type: 'JSON', nullable: true, description: 'What every evaluation answers when the flag is off, unset or the store is unreachable.', resolve: (f) => f.definition?.defaultValue ?? null }),
      owner: t.string({ description: 'Who answers for the flag.', resolve: (f) => f.stored?.owner ?? f.definition?.owner ?? '' }),
      expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When the flag is due for removal; it is listed as stale after.', resolve: (f) => f.stored?.expiresAt ?? null }),
      stale: t.exposeBoolean('stale', { description: 'Past its expiry, or no longer defined in code: remove it.' }),
      state: t.field({ type: 'JSON', nullable: true, description: 'The stored configuration in force now (enabled, unit, rules, fallthrough); null when none is stored.', resolve: (f) => f.stored?.state ?? null }),
      scheduledState: t.field({ type: 'JSON', nullable: true, description: 'A configuration that takes over at scheduledAt.', resolve: (f) => f.stored?.scheduledState ?? null }),
      scheduledAt: t.field({ type: 'DateTime', nullable: true, description: 'When scheduledState takes over, in every process at once.', resolve: (f) => f.stored?.scheduledAt ?? null }),
      version: t.int({ nullable: true, description: 'The number of the last change; processes report the highest they applied.', resolve: (f) => f.stored?.version ?? null }),
      reason: t.string({ nullable: true, description: 'Why it was last changed.', resolve: (f) => f.stored?.reason ?? null }),
      updatedBy: t.string({ nullable: true, description: 'The operator who last changed it.', resolve: (f) => f.stored?.updatedBy ?? null }),
      updatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was last changed.', resolve: (f) => f.stored?.updatedAt ?? null }),
    }),
  });

  const SetFeatureFlagInput = builder.inputType('SetFeatureFlagInput', {
    description: 'A new configuration for a flag, checked against the schema the code gives the flag.',
    fields: (t) => ({
      key: t.string({ required: true, description: 'The flag key.' }),
      state: t.field({
        type: 'JSON',
        required: true,
        description:
          'The configuration: `{ enabled, unit?, rules?: [{ when: { orgIds?, shopIds?, userIds?, roles?, plans? }, serve }], fallthrough?: serve }` where serve is `{ value }`, `{ value, percentage }` or `{ variants: [{ name, value, weight }] }`.',
      }),
      reason: t.string({ required: true, description: 'Why: kept in the history and the change event.' }),
      owner: t.string({ description: 'Who answers for the flag; unchanged when left out.' }),
      expiresAt: t.field({ type: 'DateTime', description: 'When the flag is due for removal; unchanged when left out.' }),
      activateAt: t.field({ type: 'DateTime', description: 'When the configuration takes over; now when left out or past.' }),
    }),
  });

  const ClientFeatureFlag = builder.objectRef<ClientFlag>('ClientFeatureFlag').implement({
    description: 'A flag the web app may read, evaluated for the signed-in user (OpenFeature web SDK).',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'The flag key.' }),
      value: t.field({ type: 'JSON', description: 'The value for this user; the code default when nothing targets them.', resolve: (f) => f.value as never }),
      variant: t.exposeString('variant', { nullable: true, description: 'The variant served, for flags that serve variants.' }),
      reason: t.exposeString('reason', { description: 'Why this value (OpenFeature reasons: DEFAULT, DISABLED, TARGETING_MATCH, SPLIT, STATIC).' }),
    }),
  });

  builder.queryFields((t) => ({
    clientFeatureFlags: t.field({
      type: [ClientFeatureFlag],
      authScopes: { staff: true },
      description: 'The flags marked client-visible, evaluated for the signed-in staff user (and their role at shopId when given). Staff only.',
      args: { shopId: t.arg.id({ description: 'The shop in view: rules on shop and role apply to it.' }) },
      resolve: (_root, { shopId }, ctx) => clientFlags(flagsOf(ctx), ctx.principal, shopId === null || shopId === undefined ? null : String(shopId)),
    }),
    featureFlags: t.field({
      type: [FeatureFlag],
      authScopes: { operator: true },
      description: 'Every flag the code defines or the store holds, by key. Operators only.',
      resolve: (_root, _args, ctx) => adminOf(ctx).list(ctx.principal),
    }),
    staleFeatureFlags: t.field({
      type: [FeatureFlag],
      authScopes: { operator: true },
      description: 'Stored flags past their expiry or no longer defined in code. Operators only.',
      resolve: (_root, _args, ctx) => adminOf(ctx).stale(ctx.principal),
    }),
    featureFlag: t.field({
      type: FeatureFlag,
      authScopes: { operator: true },
      description: 'One flag by key; NOT_FOUND when neither code nor store knows it. Operators only.',
      args: { key: t.arg.string({ required: true, description: 'The flag key.' }) },
      resolve: (_root, { key }, ctx) => adminOf(ctx).get(ctx.principal, key),
    }),
  }));

  builder.mutationFields((t) => ({
    setFeatureFlag: t.field({
      type: FeatureFlag,
      authScopes: { operator: true },
      description: 'Changes a flag (now or at activateAt) for every process within a second; a value its schema refuses is BAD_USER_INPUT and nothing changes. Operators only.',
      args: { input: t.arg({ type: SetFeatureFlagInput, required: true, description: 'The new configuration and why.' }) },
      resolve: (_root, { input }, ctx) => adminOf(ctx).set(ctx.principal, input),
    }),
  }));
}
