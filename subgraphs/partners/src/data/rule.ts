import { EntitySchema, type EntityManager } from 'typeorm';
import { findGroupedBy } from '@cip/platform';
import type { CommissionBracket, CommissionRuleKind, RuleTerms } from '../domain/commission';
import { bigintCents } from './columns';

/** One immutable version of a program's commission rule. A change is a new version, never an edit. */
export interface CommissionRule extends RuleTerms {
  id: string;
  programId: string;
  version: number;
  kind: CommissionRuleKind;
  brackets: CommissionBracket[] | null;
  effectiveFrom: Date;
  effectiveUntil: Date | null;
  createdAt: Date;
}

export const CommissionRuleEntity = new EntitySchema<CommissionRule>({
  name: 'CommissionRule',
  tableName: 'commission_rule',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    programId: { type: 'uuid', name: 'program_id' },
    version: { type: 'integer' },
    kind: { type: 'text' },
    basisPoints: { type: 'integer', name: 'basis_points', nullable: true },
    flatCents: { type: 'integer', name: 'flat_cents', nullable: true },
    brackets: { type: 'jsonb', nullable: true },
    orderCapCents: { type: 'bigint', name: 'order_cap_cents', nullable: true, transformer: bigintCents },
    monthlyCapCents: { type: 'bigint', name: 'monthly_cap_cents', nullable: true, transformer: bigintCents },
    effectiveFrom: { type: 'timestamptz', name: 'effective_from' },
    effectiveUntil: { type: 'timestamptz', name: 'effective_until', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export type RuleInput = RuleTerms & { effectiveFrom: Date; effectiveUntil: Date | null };

export class RuleRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Every version of each program's rule, newest version first. */
  byProgramIds(programIds: readonly string[]): Promise<CommissionRule[][]> {
    return findGroupedBy(this.manager, CommissionRuleEntity, 'programId', programIds, { name: 'rules.byProgramIds', order: { version: 'DESC' } });
  }

  /** Appends the next version; serialized per program by a row lock on the program. */
  async addVersion(manager: EntityManager, programId: string, input: RuleInput): Promise<CommissionRule> {
    await manager.query(`/* rules.lockProgram */ SELECT id FROM partners.program WHERE id = $1 FOR UPDATE`, [programId]);
    const [{ next }]: { next: number }[] = await manager.query(
      `/* rules.nextVersion */ SELECT coalesce(max(version), 0) + 1 AS next FROM partners.commission_rule WHERE program_id = $1`,
      [programId],
    );
    return manager.save(CommissionRuleEntity, manager.create(CommissionRuleEntity, { ...input, programId, version: next }));
  }
}
