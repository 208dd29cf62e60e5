import { processOnce, type CatalogEvent, type SubgraphRuntime } from '@cip/platform';
import { OrganizationRepository } from '../data/organization';
import { ScheduledJobRepository, type ScheduledJob } from '../data/scheduled-job';
import { StaffMessageRepository } from '../data/staff-message';
import { UserRepository } from '../data/user';
import { staffMessages } from './messages';
import { DeliveryError, type Transports } from './messaging/transports';

export const securityAlertsGroup = 'shops.security-alerts';
export const securityAlertEventTypes = ['security.alert_raised'] as const;

/**
 * E-mails every owner of the organization about each alert (`security.alert_raised`), through the same SMTP
 * transport and durable job table as customer messages. The event is applied once (`processOnce`), so a
 * redelivered alert writes no second message; each message is then sent by a `staff_message` job with
 * bounded, growing retries.
 */
export class SecurityAlertMail {
  private readonly jobs = new ScheduledJobRepository();
  private readonly texts;

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly transports: Transports,
  ) {
    this.texts = staffMessages(runtime.config.publicUrl);
  }

  async handle(event: CatalogEvent<'security.alert_raised'>): Promise<void> {
    await processOnce(this.runtime.db.dataSource, 'shops', securityAlertsGroup, event, async (manager) => {
      const [organization] = await new OrganizationRepository(manager).findByIds([event.orgId]);
      if (!organization) return;
      const messages = new StaffMessageRepository(manager);
      const dueAt = new Date(event.occurredAt);
      for (const owner of await new UserRepository(manager).ownersOf(event.orgId)) {
        const staffMessageId = await messages.record(manager, this.texts.securityAlert(owner.email, organization.name, event));
        await this.jobs.schedule(manager, [{ kind: 'staff_message', dedupeKey: `staff_message:${staffMessageId}`, payload: { staffMessageId }, inspectionId: null, dueAt }]);
      }
    });
  }

  /** One attempt at an alert e-mail; the send happens outside any transaction, its outcome is recorded after. */
  async deliver(job: ScheduledJob, now: Date): Promise<void> {
    const dataSource = this.runtime.db.dataSource;
    const transport = this.transports.EMAIL;
    const message = await dataSource.transaction(async (manager) => {
      const found = job.payload.staffMessageId ? await new StaffMessageRepository(manager).findForUpdate(manager, job.payload.staffMessageId) : null;
      if (found && !found.sentAt && typeof transport !== 'string') return found;
      if (found && typeof transport === 'string') await new StaffMessageRepository(manager).update(manager, found.id, { lastError: transport });
      await this.jobs.finish(manager, job.id, 'DONE', now, typeof transport === 'string' ? transport : null);
      return null;
    });
    if (!message || typeof transport === 'string') return;
    let failure: DeliveryError | null = null;
    try {
      await transport.send({ to: message.recipient, subject: message.subject, text: message.body });
    } catch (error) {
      failure = error instanceof DeliveryError ? error : new DeliveryError(`Sending failed: ${(error as Error).message}`, false);
    }
    const attempts = message.attempts + 1;
    const { maxAttempts, retryBaseSeconds } = this.runtime.config.messaging;
    await dataSource.transaction(async (manager) => {
      const messages = new StaffMessageRepository(manager);
      if (!failure) {
        await messages.update(manager, message.id, { sentAt: now, attempts, lastError: null });
        return this.jobs.finish(manager, job.id, 'DONE', now);
      }
      await messages.update(manager, message.id, { attempts, lastError: failure.message });
      this.runtime.logger.warn('security alert e-mail not sent', { staffMessageId: message.id, attempts, reason: failure.message });
      if (failure.permanent || attempts >= maxAttempts) return this.jobs.finish(manager, job.id, 'FAILED', now, failure.message);
      return this.jobs.reschedule(manager, job.id, new Date(now.getTime() + retryBaseSeconds * 1000 * 2 ** (attempts - 1)), failure.message);
    });
  }
}
