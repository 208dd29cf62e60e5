import { runtimeReadiness, createSubgraphYoga, tokenSigner, type SubgraphDefinition } from '@cip/platform';
import { createContext } from './context';
import { CustomerEntity } from './data/customer';
import { OrganizationEntity } from './data/organization';
import { RefreshTokenEntity } from './data/refresh-token';
import { ShopEntity } from './data/shop';
import { ShopRoleEntity, UserEntity } from './data/user';
import { Initial1764201600000 } from './migrations/1764201600000-initial';
import { schema } from './schema';
import { cacheHints } from './schema/cache-hints';

export { schema };

/** Organizations, shops, staff users and roles, customers, and sign-in (the token issuer and its JWKS). */
export const shopsSubgraph: SubgraphDefinition = {
  name: 'shops',
  issuesTokens: true,
  entities: [OrganizationEntity, ShopEntity, UserEntity, ShopRoleEntity, RefreshTokenEntity, CustomerEntity],
  migrations: [Initial1764201600000],
  createApp(runtime) {
    const yoga = createSubgraphYoga({
      name: 'shops',
      schema,
      verifier: runtime.verifier,
      logger: runtime.logger,
      tracerProvider: runtime.tracerProvider,
      publicFields: ['signUp', 'login', 'refreshSession', 'logout'],
      cacheHints,
      context: ({ principal }) => createContext(runtime, principal),
      ready: () => runtimeReadiness(runtime),
      routes: {
        '/.well-known/jwks.json': () =>
          Response.json(tokenSigner(runtime).jwks(), { headers: { 'cache-control': 'public, max-age=300' } }),
      },
    });
    return { yoga };
  },
};
