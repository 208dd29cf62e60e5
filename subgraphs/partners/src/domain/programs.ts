import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { appError, enqueueEvents, ErrorCode, notFound, parseInput, valid } from '@cip/platform';
import { latestAccruedSaleAt } from '../data/ledger';
import { apiKeyPlans, partnerKinds, type ApiKeyPlan, type Partner, type PartnerApiKey } from '../data/partner';
import type { PartnerProduct } from '../data/product';
import { sharedFieldNames, type Enrollment, type Program } from '../data/program';
import type { Repositories } from '../data/repositories';
import type { CommissionRule } from '../data/rule';
import { apiKeyIssued, apiKeyRevoked, enrollmentChanged } from './events';
import { partnerTiers } from './tiers';

const currency = valid.currency();
const cents = z.number().int().min(0).max(1_000_000_000_00);
const basisPoints = z.number().int().min(0).max(10_000);

export const ruleSchema = z
  .object({
    kind: z.enum(['PERCENTAGE', 'FLAT_PER_UNIT', 'TIERED']),
    basisPoints: basisPoints.nullish().transform((v) => v ?? null),
    flatCents: cents.nullish().transform((v) => v ?? null),
    brackets: z
      .array(z.object({ upToCents: cents.nullish().transform((v) => v ?? null), basisPoints }))
      .min(1)
      .max(20)
      .nullish()
      .transform((v) => v ?? null),
    orderCapCents: cents.nullish().transform((v) => v ?? null),
    monthlyCapCents: cents.nullish().transform((v) => v ?? null),
    effectiveFrom: z.date(),
    effectiveUntil: z.date().nullish().transform((v) => v ?? null),
  })
  .superRefine((rule, issue) => {
    const need = (field: 'basisPoints' | 'flatCents' | 'brackets', wanted: boolean) => {
      if ((rule[field] !== null) !== wanted) {
        issue.addIssue({ code: 'custom', path: [field], message: wanted ? `is required for a ${rule.kind} rule` : `must be empty for a ${rule.kind} rule` });
      }
    };
    need('basisPoints', rule.kind === 'PERCENTAGE');
    need('flatCents', rule.kind === 'FLAT_PER_UNIT');
    need('brackets', rule.kind === 'TIERED');
    if (rule.brackets) {
      const bounds = rule.brackets.map((b) => b.upToCents);
      const ascending = bounds.every((bound, i) => i === 0 || (bound === null ? i === bounds.length - 1 : bounds[i - 1] !== null && bound > bounds[i - 1]!));
      if (!ascending || bounds.slice(0, -1).includes(null) || bounds[bounds.length - 1] !== null) {
        issue.addIssue({ code: 'custom', path: ['brackets'], message: 'must rise strictly and end with an open bracket (upToCents null)' });
      }
    }
    if (rule.effectiveUntil && rule.effectiveUntil <= rule.effectiveFrom) {
      issue.addIssue({ code: 'custom', path: ['effectiveUntil'], message: 'must be after effectiveFrom' });
    }
  });

export const tierLevelsSchema = z
  .array(
    z.object({
      tier: z.enum(partnerTiers),
      minRevenueCents: cents,
      minConversionBasisPoints: basisPoints,
      minEducationBasisPoints: basisPoints,
      multiplierBasisPoints: z.number().int().min(0).max(100_000),
    }),
  )
  .superRefine((levels, issue) => {
    const tiers = levels.map((l) => l.tier);
    if (new Set(tiers).size !== tiers.length) issue.addIssue({ code: 'custom', message: 'each tier may appear once' });
    const bronze = levels.find((l) => l.tier === 'BRONZE');
    if (!bronze) issue.addIssue({ code: 'custom', message: 'BRONZE, the floor every enrolled shop holds, is required' });
    else if (bronze.minRevenueCents + bronze.minConversionBasisPoints + bronze.minEducationBasisPoints !== 0) {
      issue.addIssue({ code: 'custom', message: 'BRONZE must have no thresholds' });
    }
  });

export const programSchema = z.object({
  partnerId: z.string().uuid(),
  name: valid.name(200),
  description: valid.text(2000).trim().min(1, 'must not be empty'),
  currency,
  sharedFields: z.array(z.enum(sharedFieldNames)).transform((fields) => [...new Set(fields)]),
  tierWindowDays: z.number().int().min(1).max(366),
  educationIncentiveCents: cents,
  tierLevels: tierLevelsSchema,
  rule: ruleSchema,
});

export const productSchema = z.object({
  sku: valid.name(100),
  name: valid.name(200),
  description: valid.text(2000).trim().default(''),
  unitPriceCents: cents,
  educationTopic: valid.name(500).nullish().transform((v) => v ?? null),
});

export const partnerSchema = z.object({ name: valid.name(200), kind: z.enum(partnerKinds) });

export interface IssuedKey {
  key: PartnerApiKey;
  /** The secret itself; returned once, never stored. */
  secret: string;
}

