import { randomUUID } from 'node:crypto';
import { EntitySchema, In, type EntityManager } from 'typeorm';
import { appError, ErrorCode, writeWithEvents, type CatalogEvent } from '@cip/platform';
import { addMonths } from '../domain/money';
import type { PartnerTier } from '../domain/tiers';
import { bigintCents, monthColumn } from './columns';

export type LedgerKind = 'ACCRUAL' | 'REVERSAL';

/** One append-only ledger line: what one source event earned (or took back) for a shop from a partner. */
export interface LedgerEntry {
  id: string;
  seq: number;
  shopId: string;
  orgId: string;
  partnerId: string;
  programId: string;
  recommendationId: string;
  inspectionId: string;
  kind: LedgerKind;
  commissionCents: number;
  incentiveCents: number;
  amountCents: number;
  currency: string;
  period: Date;
  saleMonth: Date;
  occurredAt: Date;
  adjustment: boolean;
  ruleId: string | null;
  tier: PartnerTier | null;
  multiplierBasisPoints: number | null;
  sourceEventId: string;
  sourceEventType: string;
  createdAt: Date;
}

export const LedgerEntryEntity = new EntitySchema<LedgerEntry>({
  name: 'LedgerEntry',
  tableName: 'ledger_entry',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    seq: { type: 'bigint', generated: 'increment', transformer: bigintCents },
    shopId: { type: 'uuid', name: 'shop_id' },
    orgId: { type: 'uuid', name: 'org_id' },
    partnerId: { type: 'uuid', name: 'partner_id' },
    programId: { type: 'uuid', name: 'program_id' },
    recommendationId: { type: 'text', name: 'recommendation_id' },
    inspectionId: { type: 'text', name: 'inspection_id' },
    kind: { type: 'text' },
    commissionCents: { type: 'bigint', name: 'commission_cents', transformer: bigintCents },
    incentiveCents: { type: 'bigint', name: 'incentive_cents', transformer: bigintCents },
    amountCents: { type: 'bigint', name: 'amount_cents', insert: false, update: false, transformer: bigintCents },
    currency: { type: 'char', length: 3 },
    period: { type: 'date', transformer: monthColumn },
    saleMonth: { type: 'date', name: 'sale_month', transformer: monthColumn },
    occurredAt: { type: 'timestamptz', name: 'occurred_at' },
    adjustment: { type: 'boolean' },
    ruleId: { type: 'uuid', name: 'rule_id', nullable: true },
    tier: { type: 'text', nullable: true },
    multiplierBasisPoints: { type: 'integer', name: 'multiplier_bp', nullable: true },
    sourceEventId: { type: 'uuid', name: 'source_event_id' },
    sourceEventType: { type: 'text', name: 'source_event_type' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export interface StatementLine {
  programId: string;
  accruedCents: number;
  incentiveCents: number;
  reversedCents: number;
  adjustmentCents: number;
  payableCents: number;
  tier: PartnerTier;
  multiplierBasisPoints: number;
}

export interface StatementTotals {
  accruedCents: number;
  incentiveCents: number;
  reversedCents: number;
  adjustmentCents: number;
  payableCents: number;
}

export interface Statement {
  id: string;
  shopId: string;
  orgId: string;
  partnerId: string;
  period: Date;
  currency: string;
  status: 'OPEN' | 'CLOSED';
  closedAt: Date | null;
  accruedCents: number | null;
  incentiveCents: number | null;
  reversedCents: number | null;
  adjustmentCents: number | null;
  payableCents: number | null;
  lines: StatementLine[] | null;
}

export const StatementEntity = new EntitySchema<Statement>({
  name: 'Statement',
  tableName: 'statement',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    shopId: { type: 'uuid', name: 'shop_id' },
    orgId: { type: 'uuid', name: 'org_id' },
    partnerId: { type: 'uuid', name: 'partner_id' },
    period: { type: 'date', transformer: monthColumn },
    currency: { type: 'char', length: 3 },
    status: { type: 'text' },
    closedAt: { type: 'timestamptz', name: 'closed_at', nullable: true },
    accruedCents: { type: 'bigint', name: 'accrued_cents', nullable: true, transformer: bigintCents },
    incentiveCents: { type: 'bigint', name: 'incentive_cents', nullable: true, transformer: bigintCents },
    reversedCents: { type: 'bigint', name: 'reversed_cents', nullable: true, transformer: bigintCents },
    adjustmentCents: { type: 'bigint', name: 'adjustment_cents', nullable: true, transformer: bigintCents },
    payableCents: { type: 'bigint', name: 'payable_cents', nullable: true, transformer: bigintCents },
    lines: { type: 'jsonb', nullable: true },
  },
});

export type NewLedgerEntry = Omit<LedgerEntry, 'id' | 'seq' | 'amountCents' | 'createdAt' | 'adjustment'>;

/** An entry as written: everything but what the database numbers and stamps on commit. */
export type AppendedEntry = Omit<LedgerEntry, 'seq' | 'createdAt'>;

/** What an entry says beyond the statement it goes to. */
export type PeriodEntry = Omit<NewLedgerEntry, keyof StatementKey | 'period'>;

export interface SaleFacts {
  commissionHeld: boolean;
  enrolled: boolean;
  /** The rule version that began most recently at or before the sale (it may have ended by then). */
  ruleId: string | null;
  tier: { tier: PartnerTier; multiplierBasisPoints: number } | null;
}

export interface SaleFactsInput {
  programId: string;
  shopId: string;
  recommendationId: string;
  at: Date;
}

export interface StatementKey {
  shopId: string;
  orgId: string;
  partnerId: string;
  currency: string;
}

const openPeriodBrand = Symbol('open period');

/** A statement period found open and locked in the current transaction: the only place entries go. */
export interface OpenPeriod extends StatementKey {
  period: Date;
  open: typeof openPeriodBrand;
}

export const periodClosed = (period: Date) =>
  appError(ErrorCode.PERIOD_CLOSED, `The statement period ${period.toISOString().slice(0, 7)} is closed; closed periods never change.`);

export class LedgerRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The most recent entry of a recommendation: an ACCRUAL means its commission is currently held. */
  async lastEntryFor(manager: EntityManager, recommendationId: string): Promise<LedgerEntry | null> {
    return manager.findOne(LedgerEntryEntity, { where: { recommendationId }, order: { seq: 'DESC' }, comment: 'ledger.lastEntryFor' });
  }

  /**
   * Everything an approval needs to know, in one round trip: whether the recommendation's commission is
   * currently held (its last entry is an accrual), whether the shop was enrolled when the sale was
   * decided, and the rule version and tier assignment in force then.
   */
  async saleFacts(manager: EntityManager, input: SaleFactsInput): Promise<SaleFacts> {
    const [facts] = await this.saleFactsMany(manager, [input]);
    return facts;
  }

  /**
   * `saleFacts` of many sales in one round trip, in the order given. Each recommendation's last entry is
   * an index lookup, so the cost stays the same however long the ledger grows.
   */
  async saleFactsMany(manager: EntityManager, inputs: SaleFactsInput[]): Promise<SaleFacts[]> {
    const rows: { last_kind: LedgerKind | null; enrolled: boolean; rule_id: string | null; tier: PartnerTier | null; multiplier_bp: number | null }[] =
      await manager.query(
        `/* ledger.saleFacts */ SELECT last.kind AS last_kind,
           EXISTS (SELECT 1 FROM partners.enrollment WHERE program_id = s.program_id AND shop_id = s.shop_id AND enrolled_at <= s.at
                     AND (ended_at IS NULL OR ended_at > s.at)) AS enrolled,
           (SELECT id FROM partners.commission_rule WHERE program_id = s.program_id AND effective_from <= s.at
              ORDER BY effective_from DESC, version DESC LIMIT 1) AS rule_id,
           t.tier, t.multiplier_bp
         FROM jsonb_to_recordset($1::jsonb) AS s(i integer, program_id uuid, shop_id uuid, recommendation_id text, at timestamptz)
         LEFT JOIN LATERAL (SELECT kind FROM partners.ledger_entry WHERE recommendation_id = s.recommendation_id ORDER BY seq DESC LIMIT 1) AS last ON true
         LEFT JOIN LATERAL (SELECT tier, multiplier_bp FROM partners.tier_assignment WHERE program_id = s.program_id AND shop_id = s.shop_id
                              AND effective_from <= s.at ORDER BY effective_from DESC, created_at DESC LIMIT 1) AS t ON true
         ORDER BY s.i`,
        [JSON.stringify(inputs.map((input, i) => ({ i, program_id: input.programId, shop_id: input.shopId, recommendation_id: input.recommendationId, at: input.at })))],
      );
    return rows.map((row) => ({
      commissionHeld: row.last_kind === 'ACCRUAL',
      enrolled: row.enrolled,
      ruleId: row.rule_id,
      tier: row.tier ? { tier: row.tier, multiplierBasisPoints: row.multiplier_bp! } : null,
    }));
  }

  /** Commission already accrued against the caps: this order (inspection) and this shop's sale month. */
  async accruedTowardCaps(manager: EntityManager, input: { programId: string; shopId: string; inspectionId: string; saleMonth: Date }) {
    const [row]: { order_cents: string; month_cents: string }[] = await manager.query(
      `/* ledger.accruedTowardCaps */ SELECT
         coalesce(sum(commission_cents) FILTER (WHERE inspection_id = $3), 0) AS order_cents,
         coalesce(sum(commission_cents) FILTER (WHERE sale_month = $4), 0) AS month_cents
       FROM partners.ledger_entry
       WHERE program_id = $1 AND shop_id = $2 AND kind = 'ACCRUAL' AND (inspection_id = $3 OR sale_month = $4)`,
      [input.programId, input.shopId, input.inspectionId, input.saleMonth.toISOString().slice(0, 10)],
    );
    return { order: Number(row.order_cents), month: Number(row.month_cents) };
  }

  /**
   * The first period from `month` on whose statement is still open, holding it (FOR SHARE) until the
   * transaction ends so a concurrent close waits for this entry rather than missing it. Only a period
   * obtained here can be appended to.
   */
  async openPeriodFrom(manager: EntityManager, key: StatementKey, month: Date): Promise<OpenPeriod> {
    for (let period = month; ; period = addMonths(period, 1)) {
      const { status } = await this.ensureStatement(manager, { ...key, period }, 'FOR SHARE');
      if (status === 'OPEN') return { ...key, period, open: openPeriodBrand };
    }
  }

  /**
   * `openPeriodFrom` for many statements at once: every month's statement held (FOR SHARE), created
   * first when missing; a month found closed moves on as `openPeriodFrom` does. Once a month's statements
   * exist (every batch after its first) that is one statement. Periods in the order given.
   */
  async openPeriodsFrom(manager: EntityManager, requests: { key: StatementKey; month: Date }[]): Promise<OpenPeriod[]> {
    const rowOf = ({ key, month }: { key: StatementKey; month: Date }) => ({
      shop_id: key.shopId,
      org_id: key.orgId,
      partner_id: key.partnerId,
      period: month.toISOString().slice(0, 10),
      currency: key.currency,
    });
    const idOf = (row: { shop_id: string; partner_id: string; period: string; currency: string }) => `${row.shop_id}|${row.partner_id}|${row.period}|${row.currency}`;
    const wanted = [...new Map(requests.map((request) => [idOf(rowOf(request)), rowOf(request)])).values()];
    const recordset = `jsonb_to_recordset($1::jsonb) AS r(shop_id uuid, org_id uuid, partner_id uuid, period date, currency char(3))`;
    const lock = async (rows: typeof wanted): Promise<{ shop_id: string; partner_id: string; period: string; currency: string; status: Statement['status'] }[]> =>
      manager.query(
        `/* statements.lock */ SELECT s.shop_id, s.partner_id, to_char(s.period, 'YYYY-MM-DD') AS period, s.currency, s.status
         FROM partners.statement s JOIN ${recordset} USING (shop_id, partner_id, period, currency)
         ORDER BY s.id FOR SHARE OF s`,
        [JSON.stringify(rows)],
      );
    const held = await lock(wanted);
    const found = new Set(held.map(idOf));
    const missing = wanted.filter((row) => !found.has(idOf(row)));
    if (missing.length > 0) {
      await manager.query(
        `/* statements.ensure */ INSERT INTO partners.statement (shop_id, org_id, partner_id, period, currency)
         SELECT shop_id, org_id, partner_id, period, currency FROM ${recordset} ORDER BY shop_id, partner_id, period, currency
         ON CONFLICT (shop_id, partner_id, period, currency) DO NOTHING`,
        [JSON.stringify(missing)],
      );
      held.push(...(await lock(missing)));
    }
    const open = new Set(held.filter((row) => row.status === 'OPEN').map(idOf));
    const periods: OpenPeriod[] = [];
    for (const request of requests) {
      periods.push(
        open.has(idOf(rowOf(request)))
          ? { ...request.key, period: request.month, open: openPeriodBrand }
          : await this.openPeriodFrom(manager, request.key, addMonths(request.month, 1)),
      );
    }
    return periods;
  }

  /** Locks the statement row (creating it first when the month has none) and returns its id and status. */
  private async ensureStatement(manager: EntityManager, key: StatementKey & { period: Date }, lock: 'FOR SHARE' | 'FOR UPDATE'): Promise<Pick<Statement, 'id' | 'status'>> {
    const period = key.period.toISOString().slice(0, 10);
    const select = () =>
      manager.query(
        `/* statements.lock */ SELECT id, status FROM partners.statement WHERE shop_id = $1 AND partner_id = $2 AND period = $3 AND currency = $4 ${lock}`,
        [key.shopId, key.partnerId, period, key.currency],
      ) as Promise<Pick<Statement, 'id' | 'status'>[]>;
    const [existing] = await select();
    if (existing) return existing;
    await manager.query(
      `/* statements.ensure */ INSERT INTO partners.statement (shop_id, org_id, partner_id, period, currency)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (shop_id, partner_id, period, currency) DO NOTHING`,
      [key.shopId, key.orgId, key.partnerId, period, key.currency],
    );
    const [created] = await select();
    return created;
  }

  /** Creates the statement row if needed and locks it for a close. */
  async lockStatement(manager: EntityManager, key: StatementKey & { period: Date }): Promise<Statement> {
    const { id } = await this.ensureStatement(manager, key, 'FOR UPDATE');
    return manager.findOneByOrFail(StatementEntity, { id });
  }

  /**
   * Appends an entry to a period found open (and held) by `openPeriodFrom` in the same transaction,
   * with the event `eventOf` describes it by; the database refuses an entry in a closed period as well.
   */
  async append(manager: EntityManager, period: OpenPeriod, entry: PeriodEntry, eventOf: (entry: AppendedEntry) => CatalogEvent): Promise<AppendedEntry> {
    const [appended] = await this.appendMany(manager, [{ period, entry }], eventOf);
    return appended;
  }

  /**
   * `append` of many entries (of distinct source events) and their events in one statement; entries in
   * the order given, `seq` in that order too. Entry ids are chosen here, so the events are built before
   * the write and go to the outbox in the same round trip.
   */
  async appendMany(manager: EntityManager, entries: { period: OpenPeriod; entry: PeriodEntry }[], eventOf: (entry: AppendedEntry) => CatalogEvent): Promise<AppendedEntry[]> {
    const adjustmentOf = (period: OpenPeriod, entry: PeriodEntry) => period.period.getTime() > Date.UTC(entry.occurredAt.getUTCFullYear(), entry.occurredAt.getUTCMonth(), 1);
    const appended: AppendedEntry[] = entries.map(({ period, entry }) => ({
      ...entry,
      id: randomUUID(),
      shopId: period.shopId,
      orgId: period.orgId,
      partnerId: period.partnerId,
      currency: period.currency,
      period: period.period,
      amountCents: entry.commissionCents + entry.incentiveCents,
      adjustment: adjustmentOf(period, entry),
    }));
    await writeWithEvents(manager, 'partners', appended.map(eventOf), {
      sql: `/* ledger.append */ INSERT INTO partners.ledger_entry (id, shop_id, org_id, partner_id, currency, period, program_id, recommendation_id,
         inspection_id, kind, commission_cents, incentive_cents, sale_month, occurred_at, adjustment, rule_id, tier, multiplier_bp,
         source_event_id, source_event_type)
       SELECT id, shop_id, org_id, partner_id, currency, period, program_id, recommendation_id, inspection_id, kind, commission_cents, incentive_cents,
         sale_month, occurred_at, adjustment, rule_id, tier, multiplier_bp, source_event_id, source_event_type
       FROM jsonb_to_recordset($1::jsonb) AS r(i integer, id uuid, shop_id uuid, org_id uuid, partner_id uuid, currency char(3), period date, program_id uuid,
         recommendation_id text, inspection_id text, kind text, commission_cents bigint, incentive_cents bigint, sale_month date, occurred_at timestamptz,
         adjustment boolean, rule_id uuid, tier text, multiplier_bp integer, source_event_id uuid, source_event_type text)
       ORDER BY i`,
      params: [
        JSON.stringify(
          appended.map((entry, i) => ({
            i,
            id: entry.id,
            shop_id: entry.shopId,
            org_id: entry.orgId,
            partner_id: entry.partnerId,
            currency: entry.currency,
            period: entry.period.toISOString().slice(0, 10),
            program_id: entry.programId,
            recommendation_id: entry.recommendationId,
            inspection_id: entry.inspectionId,
            kind: entry.kind,
            commission_cents: entry.commissionCents,
            incentive_cents: entry.incentiveCents,
            sale_month: entry.saleMonth.toISOString().slice(0, 10),
            occurred_at: entry.occurredAt,
            adjustment: entry.adjustment,
            rule_id: entry.ruleId,
            tier: entry.tier,
            multiplier_bp: entry.multiplierBasisPoints,
            source_event_id: entry.sourceEventId,
            source_event_type: entry.sourceEventType,
          })),
        ),
      ],
    });
    return appended;
  }

  /** Live totals of one statement's entries, per program. */
  async linesOf(manager: EntityManager, key: { shopId: string; partnerId: string; period: Date; currency: string }) {
    const rows: Record<string, string>[] = await manager.query(
      `/* ledger.statementLines */ SELECT program_id,
         coalesce(sum(commission_cents) FILTER (WHERE kind = 'ACCRUAL'), 0) AS accrued,
         coalesce(sum(incentive_cents) FILTER (WHERE kind = 'ACCRUAL'), 0) AS incentive,
         coalesce(-sum(amount_cents) FILTER (WHERE kind = 'REVERSAL'), 0) AS reversed,
         coalesce(sum(amount_cents) FILTER (WHERE adjustment), 0) AS adjustment,
         coalesce(sum(amount_cents), 0) AS payable
       FROM partners.ledger_entry
       WHERE shop_id = $1 AND partner_id = $2 AND period = $3 AND currency = $4
       GROUP BY program_id ORDER BY program_id`,
      [key.shopId, key.partnerId, key.period.toISOString().slice(0, 10), key.currency],
    );
    return rows.map((row) => ({
      programId: row.program_id,
      accruedCents: Number(row.accrued),
      incentiveCents: Number(row.incentive),
      reversedCents: Number(row.reversed),
      adjustmentCents: Number(row.adjustment),
      payableCents: Number(row.payable),
    }));
  }

  /** Freezes a statement with its totals; the database refuses any later change to it. */
  async close(manager: EntityManager, statementId: string, totals: StatementTotals, lines: StatementLine[]): Promise<Statement> {
    await manager.update(StatementEntity, { id: statementId }, { ...totals, lines, status: 'CLOSED', closedAt: new Date() });
    return manager.findOneByOrFail(StatementEntity, { id: statementId });
  }

  /** Statements of the shops for one period, grouped per shop (one per partner and currency). */
  async statementsByShopIds(shopIds: readonly string[], period: Date): Promise<Statement[]> {
    return this.manager.find(StatementEntity, {
      where: { shopId: In([...shopIds]), period },
      order: { partnerId: 'ASC', currency: 'ASC' },
      comment: 'statements.byShopIds',
    });
  }

  statementsOf(key: { shopId: string; partnerId: string }): Promise<Statement[]> {
    return this.manager.find(StatementEntity, { where: key, order: { period: 'DESC' }, comment: 'statements.of' });
  }

  entriesOf(key: { shopId: string; partnerId: string; period: Date; currency: string }): Promise<LedgerEntry[]> {
    return this.manager.find(LedgerEntryEntity, { where: key, order: { seq: 'ASC' }, comment: 'ledger.entriesOf' });
  }
}

/** When the program's most recent accrued sale happened; rule versions may only start after it. */
export async function latestAccruedSaleAt(manager: EntityManager, programId: string): Promise<Date | null> {
  const [row]: { at: Date | null }[] = await manager.query(
    `/* ledger.latestAccruedSaleAt */ SELECT max(occurred_at) AS at FROM partners.ledger_entry WHERE program_id = $1 AND kind = 'ACCRUAL'`,
    [programId],
  );
  return row.at;
}
