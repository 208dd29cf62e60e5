import type { DataSource } from 'typeorm';
import { buildEvent, consumeEvents, type BusSubscription, type CatalogEvent, type EventBus, type Logger } from '@cip/platform/core';
import type { Authority, AuthorityCheck } from './authority';
import type { WebhookEventType } from './catalog';
import { WebhookRepository, type WebhookDelivery, type WebhookEndpoint } from './repository';
import { signDelivery, webhookHeaders } from './signature';
import { refusedTarget } from './target';
import { postDelivery } from './transport';

export const webhookConsumerGroup = 'gateway.webhooks';

export interface DispatcherOptions {
  dataSource: DataSource;
  bus: EventBus;
  logger: Logger;
  catalog: WebhookEventType[];
  /** The first retry waits this long; each further one twice as long, at most `maxRetryDelayMs`. */
  retryBaseMs: number;
  maxRetryDelayMs?: number;
  /** Failed deliveries are retried until this long after the event (at least 24 h). */
  retryForMs?: number;
  /** Read at each failure: a schedule that overrides the three above while it answers one. */
  retrySchedule?: () => { firstDelayMs: number; maxDelayMs: number; windowMs: number } | undefined;
  /** An endpoint failing this many attempts in a row is disabled and its owner told. */
  disableAfterFailures: number;
  /** Deliver to loopback and private-network addresses too (development and tests only). */
  allowPrivateTargets: boolean;
  /** Shapes a payload with the endpoint's GraphQL selection, as its owner (with the access they hold now) would see it. */
  shape?: (endpoint: WebhookEndpoint, eventType: WebhookEventType, event: CatalogEvent) => Promise<unknown>;
  /**
   * Reads the registrant's access when an event is queued and again before every attempt: an endpoint
   * whose registrant lost it is paused, and nothing more is sent to it.
   */
  authority?: AuthorityCheck;
  pollMs?: number;
  leaseSeconds?: number;
  timeoutMs?: number;
  concurrency?: number;
}

export interface WebhookDispatcher {
  /** Stops claiming deliveries and waits for the ones being sent; unsent ones stay queued for the next dispatcher. */
  stop(): Promise<void>;
}

/** The event a webhook delivers: the catalog name, with the bus event's id, time, shop and data. */
export function webhookBody(eventType: WebhookEventType, event: CatalogEvent, shaped?: unknown) {
  return {
    id: event.id,
    type: eventType.name,
    occurredAt: event.occurredAt,
    shopId: event.shopId,
    subject: event.subject,
    source: { type: event.type, data: event.data },
    ...(shaped !== undefined ? { data: shaped } : {}),
  };
}

/**
 * Queues deliveries from bus events (one durable row per endpoint and event, in the gateway's schema) and
 * sends them. Rows are claimed with FOR UPDATE SKIP LOCKED under a lease, so several dispatchers share the
 * work, and one that stops or dies leaves its unfinished rows to the others once the lease runs out.
 */
