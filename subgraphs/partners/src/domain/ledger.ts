import type { DataSource, EntityManager } from 'typeorm';
import { claimUnprocessed, processOnce, type CatalogEvent, type Logger } from '@cip/platform';
import type { OfferKey } from '../data/offer';
import type { PartnerProduct } from '../data/product';
import type { Program } from '../data/program';
import type { CommissionRule } from '../data/rule';
import type { SaleFacts } from '../data/ledger';
import type { Repositories } from '../data/repositories';
import { commissionFor } from './commission';
import { commissionEvent } from './events';
import { monthStart } from './money';

export const ledgerConsumer = 'commission-ledger';
export const consumedEventTypes = ['inspection.sent', 'recommendation.approved', 'recommendation.declined', 'recommendation.refunded'] as const;
export type LedgerEvent = CatalogEvent<(typeof consumedEventTypes)[number]>;
type SaleEvent = CatalogEvent<'recommendation.approved' | 'recommendation.declined' | 'recommendation.refunded'>;

const defaultMultiplier = 10_000;

/** An approval of a batch applied set-based, with what it needs read ahead. */
interface IndependentSale {
  event: CatalogEvent<'recommendation.approved'>;
  product: PartnerProduct;
  program: Program;
  key: OfferKey;
  decidedAt: Date;
  facts: SaleFacts;
  rule: CommissionRule | null;
}

/**
 * Turns inspections events into ledger entries. Each event is applied at most once (processOnce), and
 * the ledger's unique (source_event_id, kind) makes a second entry for one event impossible even so.
 * Events may arrive in any order: the offer projection keeps the latest decision by `decidedAt`, and an
 * approval only accrues while it is that latest decision and the sale was not refunded.
 */
