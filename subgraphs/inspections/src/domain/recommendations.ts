import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { appError, badInput, enqueueEvents, ErrorCode, forbidden, notFound, parseInput, requireShopRole, type AccessRegistry, type CatalogEvent, type Principal } from '@cip/platform';
import type { Inspection } from '../data/inspection';
import { urgencies, type Recommendation } from '../data/recommendation';
import type { Repositories } from '../data/repositories';
import { advisors, canReadInspection, isUuid, lockInspection, staffOf } from './access';
import { actorOf, inspectionClosed, recommendationDecided, recommendationRefunded } from './events';
import { linkEnded } from './inspections';
import type { Caller, ReferenceChecks } from './references';
import { priceLabor } from './pricing';
import { assertStatus } from './status';

const maxCents = 10_000_000;
const cents = z.number().int().min(0, 'must not be negative').max(maxCents, `must be at most ${maxCents}`);
const recommendationSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(4000).optional(),
  urgency: z.enum(urgencies).optional(),
  itemKey: z.string().min(1).max(100).optional(),
  laborHours: z.number().min(0, 'must not be negative').max(100).optional(),
  partsCents: cents.optional(),
  laborCents: cents.optional(),
  quantity: z.number().int().min(1, 'must be at least 1').max(100).optional(),
  partnerProductId: z.string().min(1).max(100).nullable().optional(),
});
const priceLinesSchema = z.object({
  lines: z
    .array(recommendationSchema.pick({ laborHours: true, laborCents: true, partsCents: true, quantity: true }).extend({ id: z.string().uuid('must be a recommendation id') }))
    .min(1, 'must price at least one recommendation')
    .max(100, 'must price at most 100 recommendations')
    .refine((lines) => new Set(lines.map((l) => l.id)).size === lines.length, 'must name each recommendation once'),
});
const withoutNulls = (input: object) =>
  Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== undefined && (value !== null || key === 'partnerProductId')));

const editable = ['IN_PROGRESS', 'COMPLETED'] as const;

/** A decision as the mutation answers it: the recommendation and its inspection as the decision left them. */
export type DecidedRecommendation = Recommendation & { inspectionAfter: Inspection };

