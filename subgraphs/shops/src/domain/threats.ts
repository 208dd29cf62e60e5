import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type AuditEntry, type ClientInfo } from '@cip/platform';
import { AuditRepository } from '../data/audit';
import { SecurityEventRepository } from '../data/security-event';
import { UserRepository } from '../data/user';
import type { SecurityEvents } from './security-events';

const minute = 60_000;

/**
 * Credential stuffing: failed sign-ins for this many distinct accounts from one address within the window.
 * Login throttling lets an address fail 30 times before slowing it, so a run is seen before it is slowed.
 */
export const stuffingRule = { accounts: 10, windowMs: 10 * minute };
/** A caller refused this many mutations (FORBIDDEN) within the window. */
export const deniedBurstRule = { refusals: 5, windowMs: 5 * minute };

const accountHashOf = (email: string) => createHash('sha256').update(`account:${email}`).digest('hex');
const known = (client: ClientInfo) => client.address !== 'unknown';

/** Turns what sign-in, sessions, MFA and the audit log see into security events. */
export class ThreatDetector {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: SecurityEvents,
  ) {}

  /** A wrong password or unknown account; raises CREDENTIAL_STUFFING for each organization with an account in a burst from one address. */
  async loginFailed(email: string, user: { id: string; orgId: string } | null, client: ClientInfo): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // One detection per address at a time, so a burst raises its alert once per organization.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`stuffing:${client.address}`]);
      await this.events.raise(manager, {
        type: 'LOGIN_FAILED',
        orgId: user?.orgId ?? null,
        userId: user?.id ?? null,
        actor: { kind: 'ANONYMOUS', id: null },
        accountHash: accountHashOf(email),
        client,
        description: `A sign-in ${user ? 'to this account' : 'to an unknown account'} failed from ${client.address}.`,
      });
      if (known(client)) await this.detectStuffing(manager, client);
    });
  }

  private async detectStuffing(manager: EntityManager, client: ClientInfo): Promise<void> {
    const repo = new SecurityEventRepository(manager);
    const since = new Date(Date.now() - stuffingRule.windowMs);
    const accounts = await repo.failedAccountsFrom(client.address, since);
    if (accounts < stuffingRule.accounts) return;
    for (const orgId of await repo.orgsFailedFrom(client.address, since)) {
      if (await repo.raisedSince({ orgId, type: 'CREDENTIAL_STUFFING', since, clientAddress: client.address })) continue;
      await this.events.raise(manager, {
        type: 'CREDENTIAL_STUFFING',
        orgId,
        actor: { kind: 'ANONYMOUS', id: null },
        client,
        description: `Sign-ins to ${accounts} accounts failed from ${client.address} within ${stuffingRule.windowMs / minute} minutes, some of them this organization's: a credential-stuffing run.`,
      });
    }
  }

  /** A completed sign-in, in its transaction; NEW_DEVICE when a user who signed in before does so from a new address or user agent. */
  async loginSucceeded(manager: EntityManager, user: { id: string; orgId: string }, client: ClientInfo, newAddress: boolean): Promise<void> {
    const history = await new SecurityEventRepository(manager).signInHistory(user.id, client.userAgent);
    await this.events.raise(manager, { type: 'LOGIN_SUCCEEDED', orgId: user.orgId, userId: user.id, actor: { kind: 'USER', id: user.id }, client, description: `Signed in from ${client.address}.` });
    if (!history.any || (!newAddress && history.sameAgent)) return;
    await this.events.raise(manager, {
      type: 'NEW_DEVICE',
      orgId: user.orgId,
      userId: user.id,
      actor: { kind: 'USER', id: user.id },
      client,
      description: newAddress ? `Signed in from an address never used by this user before: ${client.address}.` : `Signed in with a browser or app never used by this user before: ${client.userAgent ?? 'none given'}.`,
    });
  }

  /** A refresh token presented a second time: it was copied, and the login has been ended. */
  async refreshReused(userId: string, client: ClientInfo): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [user] = await new UserRepository(manager).findByIds([userId]);
      if (!user) return;
      await this.events.raise(manager, {
        type: 'REFRESH_TOKEN_REUSE',
        orgId: user.orgId,
        userId,
        actor: { kind: 'USER', id: userId },
        client,
        description: `A refresh token already used was presented again from ${client.address}; every session of that login was signed out.`,
      });
    });
  }

  /** A wrong second-factor code. */
  async mfaFailed(userId: string, client: ClientInfo): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [user] = await new UserRepository(manager).findByIds([userId]);
      if (!user) return;
      await this.events.raise(manager, { type: 'MFA_FAILED', orgId: user.orgId, userId, actor: { kind: 'USER', id: userId }, client, description: `A wrong second-factor code was entered from ${client.address}.` });
    });
  }

  /** Looks at a mutation the audit log just appended: bursts of refusals, and partner keys used from a new address. */
  async mutationRecorded(manager: EntityManager, entry: AuditEntry): Promise<void> {
    if (!entry.orgId || !entry.actorId || entry.type !== 'MUTATION') return;
    const audit = new AuditRepository(manager);
    const repo = new SecurityEventRepository(manager);
    const client: ClientInfo | null = entry.clientAddress ? { address: entry.clientAddress, userAgent: entry.userAgent, ...(entry.requestId ? { requestId: entry.requestId } : {}) } : null;
    const actor = { kind: entry.actorKind, id: entry.actorId };
    if (entry.errorCode === ErrorCode.FORBIDDEN) {
      const since = new Date(Date.now() - deniedBurstRule.windowMs);
      const refusals = await audit.refusalsSince(entry.orgId, entry.actorId, since);
      if (refusals >= deniedBurstRule.refusals && !(await repo.raisedSince({ orgId: entry.orgId, type: 'PERMISSION_DENIED_BURST', since, actorId: entry.actorId }))) {
        await this.events.raise(manager, {
          type: 'PERMISSION_DENIED_BURST',
          orgId: entry.orgId,
          userId: entry.actorKind === 'USER' ? entry.actorId : null,
          actor,
          client,
          description: `${refusals} mutations were refused as not permitted within ${deniedBurstRule.windowMs / minute} minutes, the last ${entry.operation}.`,
          targetIds: entry.targetIds,
        });
      }
    }
    if (entry.actorKind === 'PARTNER_KEY' && entry.clientAddress) {
      const seen = await audit.addressesOfActor(entry.orgId, entry.actorId, entry.clientAddress, entry.id);
      if (seen.before && !seen.fromThisAddress) {
        await this.events.raise(manager, {
          type: 'API_KEY_NEW_ADDRESS',
          orgId: entry.orgId,
          actor,
          client,
          description: `API key ${entry.actorId} was used from an address it never called from before: ${entry.clientAddress}.`,
        });
      }
    }
  }
}
