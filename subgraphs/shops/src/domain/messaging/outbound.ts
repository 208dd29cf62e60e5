import type { DataSource, EntityManager } from 'typeorm';
import { buildEvent, enqueueEvents, sealer, sealPurposes, type CatalogEvent, type Logger, type SubgraphRuntime } from '@cip/platform';
import { CustomerRepository, type Customer } from '../../data/customer';
import type { CustomerReport } from '../../data/customer-report';
import { CustomerReportRepository } from '../../data/customer-report';
import { CustomerMessageRepository, type CustomerMessage } from '../../data/customer-message';
import { FollowUpRepository } from '../../data/follow-up';
import { messageChannels, MessageTemplateRepository, type MessageChannel, type MessageKind } from '../../data/message-template';
import { ScheduledJobRepository, type ScheduledJob } from '../../data/scheduled-job';
import { ShopRepository } from '../../data/shop';
import { render, templateOrDefault } from './templates';
import { DeliveryError, type Transports } from './transports';

/**
 * Where a channel reaches the customer, or why it does not. The inspections subgraph does not check the
 * customer ids it is given, so a customer of another shop is treated as unknown: no shop can write to another's customers.
 */
function contactOf(customer: Customer | null, shopId: string, channel: MessageChannel): { recipient: string } | { reason: string } {
  if (!customer || customer.shopId !== shopId) return { reason: 'The customer is not a customer of this shop.' };
  if (channel === 'EMAIL') {
    if (!customer.emailConsent) return { reason: 'The customer has not agreed to e-mail.' };
    return customer.email ? { recipient: customer.email } : { reason: 'The customer has no e-mail address.' };
  }
  if (!customer.smsConsent) return { reason: 'The customer has not agreed to text messages.' };
  return customer.phone ? { recipient: customer.phone } : { reason: 'The customer has no phone number.' };
}

const messageEvent = (m: CustomerMessage) => ({ messageId: m.id, kind: m.kind, channel: m.channel, customerId: m.customerId, inspectionId: m.inspectionId, attempts: m.attempts });
const about = (m: { orgId: string; shopId: string; id: string }, at: Date) => ({ orgId: m.orgId, shopId: m.shopId, subjectId: m.id, occurredAt: at });

interface Prepared {
  message: CustomerMessage;
  recipient: string;
  subject: string;
  text: string;
}

/**
 * Writes and sends customer messages: one per channel, queued only on the channels the customer agreed
 * to (the others recorded as not sent, with the reason), then delivered by `deliver` jobs with bounded,
 * growing retries. The link is opened from its sealed form only to write the message.
 */
