import { notFound, requirePrincipal, forbidden, valid } from '@cip/platform';
import { builder } from '../builder';
import type { PartnersContext } from '../context';
import type { Partner } from '../data/partner';
import { canSeePartner, partnerCaller, requireOwnPartner } from '../domain/access';
import { ApiKeyPlanEnum, ApiKeyRef, EnrollmentRef, PartnerKindEnum, PartnerRef, ProgramRef } from './refs';

PartnerRef.implement({
  description: 'A company that sells through shops (a tire distributor, a warranty provider, a lender…) and pays them commissions.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the partner.' }),
    name: t.exposeString('name', { description: 'The partner as shops know it.' }),
    kind: t.expose('kind', { type: PartnerKindEnum, description: 'What the partner sells.' }),
    programs: t.field({
      type: [ProgramRef],
      description: "The partner's programs shops can enroll in.",
      resolve: (partner, _args, ctx) => ctx.loaders.programsByPartner.load(partner.id),
    }),
    shops: t.field({
      type: [EnrollmentRef],
      description:
        "The partner's enrolled shops, one entry per shop and program. Only the partner itself (with its API key) may read this, and it sees only the shops its key reaches and only the fields each program shares.",
      resolve: async (partner, _args, ctx) => {
        const caller = requireOwnPartner(ctx.principal, partner.id);
        const enrollments = await ctx.loaders.enrollmentsByPartner.load(partner.id);
        return enrollments.filter((enrollment) => caller.shopIds.includes(enrollment.shopId));
      },
    }),
    apiKeys: t.field({
      type: [ApiKeyRef],
      description: "The partner's API keys, live and revoked (never the secrets). Only the partner itself may read this.",
      resolve: (partner, _args, ctx) => {
        requireOwnPartner(ctx.principal, partner.id);
        return ctx.repos.partners.keysOf(partner.id);
      },
    }),
  }),
});

/** A partner the caller may see, or null: a partner's key sees only its own partner. */
export async function loadVisiblePartner(ctx: PartnersContext, id: string): Promise<Partner | null> {
  if (!canSeePartner(ctx.principal, id)) return null;
  return ctx.loaders.partner.load(id);
}

builder.asEntity(PartnerRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loadVisiblePartner(ctx, id),
});

ApiKeyRef.implement({
  description: "A partner's API key. The secret is shown once, when issued; only its SHA-256 hash and prefix are kept.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the key (used to revoke it).' }),
    prefix: t.exposeString('prefix', { description: 'The start of the key, to tell keys apart in logs and dashboards.' }),
    label: t.exposeString('label', { description: 'What the partner called the key (e.g. "production").' }),
    plan: t.expose('plan', { type: ApiKeyPlanEnum, description: 'The quota plan calls with the key run under.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the key was issued.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When the key was revoked; null while it works.' }),
  }),
});

const IssuedApiKeyRef = builder.objectRef<{ key: { id: string }; secret: string }>('IssuedPartnerApiKey').implement({
  description: 'A newly issued key and its secret. Store the secret now: it is never shown again.',
  fields: (t) => ({
    key: t.field({ type: ApiKeyRef, description: 'The key as it will be listed.', resolve: (issued) => issued.key as never }),
    secret: t.exposeString('secret', { description: 'The API key to send in the `x-api-key` header. Shown only this once.' }),
  }),
});

const IssueApiKeyInput = builder.inputType('IssuePartnerApiKeyInput', {
  description: 'A new API key for the calling partner.',
  fields: (t) => ({
    label: t.string({ required: true, description: 'What the key is for, e.g. "production" (1–100 characters).' }),
    plan: t.field({ type: ApiKeyPlanEnum, description: 'The quota plan; STANDARD when omitted.' }),
  }),
});

builder.queryFields((t) => ({
  partner: t.field({
    type: PartnerRef,
    description: "One partner by id. A partner's key sees only its own partner; other ids answer NOT_FOUND.",
    args: { id: t.arg.id({ required: true, description: 'The partner id.' }).validate(valid.id('Partner')) },
    resolve: async (_root, { id }, ctx) => {
      const partner = await loadVisiblePartner(ctx, id);
      if (!partner) throw notFound('Partner', id);
      return partner;
    },
  }),
  viewerPartner: t.field({
    type: PartnerRef,
    description: 'The partner whose API key is calling. FORBIDDEN for any other caller.',
    resolve: async (_root, _args, ctx) => {
      const caller = partnerCaller(requirePrincipal(ctx.principal));
      if (!caller) throw forbidden('Only a partner API key has a partner.');
      const partner = await ctx.loaders.partner.load(caller.partnerId);
      if (!partner) throw notFound('Partner', caller.partnerId);
      return partner;
    },
  }),
}));

builder.mutationFields((t) => ({
  issuePartnerApiKey: t.field({
    type: IssuedApiKeyRef,
    description:
      "Issues another API key for the calling partner (keys are per partner, reaching the shops enrolled in its programs). Only the partner's own key may do this; the first key is issued by the platform's admin script.",
    args: { input: t.arg({ type: IssueApiKeyInput, required: true, description: 'The new key.' }) },
    resolve: async (_root, { input }, ctx) => {
      const caller = partnerCaller(requirePrincipal(ctx.principal));
      if (!caller) throw forbidden('Only the partner, with its API key, may issue keys.');
      return ctx.services.programs.issueApiKey(caller.partnerId, { label: input.label, plan: input.plan ?? 'standard' });
    },
  }),
  revokePartnerApiKey: t.field({
    type: ApiKeyRef,
    description: "Revokes one of the calling partner's keys; the gateway stops accepting it. A key of another partner answers NOT_FOUND.",
    args: { keyId: t.arg.id({ required: true, description: 'The key to revoke.' }).validate(valid.id('PartnerApiKey')) },
    resolve: async (_root, { keyId }, ctx) => {
      const caller = partnerCaller(requirePrincipal(ctx.principal));
      if (!caller) throw forbidden('Only the partner, with its API key, may revoke keys.');
      return ctx.services.programs.revokeApiKey(caller.partnerId, keyId);
    },
  }),
}));
