import type { StaffRole } from '@cip/platform/core';
import type { EntityManager } from 'typeorm';

/** Who registered an endpoint: the staff user or partner key whose access shapes its payloads. */
export type WebhookOwner =
  | { kind: 'staff'; userId: string; orgId: string; roles: Record<string, StaffRole> }
  | { kind: 'partner'; partnerId: string; keyId: string; plan: string; shopIds: string[] };

export interface WebhookEndpoint {
  id: string;
  owner: WebhookOwner;
  shopIds: string[];
  url: string;
  eventTypes: string[];
  selection: string | null;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  /** `paused`: its registrant no longer holds the access it was registered with (`pausedReason` says how). */
  status: 'active' | 'disabled' | 'paused';
  pausedReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: unknown;
  status: 'pending' | 'delivering' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface WebhookAttempt {
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  succeeded: boolean;
}

/** A row of `gateway.webhook_endpoint` as pg returns it. */
interface EndpointRow {
  id: string;
  owner: WebhookOwner;
  shop_ids: string[];
  url: string;
  event_types: string[];
  selection: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  status: WebhookEndpoint['status'];
  paused_reason: string | null;
  consecutive_failures: number;
  created_at: Date;
}

/** A row of `gateway.webhook_delivery` as pg returns it. */
interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: unknown;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const endpointOf = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  owner: row.owner,
  shopIds: row.shop_ids,
  url: row.url,
  eventTypes: row.event_types,
  selection: row.selection,
  secret: row.secret,
  previousSecret: row.previous_secret,
  previousSecretUntil: row.previous_secret_until,
  status: row.status,
  pausedReason: row.paused_reason,
  consecutiveFailures: row.consecutive_failures,
  createdAt: row.created_at,
});

const deliveryOf = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type,
  payload: row.payload,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
});

/** TypeORM answers an UPDATE … RETURNING with `[rows, count]`. */
const updated = <Row>(result: unknown): Row[] => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : (result as Row[]));

const ownerKey = (owner: WebhookOwner) => (owner.kind === 'staff' ? { kind: 'staff', userId: owner.userId } : { kind: 'partner', partnerId: owner.partnerId });
/** Notices addressed to every owner of an organization rather than to one registrant. */
const orgOwnersKey = (orgId: string) => ({ kind: 'org-owners', orgId });

/** Endpoints, deliveries and attempts in the gateway's schema. */
export class WebhookRepository {
  constructor(private readonly manager: EntityManager) {}

