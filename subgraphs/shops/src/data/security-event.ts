import type { EntityManager } from 'typeorm';
import { queryRows, type SecurityEventType, type SecuritySeverity } from '@cip/platform';

export interface SecurityEvent {
  id: string;
  orgId: string | null;
  userId: string | null;
  actorId: string | null;
  /** SHA-256 of the normalized e-mail a sign-in named, so bursts across accounts count unknown ones too without keeping their addresses. */
  accountHash: string | null;
  type: SecurityEventType;
  severity: SecuritySeverity;
  clientAddress: string | null;
  userAgent: string | null;
  description: string;
  occurredAt: Date;
}

const columns = `id, org_id AS "orgId", user_id AS "userId", actor_id AS "actorId", account_hash AS "accountHash", type, severity,
  client_address AS "clientAddress", user_agent AS "userAgent", description, occurred_at AS "occurredAt"`;

export interface SecurityEventFilter {
  orgId: string;
  type?: SecurityEventType | null;
  severities: readonly SecuritySeverity[];
  from?: Date | null;
  to?: Date | null;
  before?: { occurredAt: Date; id: string } | null;
}

/** Security events and the questions threat detection asks of them. */
export class SecurityEventRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(event: SecurityEvent): Promise<void> {
    await this.manager.query(
      `/* securityEvents.insert */ INSERT INTO shops.security_event (id, org_id, user_id, actor_id, account_hash, type, severity, client_address, user_agent, description, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [event.id, event.orgId, event.userId, event.actorId, event.accountHash, event.type, event.severity, event.clientAddress, event.userAgent, event.description, event.occurredAt],
    );
  }

  /** An organization's events, newest first. */
  page(filter: SecurityEventFilter, limit: number): Promise<SecurityEvent[]> {
    return queryRows<SecurityEvent>(
      this.manager,
      `/* securityEvents.page */ SELECT ${columns} FROM shops.security_event
       WHERE org_id = $1 AND severity = ANY($2::text[]) AND ($3::text IS NULL OR type = $3)
         AND ($4::timestamptz IS NULL OR occurred_at >= $4) AND ($5::timestamptz IS NULL OR occurred_at < $5)
         AND ($6::timestamptz IS NULL OR (occurred_at, id) < ($6, $7::uuid))
       ORDER BY occurred_at DESC, id DESC LIMIT $8`,
      [filter.orgId, filter.severities, filter.type ?? null, filter.from ?? null, filter.to ?? null, filter.before?.occurredAt ?? null, filter.before?.id ?? null, limit],
    );
  }

  /** Distinct accounts that failed to sign in from `address` since `since`. */
  async failedAccountsFrom(address: string, since: Date): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      this.manager,
      `/* securityEvents.failedAccountsFrom */ SELECT count(DISTINCT account_hash)::int AS count FROM shops.security_event
       WHERE type = 'LOGIN_FAILED' AND client_address = $1 AND occurred_at >= $2`,
      [address, since],
    );
    return row.count;
  }

  /** Organizations with an account among those failures. */
  async orgsFailedFrom(address: string, since: Date): Promise<string[]> {
    const rows = await queryRows<{ orgId: string }>(
      this.manager,
      `/* securityEvents.orgsFailedFrom */ SELECT DISTINCT org_id AS "orgId" FROM shops.security_event
       WHERE type = 'LOGIN_FAILED' AND client_address = $1 AND occurred_at >= $2 AND org_id IS NOT NULL`,
      [address, since],
    );
    return rows.map((row) => row.orgId);
  }

  /** Whether an event of `type` was already raised for this organization and address (or actor) since `since`: one alert per burst. */
  async raisedSince(input: { orgId: string; type: SecurityEventType; since: Date; clientAddress?: string; actorId?: string }): Promise<boolean> {
    const rows = await queryRows(
      this.manager,
      `/* securityEvents.raisedSince */ SELECT 1 FROM shops.security_event WHERE org_id = $1 AND type = $2 AND occurred_at >= $3
         AND ($4::text IS NULL OR client_address = $4) AND ($5::text IS NULL OR actor_id = $5) LIMIT 1`,
      [input.orgId, input.type, input.since, input.clientAddress ?? null, input.actorId ?? null],
    );
    return rows.length > 0;
  }

  /** Whether the user signed in before, and whether with this user agent. */
  async signInHistory(userId: string, userAgent: string | null): Promise<{ any: boolean; sameAgent: boolean }> {
    const [row] = await queryRows<{ any: boolean; sameAgent: boolean }>(
      this.manager,
      `/* securityEvents.signInHistory */ SELECT count(*) > 0 AS any, count(*) FILTER (WHERE user_agent IS NOT DISTINCT FROM $2) > 0 AS "sameAgent"
       FROM shops.security_event WHERE user_id = $1 AND type = 'LOGIN_SUCCEEDED'`,
      [userId, userAgent],
    );
    return row;
  }
}
