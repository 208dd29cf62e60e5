import type { StaffRole, TokenSigner } from '@cip/platform/core';
import { allowGeneratedOperation } from '../persisted-operations/plugin';
import type { GatewayHandle } from '../feature';
import { webhookCatalog } from './catalog';
import type { WebhookEndpoint, WebhookOwner } from './repository';

/** The roles a staff user needs at a shop to register webhooks for it, and to keep receiving them. */
export const webhookRoles: readonly StaffRole[] = ['OWNER', 'MANAGER'];

/** Whether an endpoint's registrant still holds the access it was registered with, as the shops subgraph says now. */
export type Authority = { granted: true; owner: WebhookOwner } | { granted: false; reason: string };

/** Reads an endpoint's registrant's access at the moment it is needed (a delivery, a resume). */
export type AuthorityCheck = (endpoint: WebhookEndpoint) => Promise<Authority>;

const rolesQuery = `query WebhookRegistrantAccess { me { roles { role shop { id } } } }`;

/**
 * Asks the shops subgraph, through the gateway's own execution and as the registrant, which roles they
 * hold now; an endpoint is granted while its registrant owns or manages every shop it covers, and, for
 * organization-level event types, still owns a shop of the organization. A failure
 * to read (a subgraph down) throws, so the caller retries instead of pausing on a guess.
 */
export function registrantAuthority(gateway: GatewayHandle, signer: TokenSigner): AuthorityCheck {
  return async (endpoint) => {
    const { owner } = endpoint;
    if (owner.kind !== 'staff') return { granted: true, owner };
    const { token } = await signer.sign({ kind: 'staff', userId: owner.userId, orgId: owner.orgId, roles: owner.roles }, 60);
    const context = await gateway.contextFor({ authorization: `Bearer ${token}` }).catch(() => null);
    if (!context) return { granted: false, reason: `The registrant ${owner.userId} can no longer sign in.` };
    allowGeneratedOperation(context);
    const response = await gateway.execute({ query: rolesQuery }, context);
    if (response.body.kind !== 'single') throw new Error('the registrant access query answered incrementally');
    const { data, errors } = response.body.singleResult;
    const me = data?.me as { roles: { role: StaffRole; shop: { id: string } }[] } | null | undefined;
    if (!me) {
      if (errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) return { granted: false, reason: `The registrant ${owner.userId} no longer exists.` };
      throw new Error(`could not read the registrant's access: ${errors?.[0]?.message ?? 'no answer'}`);
    }
    const roles = Object.fromEntries(me.roles.map((role) => [role.shop.id, role.role]));
    const lost = endpoint.shopIds.filter((shopId) => !webhookRoles.includes(roles[shopId]!));
    if (lost.length > 0) {
      return { granted: false, reason: `The registrant ${owner.userId} no longer owns or manages shop ${lost.join(', ')}. Deliveries stopped; an owner or manager of the shop can register a new endpoint, or the registrant can enable this one once their role is back.` };
    }
    const organizationLevel = webhookCatalog(gateway.supergraph().apiSchema).filter((type) => type.organizationLevel && endpoint.eventTypes.includes(type.name));
    if (organizationLevel.length > 0 && !Object.values(roles).includes('OWNER')) {
      return { granted: false, reason: `The registrant ${owner.userId} no longer owns a shop of the organization, which ${organizationLevel.map((type) => type.name).join(', ')} require. Deliveries stopped; an owner can register a new endpoint.` };
    }
    return { granted: true, owner: { ...owner, roles } };
  };
}
