import { builder } from '../builder';
import type { Inspection } from '../data/inspection';
import { InspectionRef } from './refs';

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
      "Exchanges the token of a customer's share link for an access token to that inspection only. No login needed. A wrong, replaced or expired link, or one of a closed inspection, answers UNAUTHENTICATED.",
    args: { token: t.arg.string({ required: true, description: 'The token from the share link.' }) },
    resolve: (_root, { token }, ctx) => ctx.services.sharing.open(token),
  }),
);
