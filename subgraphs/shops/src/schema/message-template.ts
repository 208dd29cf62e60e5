import { requireShopRole, valid } from '@cip/platform';
import { builder } from '../builder';
import { defaultMessageSettings } from '../data/message-settings';
import { messageKinds } from '../data/message-template';
import { placeholdersOf, templateOrDefault } from '../domain/messaging/templates';
import { MessageKindEnum, MessageSettingsRef, MessageTemplateRef, ShopRef } from './refs';

MessageTemplateRef.implement({
  description: "A shop's wording of one kind of customer message. Placeholders in double braces are filled in for each customer, e.g. {{customerFirstName}}.",
  fields: (t) => ({
    kind: t.expose('kind', { type: MessageKindEnum, description: 'Which message it words.' }),
    emailSubject: t.exposeString('emailSubject', { description: "The e-mail's subject line." }),
    emailBody: t.exposeString('emailBody', { description: "The e-mail's text." }),
    smsBody: t.exposeString('smsBody', { description: "The text message's text." }),
    placeholders: t.stringList({ description: 'The placeholders this kind of message may use, without braces: `link` is the customer\'s report link and must appear in the bodies of REPORT and REMINDER.', resolve: (tpl) => [...placeholdersOf[tpl.kind]] }),
    isDefault: t.boolean({ description: 'True while the shop uses the built-in wording.', resolve: (tpl) => tpl.updatedAt === null }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When the shop last saved it; null for the built-in wording.' }),
  }),
});

MessageSettingsRef.implement({
  description: "When a shop's reminders and follow-ups go to customers. Messages go only by the channels each customer agreed to.",
  fields: (t) => ({
    reminderAfterHours: t.exposeInt('reminderAfterHours', { nullable: true, description: 'Hours after sending when a report the customer has not opened gets one reminder; null: no reminders.' }),
    followUpDays: t.exposeIntList('followUpDays', { description: 'Days after a customer declines recommendations when a follow-up goes out, one per day listed (30 and 90 by default); cancelled when the customer approves work at the shop meanwhile.' }),
  }),
});

builder.objectFields(ShopRef, (t) => ({
  messageTemplates: t.field({
    type: [MessageTemplateRef],
    visibleTo: ['staff'],
    description: "The wording of every kind of customer message, the shop's own or the built-in one. Staff only.",
    resolve: async (shop, _args, ctx) => {
      requireShopRole(ctx.principal, shop.id);
      const saved = await ctx.loaders.messageTemplatesByShop.load(shop.id);
      return messageKinds.map((kind) => templateOrDefault(shop.id, kind, saved.find((tpl) => tpl.kind === kind)));
    },
  }),
  messageSettings: t.field({
    type: MessageSettingsRef,
    visibleTo: ['staff'],
    description: 'When reminders and follow-ups go out. Staff only.',
    resolve: async (shop, _args, ctx) => {
      requireShopRole(ctx.principal, shop.id);
      return (await ctx.loaders.messageSettings.load(shop.id)) ?? defaultMessageSettings(shop.id);
    },
  }),
}));

const MessageTemplateInput = builder.inputType('MessageTemplateInput', {
  description: 'The wording of one kind of message. Placeholders are written {{name}}; only those the kind lists (`MessageTemplate.placeholders`) are accepted.',
  fields: (t) => ({
    emailSubject: t.string({ required: true, description: "The e-mail's subject line: one line, at most 200 characters." }),
    emailBody: t.string({ required: true, description: "The e-mail's text, at most 10,000 characters; must contain {{link}} for REPORT and REMINDER." }),
    smsBody: t.string({ required: true, description: "The text message's text, at most 640 characters before placeholders are filled in; must contain {{link}} for REPORT and REMINDER." }),
  }),
});

const MessageSettingsInput = builder.inputType('MessageSettingsInput', {
  description: 'When reminders and follow-ups go out.',
  fields: (t) => ({
    reminderAfterHours: t.int({ description: 'Hours (1–720) after sending when an unopened report gets a reminder; null or absent: no reminders.' }),
    followUpDays: t.intList({ required: true, description: 'Days (1–730, at most 5, no repeats) after a decline when follow-ups go out; empty: none.' }),
  }),
});

builder.mutationFields((t) => ({
  updateMessageTemplate: t.field({
    type: MessageTemplateRef,
    description: 'Saves the shop\'s wording of one kind of customer message; messages written from then on use it. Owners and managers. An unknown placeholder, an unmatched brace or a missing {{link}} answers BAD_USER_INPUT naming the field.',
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      kind: t.arg({ type: MessageKindEnum, required: true, description: 'Which message.' }),
      input: t.arg({ type: MessageTemplateInput, required: true, description: 'The wording.' }),
    },
    resolve: (_root, { shopId, kind, input }, ctx) => ctx.services.messaging.setup.saveTemplate(ctx.principal, shopId, kind, input),
  }),
  resetMessageTemplate: t.field({
    type: MessageTemplateRef,
    description: 'Goes back to the built-in wording of one kind of message. Owners and managers.',
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      kind: t.arg({ type: MessageKindEnum, required: true, description: 'Which message.' }),
    },
    resolve: (_root, { shopId, kind }, ctx) => ctx.services.messaging.setup.resetTemplate(ctx.principal, shopId, kind),
  }),
  updateMessageSettings: t.field({
    type: MessageSettingsRef,
    description: 'Changes when reminders and follow-ups go out, for reports sent and declines made from then on. Owners and managers.',
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      input: t.arg({ type: MessageSettingsInput, required: true, description: 'The settings.' }),
    },
    resolve: (_root, { shopId, input }, ctx) => ctx.services.messaging.setup.saveSettings(ctx.principal, shopId, { reminderAfterHours: input.reminderAfterHours ?? null, followUpDays: input.followUpDays }),
  }),
}));
