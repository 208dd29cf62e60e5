import { createSubgraphApp, tokenSigner, type SubgraphDefinition } from '@cip/platform';
import { createContext, createServices } from './context';
import { CustomerEntity } from './data/customer';
import { OrganizationEntity } from './data/organization';
import { StaffInvitationEntity } from './data/invitation';
import { LoginAddressEntity } from './data/login-address';
import { PendingSignUpEntity } from './data/sign-up';
import { StaffMessageEntity } from './data/staff-message';
import { RefreshTokenEntity } from './data/refresh-token';
import { ShopEntity } from './data/shop';
import { ShopRoleEntity, UserEntity } from './data/user';
import { Initial1764201600000 } from './migrations/1764201600000-initial';
import { LoginThrottling1764400000000 } from './migrations/1764400000000-login-throttling';
import { SignUpAndInvitations1764400100000 } from './migrations/1764400100000-sign-up-and-invitations';
import { Mfa1764500000000 } from './migrations/1764500000000-mfa';
import { schema } from './schema';
import { cacheHints } from './schema/cache-hints';

export { schema };

/** Organizations, shops, staff users and roles, customers, and sign-in (the token issuer and its JWKS). */
export const shopsSubgraph: SubgraphDefinition = {
  name: 'shops',
  issuesTokens: true,
  entities: [OrganizationEntity, ShopEntity, UserEntity, ShopRoleEntity, RefreshTokenEntity, CustomerEntity, LoginAddressEntity, PendingSignUpEntity, StaffInvitationEntity, StaffMessageEntity],
  migrations: [Initial1764201600000, LoginThrottling1764400000000, SignUpAndInvitations1764400100000, Mfa1764500000000],
  createApp(runtime) {
    const services = createServices(runtime);
    return createSubgraphApp(runtime, {
      schema,
      publicFields: ['signUp', 'confirmSignUp', 'acceptInvitation', 'login', 'refreshSession', 'logout', 'completeMfaLogin'],
      cacheHints,
      context: ({ principal, request }) => createContext(runtime, services, principal, request),
      routes: {
        '/.well-known/jwks.json': () =>
          Response.json(tokenSigner(runtime).jwks(), { headers: { 'cache-control': 'public, max-age=300' } }),
      },
    });
  },
};