/** The advisor's pricing and the customer's decisions. */
export class RecommendationDesk {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
    private readonly access: AccessRegistry,
    private readonly references: ReferenceChecks,
  ) {}

  async add({ principal, authorization }: Caller, inspectionId: string, input: object): Promise<Recommendation> {
    const inspection = await this.inspection(inspectionId);
    staffOf(principal, inspection, inspectionId, advisors);
    const values = parseInput(recommendationSchema.required({ title: true }), withoutNulls(input));
    await this.references.assertAtShop(authorization, inspection!.shopId, values);
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, inspectionId);
      assertStatus(locked.status, editable, 'add recommendations');
      if (values.itemKey && !(await this.repos.items.listForInspection(manager, locked.id)).some((i) => i.itemKey === values.itemKey)) {
        throw badInput(`Item "${values.itemKey}" is not in this inspection's template.`, { field: 'input.itemKey' });
      }
      const existing = await this.repos.recommendations.listForInspection(manager, locked.id);
      const labor = priceLabor(values, await this.repos.shopRates.find(locked.shopId, manager), locked.currency);
      const [created] = await this.repos.recommendations.createMany(manager, [
        {
          inspectionId: locked.id,
          orgId: locked.orgId,
          shopId: locked.shopId,
          itemKey: values.itemKey ?? null,
          position: existing.reduce((max, r) => Math.max(max, r.position + 1), 0),
          title: values.title,
          description: values.description ?? '',
          urgency: values.urgency ?? 'SOON',
          laborHours: values.laborHours ?? 0,
          partsCents: values.partsCents ?? 0,
          laborCents: labor.laborCents ?? 0,
          laborRateCents: labor.laborRateCents ?? null,
          quantity: values.quantity ?? 1,
          partnerProductId: values.partnerProductId ?? null,
        },
      ]);
      return created;
    });
  }

  async update({ principal, authorization }: Caller, id: string, input: object): Promise<Recommendation> {
    const recommendation = await this.forAdvisor(principal, id);
    const { itemKey: _itemKey, ...changes } = parseInput(recommendationSchema, withoutNulls(input));
    await this.references.assertAtShop(authorization, recommendation.shopId, changes);
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, recommendation.inspectionId);
      assertStatus(locked.status, editable, 'edit recommendations');
      const labor = priceLabor(changes, await this.repos.shopRates.find(locked.shopId, manager), locked.currency);
      return this.repos.recommendations.update(manager, recommendation.id, { ...changes, ...labor });
    });
  }

  /** Prices several recommendations of one inspection, all or nothing. */
  async price(principal: Principal | null, inspectionId: string, lines: readonly object[]): Promise<Inspection> {
    staffOf(principal, await this.inspection(inspectionId), inspectionId, advisors);
    const parsed = parseInput(priceLinesSchema, { lines: lines.map(withoutNulls) }).lines;
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, inspectionId);
      assertStatus(locked.status, editable, 'price recommendations');
      const current = new Set((await this.repos.recommendations.listForInspection(manager, locked.id)).map((r) => r.id));
      const rate = await this.repos.shopRates.find(locked.shopId, manager);
      const updates = parsed.map(({ id, ...changes }, index) => {
        if (!current.has(id)) throw badInput(`Recommendation "${id}" is not on this inspection.`, { field: `lines.${index}.id` });
        return { id, changes: { ...changes, ...priceLabor(changes, rate, locked.currency, `lines.${index}`) } };
      });
      for (const { id, changes } of updates) await this.repos.recommendations.update(manager, id, changes);
      return locked;
    });
  }

  /** Removes a recommendation before sending; returns its inspection. */
  async remove(principal: Principal | null, id: string): Promise<Inspection> {
    const recommendation = await this.forAdvisor(principal, id);
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, recommendation.inspectionId);
      assertStatus(locked.status, editable, 'remove recommendations');
      await this.repos.recommendations.remove(manager, recommendation.id);
      return locked;
    });
  }

  /** The customer's (or staff's, for them) decision, once; the last one closes the inspection and ends its link. */
  async decide(principal: Principal | null, id: string, decision: 'APPROVED' | 'DECLINED'): Promise<DecidedRecommendation> {
    const recommendation = await this.readable(principal, id);
    if (principal?.kind === 'staff') requireShopRole(principal, recommendation.shopId, advisors);
    else if (principal?.kind !== 'customer') throw forbidden('Only the customer or the shop may decide on a recommendation.');
    const decided = await this.dataSource.transaction(async (manager) => {
      const inspection = await lockInspection(this.repos.inspections, manager, recommendation.inspectionId);
      const current = (await this.repos.recommendations.findForUpdate(manager, recommendation.id))!;
      if (current.decision) {
        throw appError(ErrorCode.CONFLICT, `This recommendation was already ${current.decision.toLowerCase()}.`, { decision: current.decision });
      }
      assertStatus(inspection.status, ['SENT'], 'decide on recommendations');
      const decided = await this.repos.recommendations.update(manager, current.id, {
        decision,
        decidedAt: new Date(),
        decidedBy: principal.kind === 'customer' ? 'CUSTOMER' : 'STAFF',
      });
      const all = await this.repos.recommendations.listForInspection(manager, inspection.id);
      const closes = all.every((r) => r.decision);
      const events: CatalogEvent[] = [recommendationDecided(inspection, decided, actorOf(principal), closes)];
      let after = inspection;
      if (closes) {
        after = await this.repos.inspections.update(manager, inspection.id, { status: 'CLOSED', closedAt: new Date(), ...linkEnded });
        events.push(inspectionClosed(after, all, actorOf(principal)));
      }
      await enqueueEvents(manager, 'inspections', events);
      return { ...decided, inspectionAfter: after, endedGrant: closes ? inspection.shareGrant : null };
    });
    const { endedGrant, ...answer } = decided;
    if (endedGrant) await this.access.endGrant(endedGrant);
    return answer;
  }

  /** The customer opened the education content; counts once, and only before the decision. */
  async recordEducationView(principal: Principal | null, id: string): Promise<Recommendation> {
    const recommendation = await this.readable(principal, id);
    if (principal?.kind !== 'customer') throw forbidden('Only the customer records education views.');
    return this.dataSource.transaction(async (manager) => {
      const current = (await this.repos.recommendations.findForUpdate(manager, recommendation.id))!;
      if (current.educationViewedAt || current.decision) return current;
      return this.repos.recommendations.update(manager, current.id, { educationViewedAt: new Date() });
    });
  }

  async refund(principal: Principal | null, id: string, reason: unknown): Promise<Recommendation> {
    const recommendation = await this.forAdvisor(principal, id);
    const why = parseInput(z.string().trim().min(1).max(500), reason);
    return this.dataSource.transaction(async (manager) => {
      const inspection = await lockInspection(this.repos.inspections, manager, recommendation.inspectionId);
      const current = (await this.repos.recommendations.findForUpdate(manager, recommendation.id))!;
      if (current.decision !== 'APPROVED') throw appError(ErrorCode.CONFLICT, 'Only an approved recommendation can be refunded.');
      if (current.refundedAt) throw appError(ErrorCode.CONFLICT, 'This recommendation was already refunded.');
      const refunded = await this.repos.recommendations.update(manager, current.id, { refundedAt: new Date(), refundReason: why });
      await enqueueEvents(manager, 'inspections', [recommendationRefunded(inspection, refunded, actorOf(principal))]);
      return refunded;
    });
  }

  private async inspection(id: string): Promise<Inspection | null> {
    if (!isUuid(id)) return null;
    const [inspection] = await this.repos.inspections.findByIds([id]);
    return inspection;
  }

  /** The recommendation when the caller may read its inspection, else NOT_FOUND. */
  private async readable(principal: Principal | null, id: string): Promise<Recommendation> {
    const [recommendation] = isUuid(id) ? await this.repos.recommendations.findByIds([id]) : [null];
    const inspection = recommendation ? await this.inspection(recommendation.inspectionId) : null;
    if (!recommendation || !inspection || !canReadInspection(principal, inspection)) throw notFound('Recommendation', id);
    return recommendation;
  }

  private async forAdvisor(principal: Principal | null, id: string): Promise<Recommendation> {
    const recommendation = await this.readable(principal, id);
    if (principal?.kind !== 'staff') throw notFound('Recommendation', id);
    requireShopRole(principal, recommendation.shopId, advisors);
    return recommendation;
  }
}
