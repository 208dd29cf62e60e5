/** What an operator may be called: it names them in audit events, so it is kept readable. */
export const operatorNamePattern = /^[a-z][a-z0-9._-]{1,62}$/;

export const staffRoles = ['OWNER', 'MANAGER', 'ADVISOR', 'TECHNICIAN'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A staff user acting for the shops their roles name, within one organization. */
export interface StaffPrincipal {
  kind: 'staff';
  userId: string;
  orgId: string;
  roles: Record<string, StaffRole>;
  /** The login this token belongs to (one per login, kept through refreshes); ending it ends the token. */
  sessionId?: string;
  /** When this session last verified a second factor (ms since the epoch); absent when it never did. */
  mfaVerifiedAt?: number;
  /** Whether the user has a second factor: then sensitive changes need it verified recently (step-up). */
  mfaEnrolled?: boolean;
  expiresAt: number;
}

/** A shop's customer holding a share link to one inspection. */
export interface CustomerPrincipal {
  kind: 'customer';
  inspectionId: string;
  orgId: string;
  shopId: string;
  customerId: string;
  vehicleId: string;
  /** The share link the token came from; replacing or closing the link ends it (tokens from before grants read nothing). */
  grant?: string;
  expiresAt: number;
}

/** A partner's integration, calling with an API key scoped to the shops enrolled in its programs. */
export interface PartnerPrincipal {
  kind: 'partner';
  partnerId: string;
  keyId: string;
  plan: string;
  shopIds: string[];
  expiresAt: number;
}

/**
 * A platform operator (flags, dynamic settings): a named person, not a tenant. Operator tokens are minted
 * with `npm run operator:token` from the platform's signing key and grant nothing at any shop.
 */
export interface OperatorPrincipal {
  kind: 'operator';
  operator: string;
  expiresAt: number;
}

export type Principal = StaffPrincipal | CustomerPrincipal | PartnerPrincipal | OperatorPrincipal;

/** The JWT claims that carry a principal; short names keep tokens small. */
export interface PrincipalClaims {
  sub: string;
  kind: Principal['kind'];
  org?: string;
  roles?: Record<string, StaffRole>;
  shop?: string;
  cust?: string;
  veh?: string;
  key?: string;
  plan?: string;
  shops?: string[];
  sid?: string;
  op?: string;
  grt?: string;
  /** When the session last verified a second factor, in seconds since the epoch. */
  mfa?: number;
  /** Set when the user has a second factor. */
  mfe?: true;
}

export function claimsOf(
  principal: Omit<StaffPrincipal, 'expiresAt'> | Omit<CustomerPrincipal, 'expiresAt'> | Omit<PartnerPrincipal, 'expiresAt'> | Omit<OperatorPrincipal, 'expiresAt'>,
): PrincipalClaims {
  switch (principal.kind) {
    case 'staff':
      return {
        sub: principal.userId,
        kind: 'staff',
        org: principal.orgId,
        roles: principal.roles,
        ...(principal.sessionId ? { sid: principal.sessionId } : {}),
        ...(principal.mfaVerifiedAt ? { mfa: Math.floor(principal.mfaVerifiedAt / 1000) } : {}),
        ...(principal.mfaEnrolled ? { mfe: true as const } : {}),
      };
    case 'customer':
      return {
        sub: principal.inspectionId,
        kind: 'customer',
        org: principal.orgId,
        shop: principal.shopId,
        cust: principal.customerId,
        veh: principal.vehicleId,
        ...(principal.grant ? { grt: principal.grant } : {}),
      };
    case 'partner':
      return { sub: principal.partnerId, kind: 'partner', key: principal.keyId, plan: principal.plan, shops: principal.shopIds };
    case 'operator':
      return { sub: principal.operator, kind: 'operator', op: principal.operator };
  }
}

export function principalOf(claims: Partial<PrincipalClaims> & { exp?: number }): Principal | null {
  const expiresAt = (claims.exp ?? 0) * 1000;
  if (typeof claims.sub !== 'string') return null;
  switch (claims.kind) {
    case 'staff':
      if (typeof claims.org !== 'string' || typeof claims.roles !== 'object' || claims.roles === null) return null;
      return {
        kind: 'staff',
        userId: claims.sub,
        orgId: claims.org,
        roles: claims.roles,
        ...(typeof claims.sid === 'string' ? { sessionId: claims.sid } : {}),
        ...(typeof claims.mfa === 'number' ? { mfaVerifiedAt: claims.mfa * 1000 } : {}),
        ...(claims.mfe === true ? { mfaEnrolled: true } : {}),
        expiresAt,
      };
    case 'customer':
      if (!claims.org || !claims.shop || !claims.cust || !claims.veh) return null;
      return {
        kind: 'customer',
        inspectionId: claims.sub,
        orgId: claims.org,
        shopId: claims.shop,
        customerId: claims.cust,
        vehicleId: claims.veh,
        ...(typeof claims.grt === 'string' ? { grant: claims.grt } : {}),
        expiresAt,
      };
    case 'partner':
      if (!claims.key || !Array.isArray(claims.shops)) return null;
      return { kind: 'partner', partnerId: claims.sub, keyId: claims.key, plan: claims.plan ?? 'standard', shopIds: claims.shops, expiresAt };
    case 'operator':
      if (claims.op !== claims.sub || !operatorNamePattern.test(claims.sub)) return null;
      return { kind: 'operator', operator: claims.sub, expiresAt };
    default:
      return null;
  }
}
