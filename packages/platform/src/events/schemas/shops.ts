import { z } from 'zod';
import { defineEvent } from '../definition';
import { cents, currency, id, instant } from './fields';

const messageKind = z.enum(['REPORT', 'REMINDER', 'FOLLOW_UP']).describe('REPORT (the report was sent), REMINDER (it was not opened in time) or FOLLOW_UP (declined work, days later).');
const messageChannel = z.enum(['EMAIL', 'SMS']).describe('How it went out.');
const message = {
  messageId: id.describe('The message (`Inspection.deliveries`).'),
  kind: messageKind,
  channel: messageChannel,
  customerId: id.describe('The customer it was for.'),
  inspectionId: id.describe('The inspection it is about.'),
  attempts: z.number().int().describe('Attempts made, this one included.'),
};
const followUpId = id.describe('The follow-up: one per declined inspection and delay.');

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
  defineEvent({
    type: 'customer_message.sent',
    version: 1,
    producer: 'shops',
    subject: 'CustomerMessage',
    description: 'A message to a customer was accepted by the e-mail server or the SMS provider.',
    data: z.object({ ...message, sentAt: instant.describe('When it was accepted.') }),
  }),
  defineEvent({
    type: 'customer_message.failed',
    version: 1,
    producer: 'shops',
    subject: 'CustomerMessage',
    description: 'A message to a customer failed for good: its last attempt failed, or the provider reported it undelivered.',
    data: z.object({ ...message, failedAt: instant.describe('When it was given up.'), reason: z.string().describe('Why, as the advisor sees it.') }),
  }),
  defineEvent({
    type: 'follow_up.sent',
    version: 1,
    producer: 'shops',
    subject: 'FollowUp',
    description: 'A follow-up about declined recommendations reached the customer by at least one channel.',
    data: z.object({
      followUpId,
      inspectionId: id.describe('The inspection whose recommendations were declined.'),
      customerId: id.describe('The customer.'),
      afterDays: z.number().int().describe('Days after the decline it was due.'),
      sentAt: instant.describe('When its first message was accepted.'),
    }),
  }),
  defineEvent({
    type: 'follow_up.converted',
    version: 1,
    producer: 'shops',
    subject: 'FollowUp',
    description: 'After a follow-up was sent, the customer approved a recommendation at the shop (on a later inspection): the follow-up turned into an approval.',
    data: z.object({
      followUpId,
      inspectionId: id.describe('The inspection the follow-up was about.'),
      customerId: id.describe('The customer.'),
      approvedInspectionId: id.describe('The inspection of the approval.'),
      recommendationId: id.describe('The recommendation approved.'),
      approvedCents: cents.describe('Its total.'),
      currency,
      convertedAt: instant.describe('When the customer approved.'),
    }),
  }),
] as const;
