import { describedEnum, valid } from '@cip/platform';
import type { StaffInvitation } from '../data/invitation';
import { builder } from '../builder';
import { SessionRef } from './auth';
import { ShopRef, StaffRoleEnum } from './refs';

const InvitationStatusEnum = describedEnum(builder, 'InvitationStatus', 'Where an invitation stands.', {
  PENDING: 'Sent, not accepted yet.',
  ACCEPTED: 'The invitee chose a password and now works at the shop.',
  EXPIRED: 'Not accepted in time; invite again if still wanted.',
});

const statusOf = (invitation: StaffInvitation) =>
  invitation.acceptedAt ? 'ACCEPTED' : invitation.expiresAt.getTime() <= Date.now() ? 'EXPIRED' : 'PENDING';

export const StaffInvitationRef = builder.objectRef<StaffInvitation>('StaffInvitation').implement({
  description: 'An invitation to work at a shop, e-mailed to the invitee, who chooses their own password when accepting.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the invitation.' }),
    email: t.exposeString('email', { description: 'Where the invitation went, as the platform spells the address.' }),
    name: t.exposeString('name', { description: "The invitee's name, as the inviter gave it." }),
    role: t.field({ type: StaffRoleEnum, description: 'The role the invitee gets at the shop.', resolve: (invitation) => invitation.role }),
    status: t.field({ type: InvitationStatusEnum, description: 'Pending, accepted or expired.', resolve: statusOf }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the invitation stops working.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was sent.' }),
    shop: t.field({
      type: ShopRef,
      description: 'The shop the invitee is invited to.',
      resolve: async (invitation, _args, ctx) => {
        const shop = await ctx.loaders.shop.load(invitation.shopId);
        if (!shop) throw new Error(`invitation ${invitation.id} has no shop`);
        return shop;
      },
    }),
  }),
});

const StaffInvitationInput = builder.inputType('StaffInvitationInput', {
  description: 'Who to invite, and as what.',
  fields: (t) => ({
    email: t.string({ required: true, description: "The invitee's e-mail address; the invitation link is sent there." }),
    name: t.string({ required: true, description: "The invitee's full name." }),
    role: t.field({ type: StaffRoleEnum, required: true, description: 'Their role at the shop.' }),
  }),
});

builder.objectFields(ShopRef, (t) => ({
  invitations: t.field({
    type: [StaffInvitationRef],
    visibleTo: ['staff'],
    description: "Invitations to the shop, newest first. The shop's owners and managers only.",
    resolve: (shop, _args, ctx) => ctx.services.staff.invitationsOf(ctx.principal, shop.id, ctx.loaders.invitationsByShop),
  }),
}));

builder.mutationFields((t) => ({
  inviteStaffMember: t.field({
    type: StaffInvitationRef,
    authScopes: { stepUp: true },
    description:
      'Invites someone to work at a shop by e-mail. Owners and managers; only owners invite owners. It grants a role, so a caller with a second factor needs one verified in the last 10 minutes (`MFA_REQUIRED`). The answer is the same for every address outside your organization, including addresses of other organizations’ users.',
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop they will work at.' }).validate(valid.id('Shop')),
      input: t.arg({ type: StaffInvitationInput, required: true, description: 'Who, and as what.' }),
    },
    resolve: (_root, { shopId, input }, ctx) => ctx.services.staff.invite(ctx.principal, shopId, input),
  }),
  acceptInvitation: t.field({
    type: SessionRef,
    description: 'Accepts an invitation with the token from its link: creates the user with the password they choose, and signs them in.',
    args: {
      token: t.arg.string({ required: true, description: 'The token from the invitation link (after `#token=`).' }),
      password: t.arg.string({ required: true, description: 'The password to sign in with, at least 10 characters.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.staff.accept(args),
  }),
}));