  async createEndpoint(input: { owner: WebhookOwner; shopIds: string[]; url: string; eventTypes: string[]; selection: string | null; secret: string }) {
    const rows = await this.manager.query(
      `/* webhooks.createEndpoint */ INSERT INTO gateway.webhook_endpoint (owner, shop_ids, url, event_types, selection, secret)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [JSON.stringify(input.owner), input.shopIds, input.url, input.eventTypes, input.selection, input.secret],
    );
    return endpointOf(rows[0]);
  }

  /** An endpoint of this owner; null for another owner's (answered as missing). */
  async findOwned(owner: WebhookOwner, id: string): Promise<WebhookEndpoint | null> {
    const rows = await this.manager.query(`/* webhooks.findOwned */ SELECT * FROM gateway.webhook_endpoint WHERE id = $1 AND owner @> $2::jsonb`, [
      id,
      JSON.stringify(ownerKey(owner)),
    ]);
    return rows[0] ? endpointOf(rows[0]) : null;
  }

  async listOwned(owner: WebhookOwner): Promise<WebhookEndpoint[]> {
    const rows = await this.manager.query(`/* webhooks.listOwned */ SELECT * FROM gateway.webhook_endpoint WHERE owner @> $1::jsonb ORDER BY created_at`, [
      JSON.stringify(ownerKey(owner)),
    ]);
    return rows.map(endpointOf);
  }

  async findByIds(ids: string[]): Promise<(WebhookEndpoint | null)[]> {
    const rows: EndpointRow[] = await this.manager.query(`/* webhooks.endpointsByIds */ SELECT * FROM gateway.webhook_endpoint WHERE id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id as string, endpointOf(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Active endpoints subscribed to an event type for a shop. */
  async subscribers(eventType: string, shopId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.manager.query(
      `/* webhooks.subscribers */ SELECT * FROM gateway.webhook_endpoint WHERE status = 'active' AND $1 = ANY(event_types) AND $2 = ANY(shop_ids)`,
      [eventType, shopId],
    );
    return rows.map(endpointOf);
  }

  /** Active endpoints subscribed to an organization-level event type, registered by staff of that organization. */
  async organizationSubscribers(eventType: string, orgId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.manager.query(
      `/* webhooks.organizationSubscribers */ SELECT * FROM gateway.webhook_endpoint WHERE status = 'active' AND $1 = ANY(event_types) AND owner @> jsonb_build_object('kind', 'staff', 'orgId', $2::text)`,
      [eventType, orgId],
    );
    return rows.map(endpointOf);
  }

  /** The new secret signs from now on; the previous one keeps signing until `overlapUntil`. */
  async rotateSecret(id: string, secret: string, overlapUntil: Date) {
    await this.manager.query(
      `/* webhooks.rotateSecret */ UPDATE gateway.webhook_endpoint SET previous_secret = secret, previous_secret_until = $3, secret = $2 WHERE id = $1`,
      [id, secret, overlapUntil],
    );
  }

  async enable(id: string) {
    await this.manager.query(
      `/* webhooks.enable */ UPDATE gateway.webhook_endpoint SET status = 'active', consecutive_failures = 0, disabled_at = NULL, paused_reason = NULL WHERE id = $1`,
      [id],
    );
  }

  /** Queues one delivery per endpoint and event; an event seen again queues nothing. */
  async enqueue(deliveries: { endpointId: string; eventId: string; eventType: string; payload: unknown }[]) {
    if (deliveries.length === 0) return;
    await this.manager.query(
      `/* webhooks.enqueue */ INSERT INTO gateway.webhook_delivery (endpoint_id, event_id, event_type, payload)
       SELECT (d->>'endpointId')::uuid, (d->>'eventId')::uuid, d->>'eventType', d->'payload' FROM jsonb_array_elements($1::jsonb) AS d
       ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
      [JSON.stringify(deliveries)],
    );
  }

  /**
   * Claims due deliveries for this dispatcher: pending ones whose time has come, and ones another
   * dispatcher claimed but did not finish before its lease ran out (it stopped or crashed).
   */
  async claimDue(limit: number, leaseSeconds: number): Promise<WebhookDelivery[]> {
    const rows = updated<DeliveryRow>(await this.manager.query(
      `/* webhooks.claimDue */ UPDATE gateway.webhook_delivery SET status = 'delivering', lease_until = now() + make_interval(secs => $2)
       WHERE id IN (
         SELECT id FROM gateway.webhook_delivery
          WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'delivering' AND lease_until < now())
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [limit, leaseSeconds],
    ));
    return rows.map(deliveryOf);
  }

  async recordAttempt(deliveryId: string, attempt: Omit<WebhookAttempt, 'attemptedAt'>) {
    await this.manager.query(
      `/* webhooks.recordAttempt */ INSERT INTO gateway.webhook_attempt (delivery_id, status_code, latency_ms, error, succeeded) VALUES ($1, $2, $3, $4, $5)`,
      [deliveryId, attempt.statusCode, attempt.latencyMs, attempt.error, attempt.succeeded],
    );
  }

  async markDelivered(delivery: WebhookDelivery, statusCode: number) {
    await this.manager.query(
      `/* webhooks.markDelivered */ UPDATE gateway.webhook_delivery SET status = 'delivered', attempts = attempts + 1, delivered_at = now(), lease_until = NULL, last_status_code = $2, last_error = NULL WHERE id = $1`,
      [delivery.id, statusCode],
    );
    await this.manager.query(`/* webhooks.endpointHealthy */ UPDATE gateway.webhook_endpoint SET consecutive_failures = 0 WHERE id = $1`, [delivery.endpointId]);
  }

  /** Schedules the next attempt, or gives up; returns the endpoint's consecutive failures. */
  async markFailed(delivery: WebhookDelivery, failure: { statusCode: number | null; error: string; retryAt: Date | null }): Promise<number> {
    await this.manager.query(
      `/* webhooks.markFailed */ UPDATE gateway.webhook_delivery
          SET status = $2, attempts = attempts + 1, next_attempt_at = coalesce($3, next_attempt_at), lease_until = NULL, last_status_code = $4, last_error = $5
        WHERE id = $1`,
      [delivery.id, failure.retryAt ? 'pending' : 'failed', failure.retryAt, failure.statusCode, failure.error],
    );
    const rows = updated<{ consecutive_failures: number }>(await this.manager.query(
      `/* webhooks.endpointFailed */ UPDATE gateway.webhook_endpoint SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures`,
      [delivery.endpointId],
    ));
    return rows[0]?.consecutive_failures ?? 0;
  }

  /** Disables an endpoint once, leaving a notice for its owner in the same statement; false when it was already disabled. */
  async disable(endpoint: WebhookEndpoint, message: string): Promise<boolean> {
    const rows = await this.manager.query(
      `/* webhooks.disable */ WITH disabled AS (
         UPDATE gateway.webhook_endpoint SET status = 'disabled', disabled_at = now() WHERE id = $1 AND status = 'active' RETURNING id)
       INSERT INTO gateway.webhook_notification (endpoint_id, owner, kind, message) SELECT id, $2, 'endpoint_disabled', $3 FROM disabled RETURNING endpoint_id`,
      [endpoint.id, JSON.stringify(endpoint.owner), message],
    );
    return rows.length > 0;
  }

  /**
   * Pauses an active endpoint once, leaving a notice for its registrant and one for the organization's
   * owners in the same statement; false when it was not active.
   */
  async pause(endpoint: WebhookEndpoint & { owner: { kind: 'staff' } }, reason: string): Promise<boolean> {
    const rows = await this.manager.query(
      `/* webhooks.pause */ WITH paused AS (
         UPDATE gateway.webhook_endpoint SET status = 'paused', paused_reason = $2 WHERE id = $1 AND status = 'active' RETURNING id)
       INSERT INTO gateway.webhook_notification (endpoint_id, owner, kind, message)
       SELECT id, audience, 'endpoint_paused', $2 FROM paused, jsonb_array_elements($3::jsonb) AS audience RETURNING endpoint_id`,
      [endpoint.id, reason, JSON.stringify([endpoint.owner, orgOwnersKey(endpoint.owner.orgId)])],
    );
    return rows.length > 0;
  }

  /** Notices for this owner; an owner of the organization's shops also sees those addressed to every owner. */
  async notifications(owner: WebhookOwner, options: { orgOwner?: boolean } = {}): Promise<{ endpointId: string; kind: string; message: string; createdAt: Date }[]> {
    const rows = await this.manager.query(
      `/* webhooks.notifications */ SELECT endpoint_id, kind, message, created_at FROM gateway.webhook_notification
        WHERE owner @> $1::jsonb OR ($2::jsonb IS NOT NULL AND owner @> $2::jsonb) ORDER BY created_at DESC LIMIT 100`,
      [JSON.stringify(ownerKey(owner)), options.orgOwner && owner.kind === 'staff' ? JSON.stringify(orgOwnersKey(owner.orgId)) : null],
    );
    return rows.map((r: { endpoint_id: string; kind: string; message: string; created_at: Date }) => ({ endpointId: r.endpoint_id, kind: r.kind, message: r.message, createdAt: r.created_at }));
  }

  async deliveries(endpointId: string, limit = 100): Promise<WebhookDelivery[]> {
    const rows = await this.manager.query(
      `/* webhooks.deliveries */ SELECT * FROM gateway.webhook_delivery WHERE endpoint_id = $1 ORDER BY created_at DESC LIMIT $2`,
      [endpointId, limit],
    );
    return rows.map(deliveryOf);
  }

  async attempts(deliveryId: string): Promise<WebhookAttempt[]> {
    const rows = await this.manager.query(
      `/* webhooks.attempts */ SELECT attempted_at, status_code, latency_ms, error, succeeded FROM gateway.webhook_attempt WHERE delivery_id = $1 ORDER BY attempted_at, id`,
      [deliveryId],
    );
    return rows.map((r: { attempted_at: Date; status_code: number | null; latency_ms: number; error: string | null; succeeded: boolean }) => ({
      attemptedAt: r.attempted_at,
      statusCode: r.status_code,
      latencyMs: r.latency_ms,
      error: r.error,
      succeeded: r.succeeded,
    }));
  }

  /** Sends a delivery again now, whatever became of it. */
  async replay(endpointId: string, deliveryId: string): Promise<boolean> {
    const rows = updated<{ id: string }>(await this.manager.query(
      `/* webhooks.replay */ UPDATE gateway.webhook_delivery SET status = 'pending', next_attempt_at = now(), lease_until = NULL WHERE id = $1 AND endpoint_id = $2 RETURNING id`,
      [deliveryId, endpointId],
    ));
    return rows.length > 0;
  }
}
