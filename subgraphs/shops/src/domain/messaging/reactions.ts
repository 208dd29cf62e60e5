import type { EntityManager } from 'typeorm';
import { buildEvent, enqueueEvents, isUuid, processOnce, type CatalogEvent, type SubgraphRuntime } from '@cip/platform';
import { CustomerReportRepository } from '../../data/customer-report';
import { FollowUpRepository } from '../../data/follow-up';
import { MessageSettingsRepository } from '../../data/message-settings';
import { ScheduledJobRepository, type ScheduledJob } from '../../data/scheduled-job';
import type { Outbound } from './outbound';

export const customerMessagesGroup = 'shops.customer-messages';
export const customerMessageEventTypes = ['inspection.link_issued', 'inspection.opened', 'inspection.closed', 'recommendation.declined', 'recommendation.approved'] as const;
type Reacted = CatalogEvent<(typeof customerMessageEventTypes)[number]>;

const dayMs = 86_400_000;
const followUpKey = (id: string) => `follow_up:${id}`;

/**
 * What the inspections subgraph's events mean for the customer's messages, each event applied once
 * (`processOnce`), and every message and job keyed so that even a re-published event queues nothing twice:
 * a sent report gets its messages and its reminder, an opening or closing cancels the reminder, a decline
 * schedules the shop's follow-ups, and a later approval cancels those not yet due and converts those sent.
 */
export class MessageReactions {
  private readonly reports = new CustomerReportRepository();
  private readonly followUps = new FollowUpRepository();
  private readonly jobs = new ScheduledJobRepository();

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly outbound: Outbound,
  ) {}

  async handle(event: Reacted): Promise<void> {
    if (!event.shopId || !isUuid(event.data.inspectionId)) return;
    await processOnce(this.runtime.db.dataSource, 'shops', customerMessagesGroup, event, (manager) => this.apply(manager, event));
  }

  private async apply(manager: EntityManager, event: Reacted): Promise<void> {
    const inspectionId = event.data.inspectionId;
    switch (event.type) {
      case 'inspection.link_issued': {
        const issuedAt = new Date(event.data.issuedAt);
        const report = { inspectionId, orgId: event.orgId, shopId: event.shopId!, customerId: event.data.customerId, sealedUrl: event.data.sealedUrl, expiresAt: new Date(event.data.expiresAt), sentAt: issuedAt };
        await this.reports.record(manager, report);
        if (event.data.renewal) return;
        await this.outbound.queue(manager, { ...report, openedAt: null, closedAt: null }, 'REPORT', issuedAt);
        const [settings] = await new MessageSettingsRepository(manager).findByShopIds([report.shopId], manager);
        if (settings.reminderAfterHours === null) return;
        await this.jobs.schedule(manager, [
          { kind: 'reminder', dedupeKey: `reminder:${inspectionId}`, payload: { inspectionId }, inspectionId, dueAt: new Date(issuedAt.getTime() + settings.reminderAfterHours * 3_600_000) },
        ]);
        return;
      }
      case 'inspection.opened':
        await this.reports.markOpened(manager, inspectionId, new Date(event.data.openedAt));
        await this.jobs.cancelFor(manager, 'reminder', inspectionId, new Date(event.data.openedAt));
        return;
      case 'inspection.closed':
        await this.reports.markClosed(manager, inspectionId, new Date(event.data.closedAt));
        await this.jobs.cancelFor(manager, 'reminder', inspectionId, new Date(event.data.closedAt));
        return;
      case 'recommendation.declined': {
        const report = await this.reports.find(manager, inspectionId);
        if (!report) return;
        const decidedAt = new Date(event.data.decidedAt);
        const [settings] = await new MessageSettingsRepository(manager).findByShopIds([report.shopId], manager);
        const scheduled = await this.followUps.schedule(
          manager,
          settings.followUpDays.map((afterDays) => ({ orgId: report.orgId, shopId: report.shopId, inspectionId, customerId: report.customerId, afterDays, dueAt: new Date(decidedAt.getTime() + afterDays * dayMs) })),
        );
        await this.jobs.schedule(manager, scheduled.map((f) => ({ kind: 'follow_up' as const, dedupeKey: followUpKey(f.id), payload: { followUpId: f.id }, inspectionId, dueAt: f.dueAt })));
        return;
      }
      case 'recommendation.approved': {
        const report = await this.reports.find(manager, inspectionId);
        if (!report) return;
        const decidedAt = new Date(event.data.decidedAt);
        const cancelled = await this.followUps.cancelPending(manager, report.shopId, report.customerId, inspectionId);
        await this.jobs.cancelByKeys(manager, cancelled.map(followUpKey), decidedAt);
        const converted = await this.followUps.convert(manager, report.shopId, report.customerId, inspectionId, decidedAt);
        await enqueueEvents(
          manager,
          'shops',
          converted.map((f) =>
            buildEvent('follow_up.converted', {
              orgId: f.orgId,
              shopId: f.shopId,
              subjectId: f.id,
              occurredAt: decidedAt,
              data: {
                followUpId: f.id,
                inspectionId: f.inspectionId,
                customerId: f.customerId,
                approvedInspectionId: inspectionId,
                recommendationId: event.data.recommendationId,
                approvedCents: event.data.totalCents,
                currency: event.data.currency,
                convertedAt: decidedAt.toISOString(),
              },
            }),
          ),
        );
        return;
      }
    }
  }

  /** A reminder due: sent unless the report was opened or closed meanwhile. */
  async remind(job: ScheduledJob, now: Date): Promise<void> {
    await this.runtime.db.dataSource.transaction(async (manager) => {
      const report = job.inspectionId ? await this.reports.find(manager, job.inspectionId) : null;
      if (!report || report.openedAt || report.closedAt) return this.jobs.finish(manager, job.id, 'CANCELLED', now);
      await this.outbound.queue(manager, report, 'REMINDER', now);
      await this.jobs.finish(manager, job.id, 'DONE', now);
    });
  }

  /** A follow-up due: written to the customer unless an approval cancelled it. */
  async followUp(job: ScheduledJob, now: Date): Promise<void> {
    await this.runtime.db.dataSource.transaction(async (manager) => {
      const followUp = job.payload.followUpId ? await this.followUps.findForUpdate(manager, job.payload.followUpId) : null;
      const report = followUp ? await this.reports.find(manager, followUp.inspectionId) : null;
      if (!followUp || !report || followUp.status !== 'PENDING') return this.jobs.finish(manager, job.id, 'CANCELLED', now);
      await this.outbound.queue(manager, report, 'FOLLOW_UP', now, followUp.id);
      await this.followUps.setStatus(manager, followUp.id, 'DUE');
      await this.jobs.finish(manager, job.id, 'DONE', now);
    });
  }
}