export class Outbound {
  private readonly jobs = new ScheduledJobRepository();
  private readonly reports = new CustomerReportRepository();
  private readonly followUps = new FollowUpRepository();

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly transports: Transports,
    private readonly logger: Logger = runtime.logger,
  ) {}

  private get dataSource(): DataSource {
    return this.runtime.db.dataSource;
  }

  /** Queues a message of `kind` about the report by each channel, at `at`; a repeated call queues nothing new. */
  async queue(manager: EntityManager, report: CustomerReport, kind: MessageKind, at: Date, followUpId: string | null = null): Promise<void> {
    const [customer] = await new CustomerRepository(manager).findByIds([report.customerId]);
    const messages = new CustomerMessageRepository(manager);
    const queued = await messages.insert(
      manager,
      messageChannels.map((channel) => {
        const contact = contactOf(customer, report.shopId, channel);
        return {
          orgId: report.orgId,
          shopId: report.shopId,
          inspectionId: report.inspectionId,
          customerId: report.customerId,
          followUpId,
          kind,
          channel,
          recipient: 'recipient' in contact ? contact.recipient : null,
          status: 'recipient' in contact ? 'QUEUED' : 'NOT_SENT',
          failureReason: 'reason' in contact ? contact.reason : null,
          queuedAt: at,
          dedupeKey: `${kind}:${report.inspectionId}:${followUpId ?? '-'}:${channel}`,
        };
      }),
    );
    await this.jobs.schedule(
      manager,
      queued.filter((m) => m.status === 'QUEUED').map((m) => ({ kind: 'deliver' as const, dedupeKey: `deliver:${m.id}`, payload: { messageId: m.id }, inspectionId: m.inspectionId, dueAt: at })),
    );
  }

  /** One attempt at a queued message; the send happens outside any transaction, its outcome is recorded after. */
  async deliver(job: ScheduledJob, now: Date): Promise<void> {
    const prepared = await this.dataSource.transaction((manager) => this.prepare(manager, job, now));
    if (!prepared) return;
    const { message } = prepared;
    const transport = this.transports[message.channel];
    let outcome: { providerId: string } | DeliveryError;
    try {
      if (typeof transport === 'string') throw new DeliveryError(transport, true);
      outcome = await transport.send({ to: prepared.recipient, subject: prepared.subject, text: prepared.text });
    } catch (error) {
      outcome = error instanceof DeliveryError ? error : new DeliveryError(`Sending failed: ${(error as Error).message}`, false);
    }
    await this.dataSource.transaction((manager) => this.record(manager, job, message, outcome, now));
  }

  private async prepare(manager: EntityManager, job: ScheduledJob, now: Date): Promise<Prepared | null> {
    const messages = new CustomerMessageRepository(manager);
    const message = job.payload.messageId ? await messages.findForUpdate(manager, job.payload.messageId) : null;
    if (!message || message.status !== 'QUEUED') {
      await this.jobs.finish(manager, job.id, 'DONE', now);
      return null;
    }
    const notSent = async (reason: string) => {
      await messages.update(manager, message.id, { status: 'NOT_SENT', failureReason: reason, nextAttemptAt: null });
      await this.jobs.finish(manager, job.id, 'DONE', now);
      this.logger.info('customer message not sent', { messageId: message.id, kind: message.kind, channel: message.channel, reason });
      return null;
    };
    const [customer] = await new CustomerRepository(manager).findByIds([message.customerId]);
    const contact = contactOf(customer, message.shopId, message.channel);
    if ('reason' in contact) return notSent(contact.reason);
    const transport = this.transports[message.channel];
    if (typeof transport === 'string') return notSent(transport);
    const [shop] = await new ShopRepository(manager).findByIds([message.shopId]);
    const template = templateOrDefault(message.shopId, message.kind, await new MessageTemplateRepository(manager).find(manager, message.shopId, message.kind));
    const values: Record<string, string> = { customerFirstName: customer!.firstName, customerLastName: customer!.lastName, shopName: shop?.name ?? '' };
    if (message.kind !== 'FOLLOW_UP') {
      const report = await this.reports.find(manager, message.inspectionId);
      if (!report) return notSent('The report this message links to is unknown.');
      if (report.expiresAt <= now) return notSent("The customer's link had expired.");
      try {
        values.link = await sealer(this.runtime).open(report.sealedUrl, sealPurposes.customerLink);
      } catch {
        return notSent("The customer's link could not be read (it was sealed with another signing key).");
      }
    }
    const text = render(message.channel === 'EMAIL' ? template.emailBody : template.smsBody, values);
    return { message, recipient: contact.recipient, subject: render(template.emailSubject, values), text };
  }

  private async record(manager: EntityManager, job: ScheduledJob, message: CustomerMessage, outcome: { providerId: string } | DeliveryError, now: Date): Promise<void> {
    const messages = new CustomerMessageRepository(manager);
    const attempts = message.attempts + 1;
    const events: CatalogEvent[] = [];
    if (!(outcome instanceof DeliveryError)) {
      const sent = await messages.update(manager, message.id, { status: 'SENT', attempts, providerId: outcome.providerId, lastAttemptAt: now, nextAttemptAt: null, sentAt: now, failureReason: null });
      await this.jobs.finish(manager, job.id, 'DONE', now);
      events.push(buildEvent('customer_message.sent', { ...about(sent, now), data: { ...messageEvent(sent), sentAt: now.toISOString() } }));
      const followUp = sent.followUpId ? await this.followUps.markSent(manager, sent.followUpId, now) : null;
      if (followUp) {
        events.push(
          buildEvent('follow_up.sent', {
            ...about(followUp, now),
            data: { followUpId: followUp.id, inspectionId: followUp.inspectionId, customerId: followUp.customerId, afterDays: followUp.afterDays, sentAt: now.toISOString() },
          }),
        );
      }
    } else if (outcome.permanent || attempts >= this.runtime.config.messaging.maxAttempts) {
      const failed = await messages.update(manager, message.id, { status: 'FAILED', attempts, lastAttemptAt: now, nextAttemptAt: null, failedAt: now, failureReason: outcome.message });
      await this.jobs.finish(manager, job.id, 'DONE', now, outcome.message);
      events.push(buildEvent('customer_message.failed', { ...about(failed, now), data: { ...messageEvent(failed), failedAt: now.toISOString(), reason: outcome.message } }));
      this.logger.warn('customer message failed', { messageId: message.id, channel: message.channel, attempts, reason: outcome.message });
    } else {
      const retryAt = new Date(now.getTime() + this.runtime.config.messaging.retryBaseSeconds * 1000 * 2 ** (attempts - 1));
      await messages.update(manager, message.id, { attempts, lastAttemptAt: now, nextAttemptAt: retryAt, failureReason: outcome.message });
      await this.jobs.reschedule(manager, job.id, retryAt, outcome.message);
    }
    await enqueueEvents(manager, 'shops', events);
  }
}
