import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import type { Principal, StaffRole } from '../auth/principal';
import { requireStepUp } from '../auth/access';
import { forbidden, notFound, unauthenticated } from '../errors';
import { inputError } from '../validation';
import { registerValueTypes } from './values';
import CallerVisibilityPlugin from './visibility';

/** What every subgraph's request context carries: the verified caller, or null for an anonymous one. */
export interface PrincipalContext {
  principal: Principal | null;
}

/** A staff role at one shop; without `roles`, any role there. */
export interface ShopRoleScope {
  shopId: string;
  roles?: readonly StaffRole[];
}

/**
 * The scopes fields declare with `authScopes`, computed from the verified principal. A shop outside the
 * caller's reach answers NOT_FOUND (as a missing id would), a role that is not enough FORBIDDEN, no token
 * UNAUTHENTICATED.
 */
export interface AuthScopes {
  /** Any verified caller. */
  signedIn: boolean;
  /** A staff user's token. */
  staff: boolean;
  /** A customer's share-link token. */
  customer: boolean;
  /** A partner's API key. */
  partner: boolean;
  /** A platform operator's token (`npm run operator:token`): flags and dynamic settings. */
  operator: boolean;
  /** A staff user holding a role (one of `roles`, when given) at the shop. */
  shopRole: ShopRoleScope;
  /** Any caller who may read the shop: its staff, a partner it is enrolled with, its customer's link. */
  readShop: string;
  /**
   * Step-up, for sensitive changes: a staff caller with a second factor must have verified one in the last
   * 10 minutes (else MFA_REQUIRED). Keys and links pass: they carry no second factor to step up with.
   */
  stepUp: boolean;
}

export interface BuilderTypes<Ctx extends PrincipalContext> {
  Context: Ctx;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    Cents: { Input: number; Output: number };
    /** Only the subgraph serving flag management declares it (flags/schema.ts). */
    JSON: { Input: unknown; Output: unknown };
  };
}

const federationVersion = 'https://specs.apollo.dev/federation/v2.6';

/**
 * The Pothos builder every subgraph starts from: federation, authorization declared on fields
 * (`authScopes`, from the verified principal; `visibleTo` for the caller kinds that may read a field), input validation declared on arguments (`validate`, zod),
 * non-null fields by default, and the shared value types (`DateTime`, `Cents`, `Money`).
 */
export function createSubgraphBuilder<Ctx extends PrincipalContext>() {
  const builder = new SchemaBuilder<BuilderTypes<Ctx>>({
    // Field configs pass through the plugins last to first: caller visibility turns `visibleTo` into the
    // scopes and tags that scope-auth and federation then act on.
    plugins: [ScopeAuthPlugin, ValidationPlugin, DirectivePlugin, FederationPlugin, CallerVisibilityPlugin],
    defaultFieldNullability: false,
    scopeAuth: {
      authorizeOnSubscribe: true,
      treatErrorsAsUnauthorized: true,
      cacheKey: (value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : value),
      authScopes: (ctx) => scopesOf(ctx.principal),
      unauthorizedError: (_parent, ctx, _info, result) => firstError(result.failure) ?? (ctx.principal ? forbidden() : unauthenticated()),
    },
    validation: {
      validationError: (result) => inputError(result.issues),
    },
  });

  const { Money } = registerValueTypes(builder);
  builder.queryType({});

  return {
    builder,
    Money,
    toSchema: () => builder.toSubGraphSchema({ linkUrl: federationVersion }),
  };
}

function scopesOf(principal: Principal | null) {
  return {
    signedIn: principal !== null,
    staff: principal?.kind === 'staff',
    customer: principal?.kind === 'customer',
    partner: principal?.kind === 'partner',
    operator: principal?.kind === 'operator',
    shopRole: ({ shopId, roles }: ShopRoleScope) => {
      if (!principal) throw unauthenticated();
      if (principal.kind !== 'staff') throw forbidden('Only staff users may do this.');
      const role = principal.roles[shopId];
      if (!role) throw notFound('Shop', shopId);
      if (roles && !roles.includes(role)) throw forbidden(`Your role at this shop (${role}) does not allow this.`);
      return true;
    },
    stepUp: () => {
      requireStepUp(principal);
      return true;
    },
    readShop: (shopId: string) => {
      if (!principal) throw unauthenticated();
      const readable =
        principal.kind === 'staff'
          ? shopId in principal.roles
          : principal.kind === 'partner'
            ? principal.shopIds.includes(shopId)
            : principal.kind === 'customer' && principal.shopId === shopId;
      if (!readable) throw notFound('Shop', shopId);
      return true;
    },
  };
}

/** The coded error a scope loader raised (NOT_FOUND for a foreign shop, …), searched through `$any`/`$all`. */
function firstError(failure: AuthFailure): GraphQLError | null {
  if ('error' in failure && failure.error instanceof GraphQLError) return failure.error;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const child of failure.failures) {
      const error = firstError(child);
      if (error) return error;
    }
  }
  return null;
}
