import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  appError,
  badInput,
  emailInput,
  enforceQuota,
  ErrorCode,
  forbidden,
  nameInput,
  parseInput,
  passwordInput,
  requireShopRole,
  staffRoles,
  unauthenticated,
  type Principal,
  type StaffRole,
  type SubgraphRuntime,
} from '@cip/platform';
import { StaffInvitationRepository, type StaffInvitation } from '../data/invitation';
import { ShopRepository } from '../data/shop';
import { StaffMessageRepository } from '../data/staff-message';
import { UserRepository, type User } from '../data/user';
import { staffMessages } from './messages';
import { hashPassword } from './passwords';
import type { Session, Sessions } from './sessions';
import { hashSecret, newSecret } from './tokens';

const invitationSchema = z.object({ email: emailInput, name: nameInput, role: z.enum(staffRoles) });
const acceptanceSchema = z.object({ token: z.string().min(1).max(200), password: passwordInput });

const invitationLifetimeMs = 7 * 24 * 3600 * 1000;
const invalidInvitation = () => unauthenticated('This invitation is not valid, was already accepted or has expired.');

/** Who works where: invitations, their acceptance, and role changes. */
export class StaffDirectory {
  private readonly messages;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runtime: SubgraphRuntime,
    private readonly sessions: Sessions,
  ) {
    this.messages = staffMessages(runtime.config.publicUrl);
  }

  /**
   * Invites someone to a shop. Owners and managers; only owners invite owners. The answer is the same
   * whether or not the address belongs to another organization's user (who is told by message instead);
   * an address of the caller's own organization is refused, since its user can simply be given a role.
   */
  async invite(principal: Principal | null, shopId: string, input: unknown): Promise<StaffInvitation> {
    const staff = requireShopRole(principal, shopId, ['OWNER', 'MANAGER']);
    const values = parseInput(invitationSchema, input);
    if (values.role === 'OWNER' && staff.roles[shopId] !== 'OWNER') throw forbidden('Only an owner can grant the owner role.');
    await enforceQuota(this.runtime.store, { scope: 'invite:recipient', identity: values.email }, 5, 3600);
    const token = newSecret();
    const expiresAt = new Date(Date.now() + invitationLifetimeMs);
    return this.dataSource.transaction(async (manager) => {
      const users = new UserRepository(manager);
      const existing = await users.findByEmail(values.email);
      if (existing?.orgId === staff.orgId) {
        throw badInput('This address already belongs to a colleague in your organization; give them a role with setStaffRole.', { field: 'email' });
      }
      const [inviter] = await users.findByIds([staff.userId]);
      const [shop] = await new ShopRepository(manager).findByIds([shopId]);
      const invitation = await new StaffInvitationRepository(manager).create(manager, {
        orgId: staff.orgId,
        shopId,
        email: values.email,
        name: values.name,
        role: values.role,
        invitedBy: staff.userId,
        tokenHash: hashSecret(token),
        expiresAt,
      });
      const inviterName = inviter?.name ?? 'A colleague';
      const shopName = shop?.name ?? 'a shop';
      const message = existing
        ? this.messages.staffInvitationExistingAccount(values.email, inviterName, shopName)
        : this.messages.staffInvitation(values.email, inviterName, shopName, values.role, token, expiresAt);
      await new StaffMessageRepository(manager).record(manager, message);
      return invitation;
    });
  }

  /** A shop's invitations, for its owners and managers. */
  invitationsOf(principal: Principal | null, shopId: string, byShop: DataLoader<string, StaffInvitation[]>): Promise<StaffInvitation[]> {
    requireShopRole(principal, shopId, ['OWNER', 'MANAGER']);
    return byShop.load(shopId);
  }

  /** Creates the invited user with the password they choose, gives them the role, and signs them in. Each invitation works once. */
  async accept(input: unknown): Promise<Session> {
    const values = parseInput(acceptanceSchema, input);
    const passwordHash = await hashPassword(values.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const invitations = new StaffInvitationRepository(manager);
        const invitation = await invitations.findByHashForUpdate(manager, hashSecret(values.token));
        if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) throw invalidInvitation();
        const users = new UserRepository(manager);
        if (await users.findByEmail(invitation.email)) throw invalidInvitation();
        const user = await users.create(manager, { orgId: invitation.orgId, email: invitation.email, name: invitation.name, passwordHash });
        await users.setRole(manager, { userId: user.id, shopId: invitation.shopId, orgId: invitation.orgId, role: invitation.role });
        await invitations.markAccepted(manager, invitation.id, user.id);
        return this.sessions.issue(manager, user);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw invalidInvitation();
      throw error;
    }
  }

  /**
   * Gives a colleague a role at a shop, changes it, or removes it (null). Owners and managers; only owners
   * touch the owner role (its field declares step-up). Takes
   * effect on the colleague's next request, with the token they hold.
   */
  async setRole(principal: Principal | null, shopId: string, userId: string, role: StaffRole | null | undefined): Promise<User> {
    const staff = requireShopRole(principal, shopId, ['OWNER', 'MANAGER']);
    const user = await this.dataSource.transaction(async (manager) => {
      const users = new UserRepository(manager);
      const [user] = z.uuid().safeParse(userId).success ? await users.findByIds([userId]) : [null];
      if (!user || user.orgId !== staff.orgId) throw appError(ErrorCode.NOT_FOUND, `User ${userId} was not found.`);
      const [roles] = await users.rolesByUserIds([userId]);
      const current = roles.find((r) => r.shopId === shopId);
      if ((role === 'OWNER' || current?.role === 'OWNER') && staff.roles[shopId] !== 'OWNER') {
        throw forbidden('Only an owner can grant or take away the owner role.');
      }
      if (role) await users.setRole(manager, { userId, shopId, orgId: staff.orgId, role });
      else await users.removeRole(manager, userId, shopId);
      return user;
    });
    await this.sessions.publishAccess(user);
    return user;
  }
}
