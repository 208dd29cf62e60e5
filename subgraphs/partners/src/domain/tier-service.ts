import type { DataSource } from 'typeorm';
import { canReadShop, forbidden, notFound, requirePrincipal, requireShopRole, type Principal } from '@cip/platform';
import type { Program } from '../data/program';
import type { Repositories } from '../data/repositories';
import type { TierAssignment } from '../data/tier-assignment';
import { canSeeShopField } from './access';
import { nextTierGap, tierFor, type Performance, type TierGap, type TierLevel, type PartnerTier } from './tiers';

const dayMs = 86_400_000;

export interface TierStatus {
  programId: string;
  shopId: string;
  tier: PartnerTier;
  multiplierBasisPoints: number;
  /** When the tier took effect; null while the shop holds the BRONZE floor it started with. */
  effectiveFrom: Date | null;
  windowStart: Date;
  windowEnd: Date;
  performance: Performance;
  next: TierGap | null;
}

export class TierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
  ) {}

  /**
   * Recomputes a shop's tier in a program from its performance over the window ending `asOf`. A change
   * is recorded with `effectiveFrom = asOf`: sales decided from then on use it, earlier ones keep the tier
   * they had. Nothing is written when the tier is unchanged.
   */
  async recompute(program: Program, shopId: string, asOf = new Date()): Promise<{ status: TierStatus; changed: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`/* tiers.lockShopProgram */ SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${program.id}:${shopId}`]);
      const levels = await this.levelsOf(program.id);
      const windowStart = new Date(asOf.getTime() - program.tierWindowDays * dayMs);
      const performance = await this.repos.offers.performance(manager, program.id, shopId, windowStart, asOf);
      const earned = tierFor(levels, performance);
      const current = await this.repos.tiers.inForceAt(manager, program.id, shopId, asOf);
      const currentTier = current?.tier ?? 'BRONZE';
      let assignment: TierAssignment | null = current;
      const changed = earned.tier !== currentTier;
      if (changed) {
        assignment = await this.repos.tiers.record(manager, {
          programId: program.id,
          shopId,
          tier: earned.tier,
          multiplierBasisPoints: earned.multiplierBasisPoints,
          effectiveFrom: asOf,
          windowStart,
          ...performance,
        });
      }
      return { status: this.statusOf(program, shopId, levels, assignment, performance, windowStart, asOf), changed };
    });
  }

  /**
   * Recomputes now the tier of a shop enrolled in the program, for its owners and managers or for the
   * program's partner when its key reaches the shop. Another partner's program answers like a missing one;
   * a shop not enrolled answers NOT_FOUND. The partner sees performance only where the shop shares it.
   */
  async recomputeAs(principal: Principal | null, shopId: string, programId: string): Promise<TierStatus & { hidePerformance: boolean }> {
    const caller = requirePrincipal(principal);
    if (caller.kind === 'staff') requireShopRole(caller, shopId, ['OWNER', 'MANAGER']);
    else if (caller.kind === 'partner') {
      if (!canReadShop(caller, shopId)) throw notFound('Shop', shopId);
    } else throw forbidden();
    const [program] = await this.repos.programs.findByIds([programId]);
    if (!program || (caller.kind === 'partner' && program.partnerId !== caller.partnerId)) throw notFound('Program', programId);
    if (!(await this.repos.programs.activeEnrollment(this.dataSource.manager, program.id, shopId))) throw notFound('Enrollment');
    const { status } = await this.recompute(program, shopId);
    return { ...status, hidePerformance: !canSeeShopField(caller, shopId, program, 'PERFORMANCE') };
  }

  /** The scheduled run: every active enrollment's tier, as of `asOf`. Returns how many tiers changed. */
  async recomputeAll(asOf = new Date()): Promise<number> {
    const enrollments = await this.repos.programs.allActiveEnrollments();
    const programs = await this.repos.programs.findByIds([...new Set(enrollments.map((e) => e.programId))]);
    const byId = new Map(programs.filter((p): p is Program => p !== null).map((p) => [p.id, p]));
    let changed = 0;
    for (const enrollment of enrollments) {
      const program = byId.get(enrollment.programId);
      if (program && (await this.recompute(program, enrollment.shopId, asOf)).changed) changed++;
    }
    return changed;
  }

  /** The tier a shop holds now and, from its live performance, what it needs for the next one. */
  async status(program: Program, shopId: string, assignment: TierAssignment | null, asOf = new Date()): Promise<TierStatus> {
    const levels = await this.levelsOf(program.id);
    const windowStart = new Date(asOf.getTime() - program.tierWindowDays * dayMs);
    const performance = await this.repos.offers.performance(this.dataSource.manager, program.id, shopId, windowStart, asOf);
    return this.statusOf(program, shopId, levels, assignment, performance, windowStart, asOf);
  }

  private statusOf(
    program: Program,
    shopId: string,
    levels: TierLevel[],
    assignment: TierAssignment | null,
    performance: Performance,
    windowStart: Date,
    windowEnd: Date,
  ): TierStatus {
    const tier = assignment?.tier ?? 'BRONZE';
    const multiplier = assignment?.multiplierBasisPoints ?? levels.find((level) => level.tier === 'BRONZE')?.multiplierBasisPoints ?? 10_000;
    return {
      programId: program.id,
      shopId,
      tier,
      multiplierBasisPoints: multiplier,
      effectiveFrom: assignment?.effectiveFrom ?? null,
      windowStart,
      windowEnd,
      performance,
      next: nextTierGap(levels, tier, performance),
    };
  }

  private async levelsOf(programId: string): Promise<TierLevel[]> {
    const [levels] = await this.repos.programs.tierLevelsByProgramIds([programId]);
    return levels;
  }
}
