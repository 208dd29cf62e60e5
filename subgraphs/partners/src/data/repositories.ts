import type { EntityManager } from 'typeorm';
import { LedgerRepository } from './ledger';
import { OfferRepository } from './offer';
import { PartnerRepository } from './partner';
import { ProductRepository } from './product';
import { ProgramRepository } from './program';
import { RuleRepository } from './rule';
import { TierAssignmentRepository } from './tier-assignment';

export function createRepositories(manager: EntityManager) {
  return {
    partners: new PartnerRepository(manager),
    programs: new ProgramRepository(manager),
    products: new ProductRepository(manager),
    rules: new RuleRepository(manager),
    tiers: new TierAssignmentRepository(manager),
    offers: new OfferRepository(manager),
    ledger: new LedgerRepository(manager),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
