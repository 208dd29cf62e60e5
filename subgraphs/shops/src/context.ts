import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { batchLoader, groupLoader, type Principal, type SubgraphRuntime } from '@cip/platform';
import { CustomerRepository, type Customer } from './data/customer';
import { OrganizationRepository, type Organization } from './data/organization';
import { RefreshTokenRepository } from './data/refresh-token';
import { ShopRepository, type Shop } from './data/shop';
import { UserRepository, type ShopRole, type User } from './data/user';

export interface ShopsContext {
  principal: Principal | null;
  runtime: SubgraphRuntime;
  dataSource: DataSource;
  repos: ReturnType<typeof createRepositories>;
  loaders: {
    organization: DataLoader<string, Organization | null>;
    shop: DataLoader<string, Shop | null>;
    user: DataLoader<string, User | null>;
    customer: DataLoader<string, Customer | null>;
    rolesByUser: DataLoader<string, ShopRole[]>;
    rolesByShop: DataLoader<string, ShopRole[]>;
  };
}

export function createRepositories(dataSource: DataSource) {
  const manager = dataSource.manager;
  return {
    organizations: new OrganizationRepository(manager),
    shops: new ShopRepository(manager),
    users: new UserRepository(manager),
    customers: new CustomerRepository(manager),
    refreshTokens: new RefreshTokenRepository(),
  };
}

/** Fresh loaders for every request, so nothing cached outlives the caller it was loaded for. */
export function createContext(runtime: SubgraphRuntime, principal: Principal | null): ShopsContext {
  const dataSource = runtime.db.dataSource;
  const repos = createRepositories(dataSource);
  return {
    principal,
    runtime,
    dataSource,
    repos,
    loaders: {
      organization: batchLoader((ids) => repos.organizations.findByIds(ids)),
      shop: batchLoader((ids) => repos.shops.findByIds(ids)),
      user: batchLoader((ids) => repos.users.findByIds(ids)),
      customer: batchLoader((ids) => repos.customers.findByIds(ids)),
      rolesByUser: groupLoader((ids: readonly string[]) => repos.users.rolesByUserIds(ids)),
      rolesByShop: groupLoader((ids: readonly string[]) => repos.users.rolesByShopIds(ids)),
    },
  };
}
