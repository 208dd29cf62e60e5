import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  buildEvent,
  enqueueEvents,
  forbidden,
  liveFeed,
  parseInput,
  requireStaff,
  securityEventTypes,
  securitySeverities,
  type AuditActorKind,
  type CatalogEvent,
  type ClientInfo,
  type EventBus,
  type Logger,
  type Principal,
  type SecurityEventType,
  type SecuritySeverity,
  type StaffPrincipal,
} from '@cip/platform';
import { SecurityEventRepository, type SecurityEvent } from '../data/security-event';
import { localAuditRecord, type AuditLog } from './audit';

/** How much each kind of event matters; HIGH ones are also alerts, e-mailed to the owners and sent to their organization's webhooks. */
export const severityOf = {
  LOGIN_SUCCEEDED: 'INFO',
  LOGIN_FAILED: 'LOW',
  NEW_DEVICE: 'MEDIUM',
  MFA_FAILED: 'MEDIUM',
  API_KEY_NEW_ADDRESS: 'MEDIUM',
  CREDENTIAL_STUFFING: 'HIGH',
  REFRESH_TOKEN_REUSE: 'HIGH',
  PERMISSION_DENIED_BURST: 'HIGH',
} as const satisfies Record<SecurityEventType, SecuritySeverity>;

/** The event types that are alerts: a HIGH type added without advice fails to compile. */
type AlertType = { [K in SecurityEventType]: (typeof severityOf)[K] extends 'HIGH' ? K : never }[SecurityEventType];
const isAlert = (type: SecurityEventType): type is AlertType => severityOf[type] === 'HIGH';

const auditOperation: Record<SecurityEventType, string> = {
  LOGIN_SUCCEEDED: 'login.succeeded',
  LOGIN_FAILED: 'login.failed',
  NEW_DEVICE: 'login.new_device',
  MFA_FAILED: 'mfa.failed',
  API_KEY_NEW_ADDRESS: 'api_key.new_address',
  CREDENTIAL_STUFFING: 'login.credential_stuffing',
  REFRESH_TOKEN_REUSE: 'session.refresh_token_reused',
  PERMISSION_DENIED_BURST: 'access.permission_denied_burst',
};

/** What an owner should do about each HIGH event: carried by its alert (e-mail and webhook). */
export const adviceOf: Record<AlertType, string> = {
  CREDENTIAL_STUFFING:
    "Someone is trying stolen passwords against your staff's accounts from one address. Ask staff to use unique passwords, require a second factor for all staff (organization policy), and block the address at your firewall or proxy if it keeps trying.",
  REFRESH_TOKEN_REUSE:
    'A sign-in token was copied and used twice; the login was ended on every device. Ask the user to sign in again, check their device for malware, and have them change their password if they did not expect this.',
  PERMISSION_DENIED_BURST:
    "A caller kept attempting changes their role does not allow. Check with the user, review their role and the organization's audit log, and remove their access if the attempts were not theirs.",
};

const failures = new Set<SecurityEventType>(['LOGIN_FAILED', 'MFA_FAILED']);

export const atLeast = (minimum: SecuritySeverity) => securitySeverities.slice(securitySeverities.indexOf(minimum));

export interface RaisedEvent {
  type: SecurityEventType;
  orgId: string | null;
  userId?: string | null;
  actor: { kind: AuditActorKind; id: string | null };
  accountHash?: string | null;
  client: ClientInfo | null;
  description: string;
  targetIds?: string[];
}

/** A HIGH event with what the owner should do about it. */
export interface SecurityAlert {
  event: SecurityEvent;
  advice: string;
}

export const alertOf = (event: SecurityEvent): SecurityAlert => ({ event, advice: isAlert(event.type) ? adviceOf[event.type] : '' });

export interface SecurityEventPage {
  events: SecurityEvent[];
  endCursor: string | null;
}

const pageInput = z.object({
  type: z.enum(securityEventTypes).nullish(),
  minSeverity: z.enum(securitySeverities).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
  first: z.number().int().min(1).max(200).nullish(),
  after: z.string().max(100).regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[\da-f-]{36}$/).nullish(),
});

