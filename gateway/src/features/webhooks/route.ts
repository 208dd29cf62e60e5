import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { ErrorCode, requireStepUp, type Principal } from '@cip/platform/core';
import { readBody, sendJson } from '../../http-adapter';
import type { GatewayHandle, GatewayRoute } from '../feature';
import { webhookRoles, type AuthorityCheck } from './authority';
import { webhookCatalog, type WebhookEventType } from './catalog';
import type { WebhookOwner, WebhookRepository, WebhookEndpoint } from './repository';
import { newWebhookSecret } from './signature';
import { refusedTarget } from './target';

export const webhooksBasePath = '/webhooks/v1';
/** After a rotation the previous secret keeps signing (beside the new one) this long. */
export const secretOverlapMs = 24 * 3_600_000;

const registration = z.object({
  url: z.string().url().refine((url) => /^https?:\/\//.test(url), 'must be an http(s) URL'),
  eventTypes: z.array(z.string()).min(1),
  selection: z.string().trim().min(2).max(10_000).optional(),
  shopIds: z.array(z.string()).optional(),
});

class HttpProblem extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The owner an endpoint is registered for, and the shops whose events it may receive. */
function ownerOf(principal: Principal | null): { owner: WebhookOwner; shopIds: string[] } {
  switch (principal?.kind) {
    case 'staff':
      return {
        owner: { kind: 'staff', userId: principal.userId, orgId: principal.orgId, roles: principal.roles },
        shopIds: Object.entries(principal.roles).filter(([, role]) => webhookRoles.includes(role)).map(([shopId]) => shopId),
      };
    case 'partner':
      return {
        owner: { kind: 'partner', partnerId: principal.partnerId, keyId: principal.keyId, plan: principal.plan, shopIds: principal.shopIds },
        shopIds: principal.shopIds,
      };
    case 'customer':
      throw new HttpProblem(403, ErrorCode.FORBIDDEN, 'Webhooks are for shop owners, managers and partners.');
    default:
      throw new HttpProblem(401, ErrorCode.UNAUTHENTICATED, 'A valid access token or API key is required.');
  }
}

/** Changing webhook endpoints is sensitive: staff with a second factor need one verified in the last 10 minutes. */
function stepUp(principal: Principal | null) {
  try {
    requireStepUp(principal);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.MFA_REQUIRED) throw new HttpProblem(403, ErrorCode.MFA_REQUIRED, error.message);
    throw error;
  }
}

/** The GraphQL a selection runs as: the event's entity looked up by id, with the selection applied. */
export function selectionQuery(type: WebhookEventType, selection: string) {
  return `query WebhookPayload($id: ID!) { ${type.lookupField}(id: $id) ${selection} }`;
}

function checkSelection(schema: GraphQLSchema, types: WebhookEventType[], selection: string) {
  for (const type of types) {
    if (!type.lookupField) throw new HttpProblem(400, ErrorCode.BAD_USER_INPUT, `Event type ${type.name} cannot be shaped with a selection.`);
    let errors;
    try {
      errors = validate(schema, parse(selectionQuery(type, selection)));
    } catch (error) {
      errors = [error as Error];
    }
    if (errors.length > 0) throw new HttpProblem(400, ErrorCode.BAD_USER_INPUT, `The selection does not fit ${type.typename}: ${errors[0]!.message}`);
  }
}

const publicEndpoint = (endpoint: WebhookEndpoint) => ({
  id: endpoint.id,
  url: endpoint.url,
  eventTypes: endpoint.eventTypes,
  selection: endpoint.selection,
  shopIds: endpoint.shopIds,
  status: endpoint.status,
  pausedReason: endpoint.pausedReason,
  consecutiveFailures: endpoint.consecutiveFailures,
  previousSecretValidUntil: endpoint.previousSecretUntil,
  createdAt: endpoint.createdAt,
});

/**
 * The webhooks API under `/webhooks/v1`: the event catalog, endpoint registration (the secret is shown
 * once), secret rotation, re-enabling, the delivery log with every attempt, and replays.
 */
