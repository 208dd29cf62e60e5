import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { emailInput, enforceQuota, enqueueEvents, nameInput, parseInput, passwordInput, unauthenticated, type ClientInfo, type SubgraphRuntime } from '@cip/platform';
import { OrganizationRepository } from '../data/organization';
import { ShopRepository } from '../data/shop';
import { PendingSignUpRepository } from '../data/sign-up';
import { StaffMessageRepository } from '../data/staff-message';
import { UserRepository } from '../data/user';
import { staffMessages } from './messages';
import { hashPassword } from './passwords';
import type { Session, Sessions } from './sessions';
import { shopCreated, shopSchema } from './shops';
import { hashSecret, newSecret } from './tokens';

const signUpSchema = z.object({
  organizationName: nameInput,
  ownerName: nameInput,
  email: emailInput,
  password: passwordInput,
  shop: shopSchema,
});

/** What `signUp` answers, whether or not the address already has an account. */
export interface SignUpStarted {
  email: string;
  expiresAt: Date;
}

const linkLifetimeMs = 24 * 3600 * 1000;
const invalidLink = () => unauthenticated('This sign-up link is not valid, was already used or has expired.');

/**
 * Sign-up in two steps: `start` records the sign-up and e-mails a confirmation link; `confirm` creates
 * the organization, its first shop and its owner. An address that already has an account gets the same
 * answer and costs the same work; its owner is told by message instead, so sign-up reveals no account.
 */
export class SignUps {
  private readonly messages;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runtime: SubgraphRuntime,
    private readonly sessions: Sessions,
  ) {
    this.messages = staffMessages(runtime.config.publicUrl);
  }

  async start(input: unknown, client: ClientInfo): Promise<SignUpStarted> {
    const values = parseInput(signUpSchema, input);
    await enforceQuota(this.runtime.store, { scope: 'sign-up:recipient', identity: values.email }, 5, 3600);
    await enforceQuota(this.runtime.store, { scope: 'sign-up:address', identity: client.address }, 30, 3600);
    const passwordHash = await hashPassword(values.password);
    const token = newSecret();
    const expiresAt = new Date(Date.now() + linkLifetimeMs);
    await this.dataSource.transaction(async (manager) => {
      const existing = await new UserRepository(manager).findByEmail(values.email);
      await new PendingSignUpRepository().create(manager, {
        email: values.email,
        tokenHash: hashSecret(token),
        organizationName: values.organizationName,
        ownerName: values.ownerName,
        passwordHash,
        shop: values.shop,
        expiresAt,
      });
      const message = existing
        ? this.messages.signUpExistingAccount(values.email)
        : this.messages.signUpConfirmation(values.email, values.organizationName, token, expiresAt);
      await new StaffMessageRepository(manager).record(manager, message);
    });
    return { email: values.email, expiresAt };
  }

  /** Creates the organization a confirmation link was sent for and signs its owner in. Each link works once. */
  async confirm(token: string): Promise<Session> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const pending = await new PendingSignUpRepository().findByHashForUpdate(manager, hashSecret(token));
        if (!pending || pending.confirmedAt || pending.expiresAt.getTime() <= Date.now()) throw invalidLink();
        const users = new UserRepository(manager);
        if (await users.findByEmail(pending.email)) throw invalidLink();
        const org = await new OrganizationRepository(manager).create(manager, { name: pending.organizationName });
        const shop = await new ShopRepository(manager).create(manager, { ...pending.shop, orgId: org.id });
        const user = await users.create(manager, { orgId: org.id, email: pending.email, name: pending.ownerName, passwordHash: pending.passwordHash });
        await users.setRole(manager, { userId: user.id, shopId: shop.id, orgId: org.id, role: 'OWNER' });
        await enqueueEvents(manager, 'shops', [shopCreated(shop)]);
        await new PendingSignUpRepository().markConfirmed(manager, pending.id);
        return this.sessions.issue(manager, user);
      });
    } catch (error) {
      // Two sign-ups of one address confirmed at once: the second finds the address taken.
      if ((error as { code?: string }).code === '23505') throw invalidLink();
      throw error;
    }
  }
}
