import { z } from 'zod';
import { defineFlag, type FlagDefinition } from './definition';

const quotaPlan = z.object({ perMinute: z.number().int().min(1).max(100_000), perDay: z.number().int().min(1).max(100_000_000) }).strict();

/**
 * Every flag and dynamic setting, with its default in code. A key the store holds that is not listed here
 * is ignored (and listed as stale); a listed key the store does not hold answers its default.
 */
export const flagCatalog = [
  defineFlag({
    key: 'web.dashboard-trends',
    kind: 'release',
    description: 'The trend charts on the organization dashboard.',
    owner: 'web',
    clientVisible: true,
    defaultValue: false,
    schema: z.boolean(),
  }),
  defineFlag({
    key: 'platform.maintenance-notice',
    kind: 'release',
    description: 'A notice the web app shows staff above every screen; empty shows none.',
    owner: 'platform',
    clientVisible: true,
    defaultValue: '',
    schema: z.string().max(280),
  }),
  defineFlag({
    key: 'inspections.photo-first-report',
    kind: 'experiment',
    description: 'The customer report page, assigned per inspection when it is sent: "control" opens on the recommended work, "photos" on the findings and their photos.',
    owner: 'inspections',
    defaultValue: 'control',
    schema: z.enum(['control', 'photos']),
    metric: 'report_approval_rate',
  }),
  defineFlag({
    key: 'gateway.partner-quotas',
    kind: 'setting',
    description: 'Requests per minute and per day for each partner plan; a key whose plan is missing gets "standard".',
    owner: 'platform',
    defaultValue: { standard: { perMinute: 60, perDay: 10_000 }, premium: { perMinute: 600, perDay: 200_000 } },
    schema: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/), quotaPlan).refine((plans) => 'standard' in plans, 'must keep a "standard" plan'),
  }),
  defineFlag({
    key: 'webhooks.retry-schedule',
    kind: 'setting',
    description: 'Webhook retries: the first delay, each later one doubled up to the longest, for at most the window.',
    owner: 'integration',
    defaultValue: { firstDelayMs: 30_000, maxDelayMs: 6 * 3_600_000, windowMs: 24 * 3_600_000 },
    schema: z
      .object({ firstDelayMs: z.number().int().min(1_000), maxDelayMs: z.number().int().min(1_000), windowMs: z.number().int().min(60_000).max(7 * 86_400_000) })
      .strict()
      .refine((s) => s.maxDelayMs >= s.firstDelayMs, 'maxDelayMs must not be below firstDelayMs'),
  }),
  defineFlag({
    key: 'gateway.response-cache-max-ttl-seconds',
    kind: 'setting',
    description: 'The longest a cached staff response is kept, whatever the subgraphs allow.',
    owner: 'platform',
    defaultValue: 300,
    schema: z.number().int().min(0).max(86_400),
  }),
  defineFlag({
    key: 'platform.log-level',
    kind: 'setting',
    description: 'The log level of every service, over LOG_LEVEL, without a restart.',
    owner: 'platform',
    defaultValue: 'info',
    schema: z.enum(['debug', 'info', 'warn', 'error', 'silent']),
  }),
] as const satisfies readonly FlagDefinition[];

const byKey = new Map<string, FlagDefinition>(flagCatalog.map((definition) => [definition.key, definition as FlagDefinition]));

export function flagDefinition(key: string): FlagDefinition | undefined {
  return byKey.get(key);
}
