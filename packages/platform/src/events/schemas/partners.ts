import { z } from 'zod';
import { defineEvent } from '../definition';
import { cents, currency, id } from './fields';

const commission = z.object({
  ledgerEntryId: id.describe('The ledger entry.'),
  partnerId: id.describe('The partner paying.'),
  programId: id.describe('The program it falls under.'),
  amountCents: cents.nonnegative().describe('The amount, never negative.'),
  currency,
  sourceEventId: id.describe('The inspections event it was computed from.'),
});
const partnerId = id.describe('The partner.');
const shopIds = z.array(id).describe('Every shop enrolled in any of its programs.');

export const partnersEvents = [
  defineEvent({
    type: 'commission.accrued',
    version: 1,
    producer: 'partners',
    subject: 'Shop',
    description: 'A partner owes the shop a commission on an approved sale.',
    data: commission,
  }),
  defineEvent({
    type: 'commission.reversed',
    version: 1,
    producer: 'partners',
    subject: 'Shop',
    description: 'A commission was taken back (refund, or a later decline).',
    data: commission,
  }),
  defineEvent({
    type: 'partner.api_key_issued',
    version: 1,
    producer: 'partners',
    subject: 'Partner',
    description: 'A partner API key was issued; the gateway accepts it from then on.',
    data: z.object({
      keyId: id.describe('The key.'),
      partnerId,
      keyHash: z.string().describe('sha256 of the secret, hex.'),
      prefix: z.string().describe('The visible start of the secret.'),
      plan: z.string().describe('Its quota plan.'),
      shopIds,
    }),
  }),
  defineEvent({
    type: 'partner.api_key_revoked',
    version: 1,
    producer: 'partners',
    subject: 'Partner',
    description: 'A partner API key was revoked; the gateway refuses it from then on.',
    data: z.object({ keyId: id.describe('The key.'), partnerId }),
  }),
  defineEvent({
    type: 'partner.enrollment_changed',
    version: 1,
    producer: 'partners',
    subject: 'Partner',
    description: "The shops a partner's keys reach changed.",
    data: z.object({ partnerId, shopIds }),
  }),
] as const;