function requireOwner(principal: Principal | null): StaffPrincipal {
  const staff = requireStaff(principal);
  if (!Object.values(staff.roles).includes('OWNER')) throw forbidden("Only an owner can watch the organization's security events.");
  return staff;
}

const eventOf = (event: CatalogEvent<'security.event_raised'>): SecurityEvent => ({
  id: event.subject.id,
  orgId: event.orgId,
  accountHash: null,
  ...event.data,
  occurredAt: new Date(event.occurredAt),
});

/**
 * The organization's security events: stored, appended to the audit log and, for an organization, sent
 * on the bus (`security.event_raised`) in the transaction that saw them, for the owner's subscription and
 * webhooks.
 */
export class SecurityEvents {
  private readonly feed;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    bus: EventBus,
    logger: Logger,
  ) {
    this.feed = liveFeed(bus, 'shops-security', { types: ['security.event_raised'], logger, project: async (event) => eventOf(event) });
  }

  async raise(manager: EntityManager, input: RaisedEvent): Promise<SecurityEvent> {
    const event: SecurityEvent = {
      id: randomUUID(),
      orgId: input.orgId,
      userId: input.userId ?? null,
      actorId: input.actor.kind === 'USER' ? null : input.actor.id,
      accountHash: input.accountHash ?? null,
      type: input.type,
      severity: severityOf[input.type],
      clientAddress: input.client?.address ?? null,
      userAgent: input.client?.userAgent ?? null,
      description: input.description,
      occurredAt: new Date(),
    };
    await new SecurityEventRepository(manager).insert(event);
    await this.audit.append(
      manager,
      localAuditRecord({
        actorKind: input.actor.kind,
        actorId: input.actor.id,
        orgId: input.orgId,
        shopId: null,
        type: 'SECURITY',
        operation: auditOperation[input.type],
        targetIds: input.targetIds ?? (event.userId ? [event.userId] : []),
        outcome: failures.has(input.type) ? 'FAILURE' : 'SUCCESS',
        client: input.client,
        occurredAt: event.occurredAt,
      }),
    );
    if (event.orgId) {
      const { userId, actorId, type, severity, clientAddress, userAgent, description } = event;
      const about = { orgId: event.orgId, shopId: null, subjectId: event.id, occurredAt: event.occurredAt };
      const data = { type, severity, userId, actorId, clientAddress, userAgent, description };
      await enqueueEvents(manager, 'shops', [
        buildEvent('security.event_raised', { ...about, data }),
        ...(isAlert(type) ? [buildEvent('security.alert_raised', { ...about, data: { ...data, advice: adviceOf[type] } })] : []),
      ]);
    }
    return event;
  }

  /** The caller's organization's events, newest first. Owners only. */
  async page(principal: Principal | null, input: unknown): Promise<SecurityEventPage> {
    const owner = requireOwner(principal);
    const { first, after, minSeverity, ...filter } = parseInput(pageInput, input);
    const limit = first ?? 50;
    const [at, id] = after ? after.split('|') : [];
    const events = await new SecurityEventRepository(this.dataSource.manager).page(
      { ...filter, orgId: owner.orgId, severities: atLeast(minSeverity ?? 'INFO'), before: after ? { occurredAt: new Date(at), id } : null },
      limit,
    );
    const last = events[events.length - 1];
    return { events, endCursor: events.length === limit ? `${last.occurredAt.toISOString()}|${last.id}` : null };
  }

  /** The owner's live feed of the organization's events at `minSeverity` or above. */
  subscribe(principal: Principal | null, minSeverity: SecuritySeverity): Promise<AsyncIterableIterator<SecurityEvent>> {
    const owner = requireOwner(principal);
    const wanted = new Set(atLeast(minSeverity));
    return this.feed.subscribe((event) => event.orgId === owner.orgId && wanted.has(event.data.severity));
  }

  /** The owner's live feed of the organization's alerts (its HIGH events). */
  subscribeAlerts(principal: Principal | null): Promise<AsyncIterableIterator<SecurityEvent>> {
    return this.subscribe(principal, 'HIGH');
  }

  close(): Promise<void> {
    return this.feed.close();
  }
}
