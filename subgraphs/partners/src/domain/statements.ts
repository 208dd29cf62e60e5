import type { DataSource, EntityManager } from 'typeorm';
import { appError, ErrorCode } from '@cip/platform';
import { periodClosed, type Statement, type StatementLine, type StatementTotals } from '../data/ledger';
import type { Repositories } from '../data/repositories';
import { addMonths } from './money';
import type { PartnerTier } from './tiers';

/** A statement as read: stored totals once closed, live sums of the ledger while open. */
export interface StatementView extends StatementTotals {
  id: string | null;
  shopId: string;
  partnerId: string;
  period: Date;
  currency: string;
  status: 'OPEN' | 'CLOSED';
  closedAt: Date | null;
  lines: StatementLine[];
}

export function sumLines(lines: Omit<StatementLine, 'tier' | 'multiplierBasisPoints'>[]): StatementTotals {
  const totals: StatementTotals = { accruedCents: 0, incentiveCents: 0, reversedCents: 0, adjustmentCents: 0, payableCents: 0 };
  for (const line of lines) {
    totals.accruedCents += line.accruedCents;
    totals.incentiveCents += line.incentiveCents;
    totals.reversedCents += line.reversedCents;
    totals.adjustmentCents += line.adjustmentCents;
    totals.payableCents += line.payableCents;
  }
  return totals;
}

export class Statements {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
  ) {}

  /** The statement of a shop with a partner for a month, in the currency of the partner's programs. */
  async view(key: { shopId: string; partnerId: string; period: Date; currency: string }, stored?: Statement | null): Promise<StatementView> {
    if (stored?.status === 'CLOSED') return fromStored(stored);
    const manager = this.dataSource.manager;
    const lines = await this.withTiers(manager, key, await this.repos.ledger.linesOf(manager, key));
    return {
      id: stored?.id ?? null,
      ...key,
      status: 'OPEN',
      closedAt: null,
      ...sumLines(lines),
      lines,
    };
  }

  /**
   * Closes the statement: its totals are frozen from the ledger, and from then on the repository and a
   * database trigger refuse any change to it or any entry in its period (late events go to the next
   * open period as adjustments). Closing a closed statement is refused with PERIOD_CLOSED.
   */
  async close(key: { shopId: string; orgId: string; partnerId: string; period: Date; currency: string }, now = new Date()): Promise<StatementView> {
    if (addMonths(key.period, 1) > now) {
      throw appError(ErrorCode.INVALID_TRANSITION, 'A statement can be closed only after its month has ended.');
    }
    return this.dataSource.transaction(async (manager) => {
      const statement = await this.repos.ledger.lockStatement(manager, key);
      if (statement.status === 'CLOSED') throw periodClosed(key.period);
      const lines = await this.withTiers(manager, key, await this.repos.ledger.linesOf(manager, key));
      return fromStored(await this.repos.ledger.close(manager, statement.id, sumLines(lines), lines));
    });
  }

  /** Adds each line's tier: the one in force at the end of the period. */
  private async withTiers(
    manager: EntityManager,
    key: { shopId: string; period: Date },
    lines: Omit<StatementLine, 'tier' | 'multiplierBasisPoints'>[],
  ): Promise<StatementLine[]> {
    const end = new Date(addMonths(key.period, 1).getTime() - 1);
    const result: StatementLine[] = [];
    for (const line of lines) {
      const assignment = await this.repos.tiers.inForceAt(manager, line.programId, key.shopId, end);
      let tier: PartnerTier = 'BRONZE';
      let multiplierBasisPoints = 10_000;
      if (assignment) {
        tier = assignment.tier;
        multiplierBasisPoints = assignment.multiplierBasisPoints;
      } else {
        const [levels] = await this.repos.programs.tierLevelsByProgramIds([line.programId]);
        multiplierBasisPoints = levels.find((level) => level.tier === 'BRONZE')?.multiplierBasisPoints ?? multiplierBasisPoints;
      }
      result.push({ ...line, tier, multiplierBasisPoints });
    }
    return result;
  }
}

function fromStored(statement: Statement): StatementView {
  return {
    id: statement.id,
    shopId: statement.shopId,
    partnerId: statement.partnerId,
    period: statement.period,
    currency: statement.currency,
    status: statement.status,
    closedAt: statement.closedAt,
    accruedCents: statement.accruedCents ?? 0,
    incentiveCents: statement.incentiveCents ?? 0,
    reversedCents: statement.reversedCents ?? 0,
    adjustmentCents: statement.adjustmentCents ?? 0,
    payableCents: statement.payableCents ?? 0,
    lines: statement.lines ?? [],
  };
}
