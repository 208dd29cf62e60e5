import { z } from 'zod';
import { valid } from '@cip/platform';
import type { MessageKind, MessageTemplate } from '../../data/message-template';

/** What a template may name, per kind: follow-ups come weeks after the report's link has ended, so they carry none. */
export const placeholdersOf: Record<MessageKind, readonly string[]> = {
  REPORT: ['customerFirstName', 'customerLastName', 'shopName', 'link'],
  REMINDER: ['customerFirstName', 'customerLastName', 'shopName', 'link'],
  FOLLOW_UP: ['customerFirstName', 'customerLastName', 'shopName'],
};

export const defaultTemplates: Record<MessageKind, Omit<MessageTemplate, 'shopId' | 'kind' | 'updatedAt'>> = {
  REPORT: {
    emailSubject: 'Your vehicle inspection from {{shopName}}',
    emailBody:
      'Hi {{customerFirstName}},\n\n{{shopName}} has finished inspecting your vehicle. See what we found, with photos and prices, and approve or decline each recommendation here:\n\n{{link}}\n\nThank you,\n{{shopName}}',
    smsBody: '{{shopName}}: your vehicle inspection is ready. Review and approve the work here: {{link}}',
  },
  REMINDER: {
    emailSubject: 'Reminder: your vehicle inspection from {{shopName}}',
    emailBody: 'Hi {{customerFirstName}},\n\nYour vehicle inspection from {{shopName}} is waiting for you. Review it and decide on the recommendations here:\n\n{{link}}\n\nThank you,\n{{shopName}}',
    smsBody: '{{shopName}}: a reminder that your vehicle inspection is waiting for you: {{link}}',
  },
  FOLLOW_UP: {
    emailSubject: '{{shopName}}: the work we recommended for your vehicle',
    emailBody:
      'Hi {{customerFirstName}},\n\nWhen we inspected your vehicle, we recommended work you chose to wait on. Reply to this e-mail or call us to book it.\n\nThank you,\n{{shopName}}',
    smsBody: '{{shopName}}: the work we recommended at your last visit is still open. Reply or call us to book it.',
  },
};

const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A template part: its placeholders known to the kind, braces only around them, and `{{link}}` where the kind needs it. */
function part(kind: MessageKind, max: number, requiresLink: boolean) {
  const allowed = placeholdersOf[kind];
  return valid
    .text(max)
    .refine((value) => value.trim().length > 0, 'must not be empty')
    .superRefine((value, ctx) => {
      for (const [, name] of value.matchAll(placeholder)) {
        if (!allowed.includes(name)) ctx.addIssue({ code: 'custom', message: `{{${name}}} is not a placeholder of ${kind} messages; use ${allowed.map((p) => `{{${p}}}`).join(', ')}` });
      }
      if (/\{\{|\}\}/.test(value.replace(placeholder, ''))) ctx.addIssue({ code: 'custom', message: 'has an unmatched {{ or }}' });
      if (requiresLink && !/\{\{\s*link\s*\}\}/.test(value)) ctx.addIssue({ code: 'custom', message: `must contain {{link}}: the customer opens the report from it` });
    });
}

export const templateInputSchema = (kind: MessageKind) => {
  const needsLink = placeholdersOf[kind].includes('link');
  return z.object({
    emailSubject: part(kind, 200, false).refine((value) => !/[\r\n]/.test(value), 'must be one line'),
    emailBody: part(kind, 10_000, needsLink),
    smsBody: part(kind, 640, needsLink),
  });
};

/** The shop's template of `kind`, or the built-in one. */
export const templateOrDefault = (shopId: string, kind: MessageKind, saved: MessageTemplate | null | undefined): MessageTemplate =>
  saved ?? { shopId, kind, ...defaultTemplates[kind], updatedAt: null };

/** Fills in the placeholders; every name was checked when the template was saved. */
export const render = (text: string, values: Record<string, string>) => text.replace(placeholder, (_match, name: string) => values[name] ?? '');
