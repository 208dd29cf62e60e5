import { CustomerMessageRef, InspectionRef, MessageChannelEnum, MessageKindEnum, MessageStatusEnum } from './refs';

CustomerMessageRef.implement({
  description: 'One message to the customer about an inspection, by one channel, and how its delivery went.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the message.' }),
    kind: t.expose('kind', { type: MessageKindEnum, description: 'Why it was written: the report, a reminder or a follow-up.' }),
    channel: t.expose('channel', { type: MessageChannelEnum, description: 'E-mail or text message.' }),
    recipient: t.exposeString('recipient', { nullable: true, description: 'The address or phone number it went to; null when the customer had none for the channel.' }),
    status: t.expose('status', { type: MessageStatusEnum, description: 'Where it stands.' }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: 'Why it is not sent, failed, or why its last attempt failed while it waits for another; null otherwise.' }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made to send it.' }),
    providerMessageId: t.exposeString('providerId', { nullable: true, description: "The e-mail server's Message-ID or the SMS provider's message sid, once accepted." }),
    queuedAt: t.expose('queuedAt', { type: 'DateTime', description: 'When it was written.' }),
    lastAttemptAt: t.expose('lastAttemptAt', { type: 'DateTime', nullable: true, description: 'When it was last attempted.' }),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', nullable: true, description: 'When it is tried again after a failed attempt; null when no attempt is pending.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'When the e-mail server or SMS provider accepted it.' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true, description: 'When the SMS provider reported it delivered (e-mail reports no delivery).' }),
    failedAt: t.expose('failedAt', { type: 'DateTime', nullable: true, description: 'When it was given up.' }),
  }),
});

InspectionRef.implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the inspection.' }),
    deliveries: t.field({
      type: [CustomerMessageRef],
      visibleTo: ['staff'],
      description: "Every message to the customer about this inspection (report, reminder, follow-ups; one per channel), oldest first, with its delivery status. Staff of the inspection's shop only; empty for anyone else.",
      resolve: async (inspection, _args, ctx) => {
        const messages = await ctx.loaders.messagesByInspection.load(inspection.id);
        const principal = ctx.principal;
        return principal?.kind === 'staff' ? messages.filter((m) => principal.roles[m.shopId] !== undefined) : [];
      },
    }),
  }),
});
