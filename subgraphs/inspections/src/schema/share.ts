import { tokenSigner, unauthenticated } from '@cip/platform';
import { builder } from '../builder';
import type { Inspection } from '../data/inspection';
import { hashShareToken } from '../domain/share';
import { InspectionRef } from './refs';

/** A customer's access token lives at most this long; a fresh one comes from the link while it is valid. */
const customerTokenTtlSeconds = 60 * 60;

const CustomerAccessRef = builder.objectRef<{ accessToken: string; expiresAt: Date; inspection: Inspection }>('InspectionCustomerAccess').implement({
  description: "What a customer's share link opens: a short-lived access token for that one inspection.",
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', {
      description: 'Send it as `Authorization: Bearer <token>` to read the inspection (with its vehicle, items, photos and recommendations) and to approve or decline recommendations.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the access token stops working (at most an hour, never after the link expires).' }),
    inspection: t.field({ type: InspectionRef, description: 'The inspection the link is for.', resolve: (access) => access.inspection }),
  }),
});

builder.mutationField('openSharedInspection', (t) =>
  t.field({
    type: CustomerAccessRef,
    description:
      "Exchanges the token of a customer's share link for an access token to that inspection only. No login needed. A wrong, replaced or expired link answers UNAUTHENTICATED.",
    args: { token: t.arg.string({ required: true, description: 'The token from the share link.' }) },
    resolve: async (_root, { token }, ctx) => {
      const inspection = token.length <= 100 ? await ctx.repos.inspections.findByShareTokenHash(hashShareToken(token)) : null;
      const remainingSeconds = inspection?.shareExpiresAt ? Math.floor((inspection.shareExpiresAt.getTime() - Date.now()) / 1000) : 0;
      if (!inspection || remainingSeconds < 1) throw unauthenticated('This inspection link is not valid or has expired. Ask the shop for a new one.');
      const { token: accessToken, expiresAt } = await tokenSigner(ctx.runtime).sign(
        {
          kind: 'customer',
          inspectionId: inspection.id,
          orgId: inspection.orgId,
          shopId: inspection.shopId,
          customerId: inspection.customerId,
          vehicleId: inspection.vehicleId,
        },
        Math.min(customerTokenTtlSeconds, remainingSeconds),
      );
      return { accessToken, expiresAt, inspection };
    },
  }),
);
