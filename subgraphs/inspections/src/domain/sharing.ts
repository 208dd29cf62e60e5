import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { enqueueEvents, exposeExperiment, parseInput, sealer, sealPurposes, tokenSigner, unauthenticated, type Principal, type SubgraphRuntime } from '@cip/platform';
import type { Inspection } from '../data/inspection';
import type { Repositories } from '../data/repositories';
import { advisors, isUuid, lockInspection, staffOf } from './access';
import { actorOf, inspectionOpened, inspectionSent, linkIssued } from './events';
import { layoutOf, reportExperiment } from './report-layout';
import { hashShareToken, newShareToken } from './share';
import { assertStatus, assertTransition } from './status';

/** A customer's access token lives at most this long; a fresh one comes from the link while it is valid. */
const customerTokenTtlSeconds = 60 * 60;

const shareHours = z.number().int().min(1, 'must be at least 1 hour').max(720, 'must be at most 720 hours (30 days)');

export interface ShareLink {
  token: string;
  /** The customer's page, under the gateway's public origin; the token rides in the fragment, which browsers never send. */
  url: string;
  expiresAt: Date;
  inspection: Inspection;
}

/**
 * The customer's share link: a token shown once (only its hash is kept) and a grant id that every
 * customer token from it carries. Replacing the link or closing the inspection changes the grant, so
 * the tokens of the old link read nothing from then on.
 */
export class Sharing {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
  ) {}

  /**
   * Sends a COMPLETED inspection: SENT, `inspection.sent`, a new share link, and (while the report experiment
   * runs) the inspection's assignment to a report variant, recorded in the same transaction.
   */
  async send(principal: Principal | null, id: string, expiresInHours: unknown): Promise<ShareLink> {
    staffOf(principal, await this.inspection(id), id, advisors);
    const hours = parseInput(shareHours, expiresInHours);
    const share = newShareToken();
    const url = this.customerUrl(share.token);
    const sealedUrl = await sealer(this.runtime).seal(url, sealPurposes.customerLink);
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, id);
      assertTransition(locked.status, 'SENT');
      const recommendations = await this.repos.recommendations.listForInspection(manager, locked.id);
      const now = new Date();
      const expiresAt = new Date(now.getTime() + hours * 3_600_000);
      const layout = await exposeExperiment({ db: manager, outboxSchema: 'inspections', flags: this.runtime.flags }, reportExperiment, { unitId: locked.id, orgId: locked.orgId, shopId: locked.shopId });
      const sent = await this.repos.inspections.update(manager, locked.id, {
        status: 'SENT',
        sentAt: now,
        shareTokenHash: share.hash,
        shareGrant: randomUUID(),
        shareExpiresAt: expiresAt,
        reportLayout: layoutOf(layout.value),
      });
      await enqueueEvents(manager, 'inspections', [inspectionSent(sent, recommendations, actorOf(principal)), linkIssued(sent, sealedUrl, now, false)]);
      return { token: share.token, url, expiresAt, inspection: sent };
    });
  }

  /** Replaces the link of a SENT inspection; the old token and the customer tokens from it stop working. */
  async renew(principal: Principal | null, id: string, expiresInHours: unknown): Promise<ShareLink> {
    staffOf(principal, await this.inspection(id), id, advisors);
    const hours = parseInput(shareHours, expiresInHours);
    const share = newShareToken();
    const url = this.customerUrl(share.token);
    const sealedUrl = await sealer(this.runtime).seal(url, sealPurposes.customerLink);
    const link = await this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, id);
      assertStatus(locked.status, ['SENT'], 'renew the share link');
      const now = new Date();
      const expiresAt = new Date(now.getTime() + hours * 3_600_000);
      const renewed = await this.repos.inspections.update(manager, locked.id, { shareTokenHash: share.hash, shareGrant: randomUUID(), shareExpiresAt: expiresAt });
      await enqueueEvents(manager, 'inspections', [linkIssued(renewed, sealedUrl, now, true)]);
      return { link: { token: share.token, url, expiresAt, inspection: renewed }, ended: locked.shareGrant };
    });
    if (link.ended) await this.runtime.access.endGrant(link.ended);
    return link.link;
  }

  /** Exchanges the link's token for a customer access token to that one inspection; no login. The first opening emits `inspection.opened`. */
  async open(token: string): Promise<{ accessToken: string; expiresAt: Date; inspection: Inspection }> {
    const inspection = token.length <= 100 ? await this.repos.inspections.findByShareTokenHash(hashShareToken(token)) : null;
    const remainingSeconds = inspection?.shareExpiresAt ? Math.floor((inspection.shareExpiresAt.getTime() - Date.now()) / 1000) : 0;
    if (!inspection?.shareGrant || inspection.status === 'CLOSED' || remainingSeconds < 1) {
      throw unauthenticated('This inspection link is not valid or has expired. Ask the shop for a new one.');
    }
    const { token: accessToken, expiresAt } = await tokenSigner(this.runtime).sign(
      {
        kind: 'customer',
        inspectionId: inspection.id,
        orgId: inspection.orgId,
        shopId: inspection.shopId,
        customerId: inspection.customerId,
        vehicleId: inspection.vehicleId,
        grant: inspection.shareGrant,
      },
      Math.min(customerTokenTtlSeconds, remainingSeconds),
    );
    await this.dataSource.transaction(async (manager) => {
      const openedAt = new Date();
      if (await this.repos.shareOpenings.recordFirst(manager, inspection.id, openedAt)) await enqueueEvents(manager, 'inspections', [inspectionOpened(inspection, openedAt)]);
    });
    return { accessToken, expiresAt, inspection };
  }

  private customerUrl(token: string): string {
    return `${this.runtime.config.publicUrl}/approve/#${token}`;
  }

  private async inspection(id: string): Promise<Inspection | null> {
    if (!isUuid(id)) return null;
    const [inspection] = await this.repos.inspections.findByIds([id]);
    return inspection;
  }
}