export const hashApiKey = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Partners, programs, products, rule versions, enrollments and API keys: every write path, shared by the API and the admin script. */
export class PartnerPrograms {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
  ) {}

  async createPartner(input: unknown): Promise<Partner> {
    const values = parseInput(partnerSchema, input);
    return this.dataSource.transaction((manager) => this.repos.partners.create(manager, values));
  }

  /** A program with its tier levels and the first version of its commission rule. */
  async createProgram(input: unknown): Promise<Program> {
    const { tierLevels, rule, ...values } = parseInput(programSchema, input);
    const [partner] = await this.repos.partners.findByIds([values.partnerId]);
    if (!partner) throw notFound('Partner', values.partnerId);
    return this.dataSource.transaction(async (manager) => {
      const program = await this.repos.programs.create(manager, values);
      await this.repos.programs.setTierLevels(manager, program.id, tierLevels);
      await this.repos.rules.addVersion(manager, program.id, rule);
      return program;
    });
  }

  async addProduct(program: Program, input: unknown): Promise<PartnerProduct> {
    const values = parseInput(productSchema, input);
    return this.dataSource
      .transaction((manager) => this.repos.products.create(manager, { ...values, programId: program.id, partnerId: program.partnerId, currency: program.currency }))
      .catch((error: { code?: string }) => {
        if (error.code === '23505') throw appError(ErrorCode.CONFLICT, `The program already has a product with SKU "${values.sku}".`);
        throw error;
      });
  }

  /**
   * Adds the next version of the program's rule. History is never rewritten: the new version may start
   * only after every sale the program has already accrued, so no past commission changes its rule.
   */
  async changeRule(program: Program, input: unknown): Promise<CommissionRule> {
    const rule = parseInput(ruleSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const latestSale = await latestAccruedSaleAt(manager, program.id);
      if (latestSale && rule.effectiveFrom <= latestSale) {
        throw appError(ErrorCode.BAD_USER_INPUT, `effectiveFrom must be after ${latestSale.toISOString()}, the latest sale already accrued under this program.`, {
          fields: [{ path: 'effectiveFrom', message: 'is before a sale already accrued' }],
        });
      }
      return this.repos.rules.addVersion(manager, program.id, rule);
    });
  }

  /** Enrolls a shop (from `at`, now by default) and tells the gateway which shops the partner's keys now reach. */
  async enroll(program: Program, shop: { shopId: string; orgId: string }, at = new Date()): Promise<Enrollment> {
    return this.dataSource
      .transaction(async (manager) => {
        await this.repos.programs.lockEnrollments(manager, program.partnerId);
        const existing = await this.repos.programs.activeEnrollment(manager, program.id, shop.shopId);
        if (existing) throw appError(ErrorCode.CONFLICT, 'The shop is already enrolled in this program.');
        const enrollment = await this.repos.programs.enroll(manager, { programId: program.id, partnerId: program.partnerId, ...shop, enrolledAt: at });
        const shopIds = await this.repos.programs.enrolledShopIds(manager, program.partnerId);
        await enqueueEvents(manager, 'partners', [enrollmentChanged(program.partnerId, shopIds)]);
        return enrollment;
      })
      .catch((error: { code?: string }) => {
        if (error.code === '23505') throw appError(ErrorCode.CONFLICT, 'The shop is already enrolled in this program.');
        throw error;
      });
  }

  async leave(program: Program, shopId: string, at = new Date()): Promise<Enrollment> {
    return this.dataSource.transaction(async (manager) => {
      await this.repos.programs.lockEnrollments(manager, program.partnerId);
      const existing = await this.repos.programs.activeEnrollment(manager, program.id, shopId);
      if (!existing) throw notFound('Enrollment');
      const ended = await this.repos.programs.end(manager, existing, at);
      const shopIds = await this.repos.programs.enrolledShopIds(manager, program.partnerId);
      await enqueueEvents(manager, 'partners', [enrollmentChanged(program.partnerId, shopIds)]);
      return ended;
    });
  }

  /** Issues an API key: the secret is returned once; only its SHA-256 and prefix are kept. */
  async issueApiKey(partnerId: string, input: { plan: ApiKeyPlan; label: string }): Promise<IssuedKey> {
    const values = parseInput(z.object({ plan: z.enum(apiKeyPlans), label: valid.name(100) }), input);
    const prefix = `cip_${randomBytes(4).toString('hex')}`;
    const secret = `${prefix}.${randomBytes(32).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
      const key = await this.repos.partners.addKey(manager, { partnerId, prefix, keyHash: hashApiKey(secret), ...values });
      const shopIds = await this.repos.programs.enrolledShopIds(manager, partnerId);
      await enqueueEvents(manager, 'partners', [apiKeyIssued(key, shopIds)]);
      return { key, secret };
    });
  }

  async revokeApiKey(partnerId: string, keyId: string): Promise<PartnerApiKey> {
    if (!z.string().uuid().safeParse(keyId).success) throw notFound('PartnerApiKey', keyId);
    return this.dataSource.transaction(async (manager) => {
      const key = await this.repos.partners.revokeKey(manager, partnerId, keyId);
      if (!key) throw notFound('PartnerApiKey', keyId);
      await enqueueEvents(manager, 'partners', [apiKeyRevoked(key)]);
      return key;
    });
  }
}
