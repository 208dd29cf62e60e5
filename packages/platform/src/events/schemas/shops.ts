import { z } from 'zod';
import { defineEvent } from '../definition';
import { cents } from './fields';

const laborRateCents = cents.min(0).describe('Hourly labor rate in cents: what labor hours are priced at.');

export const shopsEvents = [
  defineEvent({
    type: 'shop.created',
    version: 1,
    producer: 'shops',
    subject: 'Shop',
    description: 'A shop was opened in an organization (at sign-up or later).',
    data: z.object({
      name: z.string().describe("The shop's name."),
      timezone: z.string().describe('IANA time zone its local days are counted in.'),
      currency: z.string().length(3).describe('ISO 4217 currency of its prices.'),
      laborRateCents: laborRateCents.optional().describe('Hourly labor rate in cents; absent from events emitted before it was added.'),
    }),
  }),
  defineEvent({
    type: 'shop.updated',
    version: 1,
    producer: 'shops',
    subject: 'Shop',
    description: "A shop's settings were changed (name, time zone, currency, labor rate).",
    data: z.object({
      name: z.string().describe("The shop's name."),
      timezone: z.string().describe('IANA time zone its local days are counted in.'),
      currency: z.string().length(3).describe('ISO 4217 currency of its prices.'),
      laborRateCents,
    }),
  }),
  defineEvent({
    type: 'customer.created',
    version: 1,
    producer: 'shops',
    subject: 'Customer',
    description: 'A customer was added to a shop.',
    data: z.object({
      smsConsent: z.boolean().describe('Whether the customer agreed to text messages.'),
      emailConsent: z.boolean().describe('Whether the customer agreed to e-mail.'),
    }),
  }),
] as const;