export function webhooksRoute(gateway: GatewayHandle, repo: WebhookRepository, options: { allowPrivateTargets: boolean; authority: AuthorityCheck; onRegistered?: () => void }): GatewayRoute {
  return {
    matches: (pathname) => pathname === webhooksBasePath || pathname.startsWith(`${webhooksBasePath}/`),
    async handle(req: IncomingMessage, res: ServerResponse) {
      try {
        const schema = gateway.supergraph().apiSchema;
        const catalog = webhookCatalog(schema);
        const path = new URL(req.url ?? '/', 'http://gateway').pathname.slice(webhooksBasePath.length).split('/').filter(Boolean);
        const method = req.method ?? 'GET';
        if (method === 'GET' && path[0] === 'event-types' && path.length === 1) {
          return sendJson(res, 200, {
            eventTypes: catalog.map(({ name, description, typename, lookupField, organizationLevel, sources }) => ({ name, description, payloadType: typename, shapeable: Boolean(lookupField), organizationLevel, sources: sources.map((source) => `${source.type}@${source.version}`) })),
          });
        }
        const context = await gateway.contextFor(req.headers).catch(() => {
          throw new HttpProblem(401, ErrorCode.UNAUTHENTICATED, 'The access token or API key is not valid.');
        });
        const { owner, shopIds } = ownerOf(context.principal);
        if (path[0] === 'notifications' && method === 'GET') {
          const orgOwner = context.principal?.kind === 'staff' && Object.values(context.principal.roles).includes('OWNER');
          return sendJson(res, 200, { notifications: await repo.notifications(owner, { orgOwner }) });
        }
        if (path[0] !== 'endpoints') throw new HttpProblem(404, ErrorCode.NOT_FOUND, `No webhooks route for ${req.url}.`);
        if (method !== 'GET') stepUp(context.principal);

        if (path.length === 1 && method === 'GET') return sendJson(res, 200, { endpoints: (await repo.listOwned(owner)).map(publicEndpoint) });
        if (path.length === 1 && method === 'POST') {
          const parsed = registration.safeParse(JSON.parse((await readBody(req)) || '{}'));
          if (!parsed.success) throw new HttpProblem(400, ErrorCode.BAD_USER_INPUT, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          const input = parsed.data;
          const types = input.eventTypes.map((name) => catalog.find((t) => t.name === name));
          const unknown = input.eventTypes.filter((_, i) => !types[i]);
          if (unknown.length > 0) throw new HttpProblem(400, ErrorCode.BAD_USER_INPUT, `Unknown event types: ${unknown.join(', ')}. See GET ${webhooksBasePath}/event-types.`);
          if (input.selection) checkSelection(schema, types as WebhookEventType[], input.selection);
          const organizationLevel = (types as WebhookEventType[]).filter((type) => type.organizationLevel).map((type) => type.name);
          if (organizationLevel.length > 0 && !(owner.kind === 'staff' && Object.values(owner.roles).includes('OWNER'))) {
            throw new HttpProblem(403, ErrorCode.FORBIDDEN, `Only an owner of the organization can register for ${organizationLevel.join(', ')}, which cover the whole organization.`);
          }
          const refused = await refusedTarget(input.url, { allowPrivate: options.allowPrivateTargets });
          if (refused) throw new HttpProblem(400, ErrorCode.BAD_USER_INPUT, `url: ${refused}.`);
          const scope = input.shopIds ?? shopIds;
          if (scope.length === 0 || scope.some((id) => !shopIds.includes(id))) {
            throw new HttpProblem(400, ErrorCode.BAD_USER_INPUT, 'shopIds must name shops you own or manage (or your key reaches).');
          }
          const secret = newWebhookSecret();
          const endpoint = await repo.createEndpoint({ owner, shopIds: scope, url: input.url, eventTypes: input.eventTypes, selection: input.selection ?? null, secret });
          options.onRegistered?.();
          return sendJson(res, 201, { endpoint: publicEndpoint(endpoint), secret });
        }

        const endpoint = /^[0-9a-f-]{36}$/.test(path[1] ?? '') ? await repo.findOwned(owner, path[1]!) : null;
        if (!endpoint) throw new HttpProblem(404, ErrorCode.NOT_FOUND, `Webhook endpoint ${path[1]} was not found.`);
        const action = path.slice(2).join('/');
        if (action === '' && method === 'GET') return sendJson(res, 200, { endpoint: publicEndpoint(endpoint) });
        if (action === 'rotate-secret' && method === 'POST') {
          const secret = newWebhookSecret();
          const previousSecretValidUntil = new Date(Date.now() + secretOverlapMs);
          await repo.rotateSecret(endpoint.id, secret, previousSecretValidUntil);
          return sendJson(res, 200, { secret, previousSecretValidUntil });
        }
        if (action === 'enable' && method === 'POST') {
          const authority = endpoint.status === 'paused' ? await options.authority(endpoint) : undefined;
          if (authority && !authority.granted) throw new HttpProblem(403, ErrorCode.FORBIDDEN, authority.reason);
          await repo.enable(endpoint.id);
          return sendJson(res, 200, { endpoint: publicEndpoint({ ...endpoint, status: 'active', pausedReason: null, consecutiveFailures: 0 }) });
        }
        if (action === 'deliveries' && method === 'GET') {
          const deliveries = await repo.deliveries(endpoint.id);
          return sendJson(res, 200, {
            deliveries: await Promise.all(deliveries.map(async (d) => ({ ...d, payload: undefined, attemptLog: await repo.attempts(d.id) }))),
          });
        }
        if (path[2] === 'deliveries' && path[4] === 'replay' && method === 'POST') {
          if (!/^[0-9a-f-]{36}$/.test(path[3] ?? '') || !(await repo.replay(endpoint.id, path[3]!))) {
            throw new HttpProblem(404, ErrorCode.NOT_FOUND, `Delivery ${path[3]} was not found.`);
          }
          options.onRegistered?.();
          return sendJson(res, 202, { replayed: path[3] });
        }
        throw new HttpProblem(404, ErrorCode.NOT_FOUND, `No webhooks route for ${method} ${req.url}.`);
      } catch (error) {
        if (error instanceof HttpProblem) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
        if (error instanceof SyntaxError) return sendJson(res, 400, { errors: [{ message: 'The body is not valid JSON.', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
        throw error;
      }
    },
  };
}
