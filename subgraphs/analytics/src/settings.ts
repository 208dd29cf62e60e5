import { z } from 'zod';
import { ConfigError } from '@cip/platform';

const schema = z.object({
  ANALYTICS_FACT_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
  ANALYTICS_ARCHIVE_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(5_000),
  ANALYTICS_ARCHIVE_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(60),
});

export interface AnalyticsSettings {
  /** Raw facts older than this many days move to the archive table; rollups stay. */
  retentionDays: number;
  archiveBatchSize: number;
  archiveIntervalMs: number;
}

/** The analytics-only variables, parsed once; a bad value throws a ConfigError naming it. */
export function loadAnalyticsSettings(env: NodeJS.ProcessEnv = process.env): AnalyticsSettings {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })));
  }
  return {
    retentionDays: parsed.data.ANALYTICS_FACT_RETENTION_DAYS,
    archiveBatchSize: parsed.data.ANALYTICS_ARCHIVE_BATCH_SIZE,
    archiveIntervalMs: parsed.data.ANALYTICS_ARCHIVE_INTERVAL_MINUTES * 60_000,
  };
}
