import { createSubgraphApp, eventConsumer, tokenSigner, type SubgraphDefinition } from '@cip/platform';
import { createContext, createServices } from './context';
import { CustomerEntity } from './data/customer';
import { auditConsumer, auditedEventTypes } from './domain/audit-consumer';
import { OrganizationEntity } from './data/organization';
import { StaffInvitationEntity } from './data/invitation';
import { LoginAddressEntity } from './data/login-address';
import { PasskeyEntity } from './data/passkey';
import { PendingSignUpEntity } from './data/sign-up';
import { StaffMessageEntity } from './data/staff-message';
import { RefreshTokenEntity } from './data/refresh-token';
import { ShopEntity } from './data/shop';
import { ShopRoleEntity, UserEntity } from './data/user';
import { Initial1764201600000 } from './migrations/1764201600000-initial';
import { LoginThrottling1764400000000 } from './migrations/1764400000000-login-throttling';
import { SignUpAndInvitations1764400100000 } from './migrations/1764400100000-sign-up-and-invitations';
import { customerMessageEventTypes, customerMessagesGroup } from './domain/messaging/reactions';
import { securityAlertEventTypes, securityAlertsGroup } from './domain/security-alerts';
import { smsStatusRoute } from './domain/messaging/sms-status';
import { Mfa1764500000000 } from './migrations/1764500000000-mfa';
import { CustomerMessages1765000000000 } from './migrations/1765000000000-customer-messages';
import { AuditLog1765100000000 } from './migrations/1765100000000-audit-log';
import { SecurityEvents1765100100000 } from './migrations/1765100100000-security-events';
import { SealedTotpSecrets1765200000000 } from './migrations/1765200000000-sealed-totp-secrets';
import { Passkeys1765300000000 } from './migrations/1765300000000-passkeys';
import { AuditDetails1765300100000 } from './migrations/1765300100000-audit-details';
import { AuditRetention1765400000000 } from './migrations/1765400000000-audit-retention';
import { schema } from './schema';
import { cacheHints } from './schema/cache-hints';

export { schema };

const auditRetentionEveryMs = 3_600_000;

/** Organizations, shops, staff users and roles, customers, sign-in (the token issuer and its JWKS), and the messages customers receive. */
export const shopsSubgraph: SubgraphDefinition = {
  name: 'shops',
  issuesTokens: true,
  entities: [OrganizationEntity, ShopEntity, UserEntity, ShopRoleEntity, RefreshTokenEntity, CustomerEntity, LoginAddressEntity, PendingSignUpEntity, StaffInvitationEntity, StaffMessageEntity, PasskeyEntity],
  migrations: [Initial1764201600000, LoginThrottling1764400000000, SignUpAndInvitations1764400100000, Mfa1764500000000, CustomerMessages1765000000000, AuditLog1765100000000, SecurityEvents1765100100000, SealedTotpSecrets1765200000000, Passkeys1765300000000, AuditDetails1765300100000, AuditRetention1765400000000],
  createApp(runtime) {
    const services = createServices(runtime);
    const { reactions, alerts, scheduler } = services.messaging;
    return createSubgraphApp(runtime, {
      schema,
      publicFields: ['signUp', 'confirmSignUp', 'acceptInvitation', 'login', 'refreshSession', 'logout', 'completeMfaLogin', 'startPasskeyLogin', 'completePasskeyLogin'],
      cacheHints,
      stop: () => services.securityEvents.close(),
      context: ({ principal, request }) => createContext(runtime, services, principal, request),
      routes: {
        '/.well-known/jwks.json': () =>
          Response.json(tokenSigner(runtime).jwks(), { headers: { 'cache-control': 'public, max-age=300' } }),
        '/messages/sms-status': smsStatusRoute(runtime),
      },
      consumers: [
        eventConsumer({ group: customerMessagesGroup, types: customerMessageEventTypes, handle: (event) => reactions.handle(event) }),
        eventConsumer({ group: securityAlertsGroup, types: securityAlertEventTypes, handle: (event) => alerts.handle(event) }),
        eventConsumer({ group: auditConsumer, from: 'beginning', types: auditedEventTypes, handle: (event) => services.auditConsumer.handle(event) }),
      ],
      jobs: [
        { name: 'messages', everyMs: runtime.config.messaging.pollMs, run: (control) => scheduler.runDue(new Date(), control) },
        { name: 'audit retention', everyMs: auditRetentionEveryMs, run: (control) => services.auditRetention.archiveDue(new Date(), control) },
      ],
    });
  },
};
