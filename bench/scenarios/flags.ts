import { flagCatalog, openFeatureClient, PlatformFlagProvider, type FlagDefinition, type StoredFlag } from '@cip/platform';

const rounds = 5;
const iterations = 200_000;

const definitions = new Map<string, FlagDefinition>(flagCatalog.map((d) => [d.key, d as FlagDefinition]));
const stored = (key: string, state: StoredFlag['state']): StoredFlag => ({
  key,
  state,
  scheduledState: null,
  scheduledAt: null,
  owner: 'bench',
  expiresAt: null,
  version: 1,
  reason: 'bench',
  updatedBy: 'bench',
  updatedAt: new Date(),
});

/** Median ns per call over `rounds` rounds, after a warm-up round. */
async function nsPerCall(call: (i: number) => unknown | Promise<unknown>, async = false): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const started = process.hrtime.bigint();
    if (async) for (let i = 0; i < iterations; i++) await call(i);
    else for (let i = 0; i < iterations; i++) call(i);
    const ns = Number(process.hrtime.bigint() - started) / iterations;
    if (round > 0) samples.push(ns);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/** Flag evaluation in process: the snapshot the provider holds, no I/O, as every service evaluates. */
export async function run(): Promise<string> {
  const provider = new PlatformFlagProvider(definitions);
  provider.replace([
    stored('platform.maintenance-notice', {
      enabled: true,
      unit: 'targetingKey',
      rules: [
        { when: { orgIds: ['org-a'], roles: ['OWNER'] }, serve: { value: 'owners of A' } },
        { when: { plans: ['premium'] }, serve: { value: 'premium' } },
      ],
    }),
    stored('web.dashboard-trends', { enabled: true, unit: 'userId', rules: [], fallthrough: { value: true, percentage: 20 } }),
    stored('inspections.photo-first-report', {
      enabled: true,
      unit: 'targetingKey',
      rules: [],
      fallthrough: { variants: [{ name: 'control', value: 'control', weight: 50 }, { name: 'photos', value: 'photos', weight: 50 }] },
    }),
  ]);
  const client = await openFeatureClient(provider, 'bench');
  const users = Array.from({ length: 1024 }, (_, i) => `user-${i}`);

  const rows: [string, number][] = [
    ['not stored (code default)', await nsPerCall(() => provider.resolve('gateway.partner-quotas', {}, {}))],
    ['targeting rule (organization and role)', await nsPerCall((i) => provider.resolve('platform.maintenance-notice', '', { orgId: i % 2 ? 'org-a' : 'org-b', role: 'OWNER' }))],
    ['sticky 20 % rollout (sha256 of key and unit)', await nsPerCall((i) => provider.resolve('web.dashboard-trends', false, { userId: users[i & 1023] }))],
    ['50/50 variants', await nsPerCall((i) => provider.resolve('inspections.photo-first-report', 'control', { targetingKey: users[i & 1023] }))],
    ['through the OpenFeature client (async), rollout', await nsPerCall((i) => client.getBooleanValue('web.dashboard-trends', false, { targetingKey: users[i & 1023]!, userId: users[i & 1023] }), true)],
  ];
  return [
    '## flags: evaluation cost',
    '',
    `In-process evaluation of the platform provider's snapshot (no I/O), median of ${rounds} rounds of ${iterations.toLocaleString('en-US')} evaluations after a warm-up round.`,
    '',
    '| evaluation | ns per evaluation |',
    '| --- | ---: |',
    ...rows.map(([label, ns]) => `| ${label} | ${Math.round(ns).toLocaleString('en-US')} |`),
  ].join('\n');
}
