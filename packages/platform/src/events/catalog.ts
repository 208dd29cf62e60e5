import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventDefinition } from './definition';
import type { EventEnvelope } from './envelope';
import { analyticsEvents } from './schemas/analytics';
import { auditEvents } from './schemas/audit';
import { experimentEvents, flagsEvents } from './schemas/flags';
import { gatewayEvents } from './schemas/gateway';
import { inspectionsEvents } from './schemas/inspections';
import { partnersEvents } from './schemas/partners';
import { securityEvents } from './schemas/security';
import { shopsEvents } from './schemas/shops';
import { vehiclesEvents } from './schemas/vehicles';

/** Every event the platform emits, one entry per `type@version`. */
export const eventCatalog = [...shopsEvents, ...inspectionsEvents, ...vehiclesEvents, ...partnersEvents, ...analyticsEvents, ...gatewayEvents, ...auditEvents, ...securityEvents, ...flagsEvents, ...experimentEvents] as const;

type Definitions = (typeof eventCatalog)[number];
export type EventType = Definitions['type'];

type EventOf<D> = D extends EventDefinition<infer Type, infer Version, infer Data>
  ? Omit<EventEnvelope<z.output<Data>>, 'type' | 'version'> & { type: Type; version: Version }
  : never;

/** A parsed event of the given type(s): `data` typed by its catalog schema. */
export type CatalogEvent<T extends EventType = EventType> = EventOf<Extract<Definitions, { type: T }>>;
export type EventData<T extends EventType> = CatalogEvent<T>['data'];

/** The code a consumer logs when it refuses an event that does not match its catalog schema. */
export const eventRejectedCode = 'EVENT_SCHEMA_MISMATCH';

export class EventSchemaError extends Error {
  readonly code = eventRejectedCode;
  constructor(
    message: string,
    readonly event: { id?: unknown; type?: unknown; version?: unknown },
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'EventSchemaError';
  }
}

const key = (type: string, version: number) => `${type}@${version}`;
const byKey = new Map<string, Definitions>(eventCatalog.map((definition) => [key(definition.type, definition.version), definition]));
const latest = new Map<string, Definitions>();
for (const definition of eventCatalog) {
  const known = latest.get(definition.type);
  if (!known || known.version < definition.version) latest.set(definition.type, definition);
}

const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  orgId: z.string(),
  shopId: z.string().nullable(),
  subject: z.object({ typename: z.string(), id: z.string().min(1) }),
  data: z.unknown(),
});

/** The GraphQL type a catalog event changes: what its webhooks and subscriptions are about. */
export const entityOf = (definition: EventDefinition): string => definition.entity ?? definition.subject;

export function catalogEntry(type: string, version: number): EventDefinition | undefined {
  return byKey.get(key(type, version));
}

export function isCatalogType(type: string): type is EventType {
  return latest.has(type);
}

const issuesOf = (error: z.ZodError, prefix: string) => error.issues.map((issue) => ({ path: [prefix, ...issue.path].join('.'), message: issue.message }));

/** Checks an envelope against its `type@version` schema; throws EventSchemaError when it does not match. */
export function parseEvent(input: unknown): CatalogEvent {
  const envelope = envelopeSchema.safeParse(input);
  const claimed = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const described = { id: claimed.id, type: claimed.type, version: claimed.version };
  if (!envelope.success) throw new EventSchemaError('The event envelope is malformed.', described, issuesOf(envelope.error, 'envelope'));
  const { type, version, subject } = envelope.data;
  const definition = byKey.get(key(type, version));
  if (!definition) throw new EventSchemaError(`${key(type, version)} is not in the event catalog.`, described);
  if (subject.typename !== definition.subject) {
    throw new EventSchemaError(`${key(type, version)} is about a ${definition.subject}, not a ${subject.typename}.`, described, [{ path: 'subject.typename', message: `expected ${definition.subject}` }]);
  }
  const data = definition.data.safeParse(envelope.data.data);
  if (!data.success) throw new EventSchemaError(`${key(type, version)} does not match its catalog schema.`, described, issuesOf(data.error, 'data'));
  return { ...envelope.data, data: data.data } as CatalogEvent;
}

export interface EventInput<T extends EventType> {
  orgId: string;
  shopId: string | null;
  /** The id of the entity the event is about; its typename comes from the catalog. */
  subjectId: string;
  data: z.input<Extract<Definitions, { type: T }>['data']>;
  occurredAt?: Date;
}

/** Builds an event at its type's latest version, its data checked against the catalog (a mismatch is a bug in the producer and throws). */
export function buildEvent<T extends EventType>(type: T, input: EventInput<T>): CatalogEvent<T> {
  const definition = latest.get(type);
  if (!definition) throw new Error(`${type} is not in the event catalog`);
  return {
    id: randomUUID(),
    type,
    version: definition.version,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    orgId: input.orgId,
    shopId: input.shopId,
    subject: { typename: definition.subject, id: input.subjectId },
    data: definition.data.parse(input.data),
  } as CatalogEvent<T>;
}