export async function startWebhookDispatcher(options: DispatcherOptions): Promise<WebhookDispatcher> {
  const { dataSource, logger } = options;
  const repo = new WebhookRepository(dataSource.manager);
  const bySource = new Map<string, WebhookEventType[]>();
  for (const type of options.catalog) {
    for (const source of type.sources) bySource.set(`${source.type}@${source.version}`, [...(bySource.get(`${source.type}@${source.version}`) ?? []), type]);
  }
  const sourceTypes = [...new Set(options.catalog.flatMap((type) => type.sources.map((source) => source.type)))];
  const maxDelay = options.maxRetryDelayMs ?? 6 * 3_600_000;
  const retryFor = options.retryForMs ?? 24 * 3_600_000;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const timeoutMs = options.timeoutMs ?? 10_000;

  let stopped = false;
  let wake: () => void = () => undefined;
  const inFlight = new Set<Promise<void>>();
  const concurrency = options.concurrency ?? 8;

  const check = async (endpoint: WebhookEndpoint): Promise<Authority> => (options.authority ? options.authority(endpoint) : { granted: true, owner: endpoint.owner });
  const pause = async (endpoint: WebhookEndpoint, reason: string) => {
    if (endpoint.owner.kind !== 'staff' || !(await repo.pause({ ...endpoint, owner: endpoint.owner }, reason))) return;
    logger.warn('webhook endpoint paused', { endpointId: endpoint.id, reason });
    await options.bus
      .publish([
        buildEvent('webhook.endpoint_paused', {
          orgId: endpoint.owner.orgId,
          shopId: null,
          subjectId: endpoint.id,
          data: { endpointId: endpoint.id, registrantId: endpoint.owner.userId, url: endpoint.url, shopIds: endpoint.shopIds, reason },
        }),
      ])
      .catch((failure: unknown) => logger.error('could not publish webhook.endpoint_paused', { error: failure }));
  };

  const subscription: BusSubscription = await consumeEvents(options.bus, { group: webhookConsumerGroup, from: 'beginning', types: sourceTypes, logger }, async (event) => {
    let enqueued = 0;
    for (const type of bySource.get(`${event.type}@${event.version}`) ?? []) {
      const endpoints = type.organizationLevel ? await repo.organizationSubscribers(type.name, event.orgId) : event.shopId ? await repo.subscribers(type.name, event.shopId) : [];
      const deliveries = [];
      for (const queued of endpoints) {
        const authority = await check(queued).catch(() => undefined);
        if (authority && !authority.granted) {
          await pause(queued, authority.reason);
          continue;
        }
        // Unread access (a subgraph down) shapes nothing: the check before sending decides.
        const endpoint = authority ? { ...queued, owner: authority.owner } : undefined;
        const shaped = endpoint?.selection && options.shape ? await options.shape(endpoint, type, event).catch(() => undefined) : undefined;
        deliveries.push({ endpointId: queued.id, eventId: event.id, eventType: type.name, payload: webhookBody(type, event, shaped) });
      }
      await repo.enqueue(deliveries);
      enqueued += deliveries.length;
    }
    // Most events have no endpoint to reach: the sender looks for due deliveries only when one was queued.
    if (enqueued > 0) wake();
  });

  const send = async (delivery: WebhookDelivery, endpoint: WebhookEndpoint, authority: Promise<Authority>) => {
    const granted = await authority.catch((failure: unknown) => new Error(`could not check the registrant's access: ${failure instanceof Error ? failure.message : String(failure)}`));
    if (!(granted instanceof Error) && !granted.granted) {
      await pause(endpoint, granted.reason);
      await repo.markFailed(delivery, { statusCode: null, error: 'endpoint paused', retryAt: null });
      return;
    }
    const body = JSON.stringify(delivery.payload);
    const timestamp = new Date();
    const secrets = [endpoint.secret, ...(endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() ? [endpoint.previousSecret] : [])];
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      if (granted instanceof Error) throw granted;
      const refused = await refusedTarget(endpoint.url, { allowPrivate: options.allowPrivateTargets });
      if (refused) throw new Error(`not delivered: ${refused}`);
      statusCode = await postDelivery(endpoint.url, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'courtesy-inspection-webhooks/1',
          [webhookHeaders.id]: delivery.id,
          [webhookHeaders.timestamp]: String(Math.floor(timestamp.getTime() / 1000)),
          [webhookHeaders.signature]: signDelivery(secrets, { id: delivery.id, timestamp, body }),
          'webhook-event': delivery.eventType,
        },
        body,
        timeoutMs,
        allowPrivate: options.allowPrivateTargets,
      });
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const latencyMs = Math.round(performance.now() - started);
    await repo.recordAttempt(delivery.id, { statusCode, latencyMs, error, succeeded: error === null });
    if (error === null) return repo.markDelivered(delivery, statusCode!);
    const schedule = options.retrySchedule?.();
    const delay = Math.min(schedule?.maxDelayMs ?? maxDelay, (schedule?.firstDelayMs ?? options.retryBaseMs) * 2 ** delivery.attempts);
    const retryAt = Date.now() + delay <= delivery.createdAt.getTime() + (schedule?.windowMs ?? retryFor) ? new Date(Date.now() + delay) : null;
    const failures = await repo.markFailed(delivery, { statusCode, error, retryAt });
    if (failures >= options.disableAfterFailures) {
      const message = `Disabled after ${failures} failed deliveries in a row (last: ${error}). Fix the receiver, then enable the endpoint again; failed deliveries can be replayed.`;
      if (await repo.disable(endpoint, message)) {
        logger.warn('webhook endpoint disabled', { endpointId: endpoint.id, failures });
        await options.bus
          .publish([
            buildEvent('webhook.endpoint_disabled', {
              orgId: endpoint.owner.kind === 'staff' ? endpoint.owner.orgId : '00000000-0000-0000-0000-000000000000',
              shopId: null,
              subjectId: endpoint.id,
              data: { endpointId: endpoint.id, owner: endpoint.owner, url: endpoint.url, failures, message },
            }),
          ])
          .catch((failure: unknown) => logger.error('could not publish webhook.endpoint_disabled', { error: failure }));
      }
    }
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        const room = concurrency - inFlight.size;
        const claimed = room > 0 ? await repo.claimDue(room, leaseSeconds) : [];
        if (claimed.length > 0) {
          const endpoints = await repo.findByIds([...new Set(claimed.map((d) => d.endpointId))]);
          const byId = new Map(endpoints.filter((e): e is WebhookEndpoint => e !== null).map((e) => [e.id, e]));
          // One read of each registrant's access per batch, just before its deliveries are sent.
          const authorities = new Map<string, Promise<Authority>>();
          const authorityOf = (endpoint: WebhookEndpoint) => authorities.get(endpoint.id) ?? authorities.set(endpoint.id, check(endpoint)).get(endpoint.id)!;
          for (const delivery of claimed) {
            const endpoint = byId.get(delivery.endpointId)!;
            const task = (endpoint.status === 'active'
              ? send(delivery, endpoint, authorityOf(endpoint))
              : repo.markFailed(delivery, { statusCode: null, error: `endpoint ${endpoint.status}`, retryAt: null }).then(() => undefined))
              .catch((error: unknown) => logger.error('webhook delivery failed to record', { deliveryId: delivery.id, error }))
              .finally(() => {
                inFlight.delete(task);
                wake();
              });
            inFlight.add(task);
          }
          if (claimed.length === room) continue;
        }
      } catch (error) {
        if (!stopped) logger.error('webhook dispatcher failed; will retry', { error });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs ?? 500);
        wake = () => (clearTimeout(timer), resolve());
      });
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake();
      await subscription.close();
      await loop;
      await Promise.all([...inFlight]);
    },
  };
}
