import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { batchLoader, clientInfoOf, createSecretBox, groupLoader, type ClientInfo, type Principal, type SubgraphRuntime } from '@cip/platform';
import { CustomerRepository, type Customer } from './data/customer';
import { CustomerMessageRepository, type CustomerMessage } from './data/customer-message';
import { MessageSettingsRepository, type MessageSettings } from './data/message-settings';
import { MessageTemplateRepository, type MessageTemplate } from './data/message-template';
import { StaffInvitationRepository, type StaffInvitation } from './data/invitation';
import { OrganizationRepository, type Organization } from './data/organization';
import { RefreshTokenRepository } from './data/refresh-token';
import { ShopRepository, type Shop } from './data/shop';
import { UserRepository, type ShopRole, type User } from './data/user';
import { createMessaging } from './domain/messaging/messaging';
import { AuditLog } from './domain/audit';
import { AuditConsumer } from './domain/audit-consumer';
import { AuditRetention } from './domain/audit-retention';
import { CustomerBook } from './domain/customers';
import { MultiFactor } from './domain/mfa';
import { PasskeyCeremonies, relyingPartyOf } from './domain/passkeys';
import { Sessions } from './domain/sessions';
import { ShopSettings } from './domain/shops';
import { SignIn } from './domain/sign-in';
import { SecurityEvents } from './domain/security-events';
import { SignUps } from './domain/sign-up';
import { StaffDirectory } from './domain/staff';
import { ThreatDetector } from './domain/threats';

export interface ShopsContext {
  principal: Principal | null;
  /** Where the request came from, as the gateway saw it. */
  client: ClientInfo;
  services: Services;
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
    invitationsByShop: DataLoader<string, StaffInvitation[]>;
    messageTemplatesByShop: DataLoader<string, MessageTemplate[]>;
    messageSettings: DataLoader<string, MessageSettings | null>;
    messagesByInspection: DataLoader<string, CustomerMessage[]>;
  };
  /** Users whose roles this request may show as another caller would see them: the user a session was just issued for. */
  viewers: Map<string, Principal>;
}

export function createRepositories(dataSource: DataSource) {
  const manager = dataSource.manager;
  return {
    organizations: new OrganizationRepository(manager),
    shops: new ShopRepository(manager),
    users: new UserRepository(manager),
    customers: new CustomerRepository(manager),
    refreshTokens: new RefreshTokenRepository(),
    invitations: new StaffInvitationRepository(manager),
    messageTemplates: new MessageTemplateRepository(manager),
    messageSettings: new MessageSettingsRepository(manager),
    customerMessages: new CustomerMessageRepository(manager),
  };
}

/** The domain services, built once per process from the runtime; they never see the GraphQL context. */
export function createServices(runtime: SubgraphRuntime) {
  const dataSource = runtime.db.dataSource;
  const audit = new AuditLog(dataSource);
  const securityEvents = new SecurityEvents(dataSource, audit, runtime.bus, runtime.logger);
  const threats = new ThreatDetector(dataSource, securityEvents);
  const sessions = new Sessions(dataSource, runtime, threats);
  const passkeys = new PasskeyCeremonies(runtime.store, relyingPartyOf(runtime.config, 'Courtesy Inspection Platform'));
  const mfa = new MultiFactor(dataSource, runtime.store, sessions, threats, createSecretBox(runtime.config.mfa.secretKeys), passkeys);
  return {
    sessions,
    mfa,
    audit,
    auditRetention: new AuditRetention(dataSource, audit, runtime.logger),
    securityEvents,
    auditConsumer: new AuditConsumer(dataSource, audit, threats),
    signIn: new SignIn(dataSource, runtime.store, sessions, mfa, threats),
    signUps: new SignUps(dataSource, runtime, sessions),
    staff: new StaffDirectory(dataSource, runtime, sessions),
    shops: new ShopSettings(dataSource, sessions),
    customers: new CustomerBook(dataSource),
    messaging: createMessaging(runtime),
  };
}

export type Services = ReturnType<typeof createServices>;

/** Fresh loaders for every request, so nothing cached outlives the caller it was loaded for. */
export function createContext(runtime: SubgraphRuntime, services: Services, principal: Principal | null, request: Request): ShopsContext {
  const dataSource = runtime.db.dataSource;
  const repos = createRepositories(dataSource);
  return {
    principal,
    client: clientInfoOf(request.headers, runtime.config.gatewaySecret),
    services,
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
      invitationsByShop: groupLoader((ids: readonly string[]) => repos.invitations.byShopIds(ids)),
      messageTemplatesByShop: groupLoader((ids: readonly string[]) => repos.messageTemplates.byShopIds(ids)),
      messageSettings: batchLoader((ids) => repos.messageSettings.findByShopIds(ids)),
      messagesByInspection: groupLoader((ids: readonly string[]) => repos.customerMessages.byInspectionIds(ids)),
    },
    viewers: new Map(),
  };
}