export class CommissionLedger {
  /** Products, programs, tier levels and rule versions are never edited once created, so they are safe to keep. */
  private readonly products = new Map<string, PartnerProduct>();
  private readonly programs = new Map<string, Program>();
  private readonly bronzeMultipliers = new Map<string, number>();
  private readonly rules = new Map<string, CommissionRule>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
    private readonly logger?: Logger,
  ) {}

  /** Applies one event; false when it was seen before (or is not one the ledger reads). */
  async handle(event: LedgerEvent): Promise<boolean> {
    return processOnce(this.dataSource, 'partners', ledgerConsumer, event, (manager) => this.apply(manager, event));
  }

  /**
   * Applies a batch in one transaction, each event exactly once (a crash before the commit leaves every
   * one of them to be applied again), with the effects of applying them one by one in order. Approvals of
   * distinct recommendations under rules without caps (the common batch) are applied set-based, a few
   * statements whatever the batch size; any other batch event by event in the same transaction.
   * Returns how many of the events were new.
   */
  async handleBatch(events: LedgerEvent[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const sales = await this.independentApprovals(events);
      const locks = sales ? [...new Set(sales.map(({ key }) => `${key.programId}:${key.shopId}`))].sort() : [];
      const fresh = await claimUnprocessed(manager, 'partners', ledgerConsumer, events, locks);
      const freshIds = new Set(fresh.map((event) => event.id));
      const planned = sales && (await this.withFacts(manager, sales.filter(({ event }) => freshIds.has(event.id))));
      if (planned) await this.accrueAll(manager, planned);
      else for (const event of fresh) await this.apply(manager, event);
      return fresh.length;
    });
  }

  /**
   * The batch's sales when it holds only approvals that cannot affect each other's commission: distinct
   * recommendations, the program's currency. Null otherwise. Their shop-and-program locks are taken in
   * one order (so concurrent batches cannot deadlock) as the events are claimed, before anything is read.
   */
  private async independentApprovals(events: LedgerEvent[]): Promise<Omit<IndependentSale, 'facts' | 'rule'>[] | null> {
    if (events.some((event) => event.type !== 'recommendation.approved')) return null;
    const approvals = [...new Map((events as CatalogEvent<'recommendation.approved'>[]).map((event) => [event.id, event])).values()];
    if (new Set(approvals.map((event) => event.data.recommendationId)).size !== approvals.length) return null;
    const sales: Omit<IndependentSale, 'facts' | 'rule'>[] = [];
    for (const event of approvals) {
      if (!event.data.partnerProductId || !event.shopId) continue;
      const product = await this.product(event.data.partnerProductId);
      const program = product && (await this.program(product.programId));
      if (!product || !program) continue;
      if (event.data.currency !== program.currency) return null;
      sales.push({ event, product, program, key: offerKey(event, event.data.inspectionId, event.data.recommendationId, product, program), decidedAt: new Date(event.data.decidedAt) });
    }
    return sales;
  }

  /** The sales with the facts and rule in force for each; null when a rule has caps (then sales depend on each other). */
  private async withFacts(manager: EntityManager, sales: Omit<IndependentSale, 'facts' | 'rule'>[]): Promise<IndependentSale[] | null> {
    if (sales.length === 0) return [];
    const facts = await this.repos.ledger.saleFactsMany(
      manager,
      sales.map(({ key, decidedAt }) => ({ programId: key.programId, shopId: key.shopId, recommendationId: key.recommendationId, at: decidedAt })),
    );
    const planned: IndependentSale[] = [];
    for (const [i, sale] of sales.entries()) {
      const rule = facts[i].ruleId ? await this.rule(sale.program.id, facts[i].ruleId!, sale.decidedAt) : null;
      if (rule && (rule.orderCapCents !== null || rule.monthlyCapCents !== null)) return null;
      planned.push({ ...sale, facts: facts[i], rule });
    }
    return planned;
  }

  /** What `approved` does for each sale, set-based: offers, periods, entries and their events in one statement each. */
  private async accrueAll(manager: EntityManager, sales: IndependentSale[]): Promise<void> {
    if (sales.length === 0) return;
    const states = await this.repos.offers.decidedMany(
      manager,
      sales.map(({ key, event, decidedAt }) => ({
        key,
        decision: { decision: 'APPROVED' as const, decidedAt, totalCents: event.data.totalCents, quantity: event.data.quantity, educationViewed: event.data.educationViewed },
      })),
    );
    const accruing = [];
    for (const [i, sale] of sales.entries()) {
      const offer = states[i];
      const stillApproved = offer.decision === 'APPROVED' && offer.decidedAt?.getTime() === sale.decidedAt.getTime() && !offer.refundedAt;
      if (!stillApproved || sale.facts.commissionHeld || !sale.facts.enrolled) continue;
      const { tier, multiplier } = sale.facts.tier
        ? { tier: sale.facts.tier.tier, multiplier: sale.facts.tier.multiplierBasisPoints }
        : { tier: 'BRONZE' as const, multiplier: await this.bronzeMultiplier(sale.program.id) };
      const commissionCents = sale.rule ? commissionFor(sale.rule, { totalCents: sale.event.data.totalCents, quantity: sale.event.data.quantity }, multiplier, { order: 0, month: 0 }).cents : 0;
      const saleMonth = monthStart(sale.decidedAt);
      accruing.push({
        key: statementKey(sale.key),
        month: saleMonth,
        entry: {
          ...entryBase(sale.key),
          kind: 'ACCRUAL' as const,
          commissionCents,
          incentiveCents: sale.event.data.educationViewed && sale.product.educationTopic ? sale.program.educationIncentiveCents : 0,
          saleMonth,
          occurredAt: sale.decidedAt,
          ruleId: sale.rule?.id ?? null,
          tier,
          multiplierBasisPoints: multiplier,
          sourceEventId: sale.event.id,
          sourceEventType: sale.event.type,
        },
      });
    }
    if (accruing.length === 0) return;
    const periods = await this.repos.ledger.openPeriodsFrom(manager, accruing);
    await this.repos.ledger.appendMany(manager, accruing.map(({ entry }, i) => ({ period: periods[i], entry })), commissionEvent);
  }

  private async apply(manager: EntityManager, event: LedgerEvent): Promise<void> {
    switch (event.type) {
      case 'inspection.sent':
        return this.presented(manager, event);
      case 'recommendation.approved':
        return this.approved(manager, event);
      case 'recommendation.declined':
        return this.declined(manager, event);
      case 'recommendation.refunded':
        return this.refunded(manager, event);
    }
  }

  private async presented(manager: EntityManager, event: CatalogEvent<'inspection.sent'>) {
    const offered = event.data.recommendations.filter((r) => r.partnerProductId);
    if (offered.length === 0 || !event.shopId) return;
    for (const recommendation of offered) {
      const product = await this.product(recommendation.partnerProductId!);
      const program = product && (await this.program(product.programId));
      if (!product || !program) continue;
      const key = offerKey(event, event.data.inspectionId, recommendation.recommendationId, product, program);
      await this.repos.offers.presented(manager, key, new Date(event.data.sentAt), recommendation.totalCents, recommendation.quantity);
    }
  }

  private async approved(manager: EntityManager, event: CatalogEvent<'recommendation.approved'>) {
    const context = await this.saleContext(manager, event, event.data.partnerProductId);
    if (!context) return;
    const { key, product, program } = context;
    const decidedAt = new Date(event.data.decidedAt);
    const offer = await this.repos.offers.decided(manager, key, {
      decision: 'APPROVED',
      decidedAt,
      totalCents: event.data.totalCents,
      quantity: event.data.quantity,
      educationViewed: event.data.educationViewed,
    });
    const stillApproved = offer.decision === 'APPROVED' && offer.decidedAt?.getTime() === decidedAt.getTime() && !offer.refundedAt;
    if (!stillApproved) return;
    if (event.data.currency !== program.currency) {
      this.logger?.warn('sale currency differs from the program currency; no commission', { eventId: event.id, programId: program.id });
      return;
    }
    const facts = await this.repos.ledger.saleFacts(manager, { programId: program.id, shopId: key.shopId, recommendationId: key.recommendationId, at: decidedAt });
    if (facts.commissionHeld || !facts.enrolled) return;
    const rule = facts.ruleId ? await this.rule(program.id, facts.ruleId, decidedAt) : null;
    const { tier, multiplier } = facts.tier ? { tier: facts.tier.tier, multiplier: facts.tier.multiplierBasisPoints } : { tier: 'BRONZE' as const, multiplier: await this.bronzeMultiplier(program.id) };
    const saleMonth = monthStart(decidedAt);
    let commissionCents = 0;
    if (rule) {
      const capped = rule.orderCapCents !== null || rule.monthlyCapCents !== null;
      const accrued = capped
        ? await this.repos.ledger.accruedTowardCaps(manager, { programId: program.id, shopId: key.shopId, inspectionId: key.inspectionId, saleMonth })
        : { order: 0, month: 0 };
      commissionCents = commissionFor(rule, { totalCents: event.data.totalCents, quantity: event.data.quantity }, multiplier, accrued).cents;
    }
    const incentiveCents = event.data.educationViewed && product.educationTopic ? program.educationIncentiveCents : 0;
    const period = await this.repos.ledger.openPeriodFrom(manager, statementKey(key), saleMonth);
    await this.repos.ledger.append(manager, period, {
      ...entryBase(key),
      kind: 'ACCRUAL',
      commissionCents,
      incentiveCents,
      saleMonth,
      occurredAt: decidedAt,
      ruleId: rule?.id ?? null,
      tier,
      multiplierBasisPoints: multiplier,
      sourceEventId: event.id,
      sourceEventType: event.type,
    }, commissionEvent);
  }

  private async declined(manager: EntityManager, event: CatalogEvent<'recommendation.declined'>) {
    const context = await this.saleContext(manager, event, event.data.partnerProductId);
    if (!context) return;
    const decidedAt = new Date(event.data.decidedAt);
    await this.repos.offers.decided(manager, context.key, {
      decision: 'DECLINED',
      decidedAt,
      totalCents: event.data.totalCents,
      quantity: event.data.quantity,
      educationViewed: event.data.educationViewed,
    });
    await this.reverse(manager, event, context.key, decidedAt, (accruedAt) => accruedAt < decidedAt);
  }

  private async refunded(manager: EntityManager, event: CatalogEvent<'recommendation.refunded'>) {
    const context = await this.saleContext(manager, event, event.data.partnerProductId);
    if (!context) return;
    const refundedAt = new Date(event.data.refundedAt);
    await this.repos.offers.refunded(manager, context.key, refundedAt);
    await this.reverse(manager, event, context.key, refundedAt, () => true);
  }

  /** Takes back exactly what the recommendation's open accrual earned, when `applies` to that sale. */
  private async reverse(manager: EntityManager, event: LedgerEvent, key: OfferKey, at: Date, applies: (accruedAt: Date) => boolean) {
    const accrual = await this.repos.ledger.lastEntryFor(manager, key.recommendationId);
    if (accrual?.kind !== 'ACCRUAL' || !applies(accrual.occurredAt)) return;
    const reversalMonth = monthStart(at > accrual.occurredAt ? at : accrual.occurredAt);
    const period = await this.repos.ledger.openPeriodFrom(manager, statementKey(key), reversalMonth);
    await this.repos.ledger.append(manager, period, {
      ...entryBase(key),
      programId: accrual.programId,
      kind: 'REVERSAL',
      commissionCents: -accrual.commissionCents,
      incentiveCents: -accrual.incentiveCents,
      saleMonth: accrual.saleMonth,
      occurredAt: at > accrual.occurredAt ? at : accrual.occurredAt,
      ruleId: accrual.ruleId,
      tier: accrual.tier,
      multiplierBasisPoints: accrual.multiplierBasisPoints,
      sourceEventId: event.id,
      sourceEventType: event.type,
    }, commissionEvent);
  }

  /** The product, its program and the offer key for a sale event; null when the product is not ours. */
  private async saleContext(manager: EntityManager, event: SaleEvent, productId: string | null) {
    if (!productId || !event.shopId) return null;
    const product = await this.product(productId);
    const program = product && (await this.program(product.programId));
    if (!product || !program) return null;
    const key = offerKey(event, event.data.inspectionId, event.data.recommendationId, product, program);
    // Caps and the choice of open period read sums over this shop's entries in the program: one writer at a time.
    await manager.query(`/* ledger.lockShopProgram */ SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${program.id}:${key.shopId}`]);
    return { key, product, program };
  }

  private async product(id: string): Promise<PartnerProduct | null> {
    const cached = this.products.get(id);
    if (cached) return cached;
    const [product] = await this.repos.products.findByIds([id]);
    if (product) this.products.set(id, product);
    return product;
  }

  private async program(id: string): Promise<Program | null> {
    const cached = this.programs.get(id);
    if (cached) return cached;
    const [program] = await this.repos.programs.findByIds([id]);
    if (program) this.programs.set(id, program);
    return program;
  }

  private async bronzeMultiplier(programId: string): Promise<number> {
    let multiplier = this.bronzeMultipliers.get(programId);
    if (multiplier === undefined) {
      const [levels] = await this.repos.programs.tierLevelsByProgramIds([programId]);
      multiplier = levels.find((level) => level.tier === 'BRONZE')?.multiplierBasisPoints ?? defaultMultiplier;
      this.bronzeMultipliers.set(programId, multiplier);
    }
    return multiplier;
  }

  /** A rule version by id (versions are immutable, so they are kept), or null when it had ended by `at`. */
  private async rule(programId: string, ruleId: string, at: Date): Promise<CommissionRule | null> {
    let rule = this.rules.get(ruleId);
    if (!rule) {
      const [versions] = await this.repos.rules.byProgramIds([programId]);
      for (const version of versions) this.rules.set(version.id, version);
      rule = this.rules.get(ruleId);
    }
    if (!rule || (rule.effectiveUntil && rule.effectiveUntil <= at)) return null;
    return rule;
  }
}

function offerKey(event: LedgerEvent, inspectionId: string, recommendationId: string, product: PartnerProduct, program: Program): OfferKey {
  return {
    recommendationId,
    inspectionId,
    shopId: event.shopId!,
    orgId: event.orgId,
    programId: program.id,
    partnerId: program.partnerId,
    productId: product.id,
    currency: program.currency,
  };
}

const statementKey = (key: OfferKey) => ({ shopId: key.shopId, orgId: key.orgId, partnerId: key.partnerId, currency: key.currency });

const entryBase = (key: OfferKey) => ({
  programId: key.programId,
  recommendationId: key.recommendationId,
  inspectionId: key.inspectionId,
});
