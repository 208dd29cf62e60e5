import type { DataSource, EntityManager } from 'typeorm';
import { flagStateSchema, type FlagState } from './rules';

export const flagsChannel = 'platform_flags';

/** One flag's row: its state now, and a state it switches to at `scheduledAt`. */
export interface StoredFlag {
  key: string;
  state: FlagState;
  scheduledState: FlagState | null;
  scheduledAt: Date | null;
  owner: string;
  expiresAt: Date | null;
  version: number;
  reason: string;
  updatedBy: string;
  updatedAt: Date;
}

/** A change to a flag: what the row will hold, by whom; the version and time are the store's. */
export type FlagWrite = Omit<StoredFlag, 'version' | 'updatedBy' | 'updatedAt'> & { changedBy: string };

interface Row {
  key: string;
  state: unknown;
  scheduled_state: unknown;
  scheduled_at: Date | null;
  owner: string;
  expires_at: Date | null;
  version: string;
  reason: string;
  updated_by: string;
  updated_at: Date;
}

const columns = 'key, state, scheduled_state, scheduled_at, owner, expires_at, version, reason, updated_by, updated_at';

/** A row written by an older or newer release that this one cannot read is left out (its key answers the default). */
function toFlag(row: Row): StoredFlag | null {
  const state = flagStateSchema.safeParse(row.state);
  const scheduled = row.scheduled_state === null ? null : flagStateSchema.safeParse(row.scheduled_state);
  if (!state.success || (scheduled && !scheduled.success)) return null;
  return {
    key: row.key,
    state: state.data,
    scheduledState: scheduled?.data ?? null,
    scheduledAt: row.scheduled_at,
    owner: row.owner,
    expiresAt: row.expires_at,
    version: Number(row.version),
    reason: row.reason,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** The flag tables in the platform schema; every service reads them, the one serving flag management writes. */
export class FlagRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async latestVersion(): Promise<number> {
    const [row] = (await this.db.query(`SELECT coalesce(max(version), 0) AS version FROM platform.feature_flags /* flags.latestVersion */`)) as { version: string }[];
    return Number(row!.version);
  }

  async all(): Promise<StoredFlag[]> {
    const rows = (await this.db.query(`SELECT ${columns} FROM platform.feature_flags ORDER BY key /* flags.all */`)) as Row[];
    return rows.map(toFlag).filter((flag): flag is StoredFlag => flag !== null);
  }

  async byKey(key: string): Promise<StoredFlag | null> {
    const rows = (await this.db.query(`SELECT ${columns} FROM platform.feature_flags WHERE key = $1 /* flags.byKey */`, [key])) as Row[];
    return rows[0] ? toFlag(rows[0]) : null;
  }

  /** Writes the flag and its history row, and notifies listeners once the caller's transaction commits. */
  async write(change: FlagWrite): Promise<StoredFlag> {
    const rows = (await this.db.query(
      `WITH v AS (SELECT nextval('platform.feature_flag_versions') AS version),
       flag AS (
         INSERT INTO platform.feature_flags (key, state, scheduled_state, scheduled_at, owner, expires_at, version, reason, updated_by, updated_at)
         SELECT $1, $2::jsonb, $3::jsonb, $4, $5, $6, v.version, $7, $8, now() FROM v
         ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, scheduled_state = EXCLUDED.scheduled_state, scheduled_at = EXCLUDED.scheduled_at,
           owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at, version = EXCLUDED.version, reason = EXCLUDED.reason,
           updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
         RETURNING ${columns}
       ),
       history AS (
         INSERT INTO platform.feature_flag_changes (version, key, state, scheduled_state, scheduled_at, owner, expires_at, reason, changed_by)
         SELECT version, key, state, scheduled_state, scheduled_at, owner, expires_at, reason, updated_by FROM flag
       )
       SELECT * FROM flag /* flags.write */`,
      [
        change.key,
        JSON.stringify(change.state),
        change.scheduledState === null ? null : JSON.stringify(change.scheduledState),
        change.scheduledAt,
        change.owner,
        change.expiresAt,
        change.reason,
        change.changedBy,
      ],
    )) as Row[];
    await this.db.query(`SELECT pg_notify($1, $2)`, [flagsChannel, rows[0]!.version]);
    return toFlag(rows[0]!)!;
  }
}
