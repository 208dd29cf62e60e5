import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { batchLoader, groupLoader, type Principal, type SubgraphRuntime } from '@cip/platform';
import type { Enrollment, Program, ProgramTierLevel } from './data/program';
import type { Partner } from './data/partner';
import type { PartnerProduct } from './data/product';
import { createRepositories, type Repositories } from './data/repositories';
import type { CommissionRule } from './data/rule';
import type { TierAssignment } from './data/tier-assignment';
import { CommissionLedger } from './domain/ledger';
import { PartnerPrograms } from './domain/programs';
import { Statements } from './domain/statements';
import { TierService } from './domain/tier-service';

/** The domain services over one DataSource: what the API, the event consumer and the admin script share. */
export function createServices(dataSource: DataSource, runtime?: SubgraphRuntime) {
  const repos = createRepositories(dataSource.manager);
  return {
    repos,
    programs: new PartnerPrograms(dataSource, repos),
    ledger: new CommissionLedger(dataSource, repos, runtime?.logger),
    statements: new Statements(dataSource, repos),
    tiers: new TierService(dataSource, repos),
  };
}

export type Services = ReturnType<typeof createServices>;

export interface PartnersContext {
  principal: Principal | null;
  runtime: SubgraphRuntime;
  dataSource: DataSource;
  repos: Repositories;
  services: Services;
  loaders: {
    partner: DataLoader<string, Partner | null>;
    program: DataLoader<string, Program | null>;
    product: DataLoader<string, PartnerProduct | null>;
    programsByPartner: DataLoader<string, Program[]>;
    productsByProgram: DataLoader<string, PartnerProduct[]>;
    rulesByProgram: DataLoader<string, CommissionRule[]>;
    tierLevelsByProgram: DataLoader<string, ProgramTierLevel[]>;
    enrollmentsByShop: DataLoader<string, Enrollment[]>;
    enrollmentsByPartner: DataLoader<string, Enrollment[]>;
    /** Key "programId:shopId". */
    latestTier: DataLoader<string, TierAssignment | null>;
  };
}

/** Fresh loaders for every request, so nothing cached outlives the caller it was loaded for. */
export function createContext(runtime: SubgraphRuntime, services: Services, principal: Principal | null): PartnersContext {
  const repos = services.repos;
  return {
    principal,
    runtime,
    dataSource: runtime.db.dataSource,
    repos,
    services,
    loaders: {
      partner: batchLoader((ids) => repos.partners.findByIds(ids)),
      program: batchLoader((ids) => repos.programs.findByIds(ids)),
      product: batchLoader((ids) => repos.products.findByIds(ids)),
      programsByPartner: groupLoader((ids: readonly string[]) => repos.programs.byPartnerIds(ids)),
      productsByProgram: groupLoader((ids: readonly string[]) => repos.products.byProgramIds(ids)),
      rulesByProgram: groupLoader((ids: readonly string[]) => repos.rules.byProgramIds(ids)),
      tierLevelsByProgram: groupLoader((ids: readonly string[]) => repos.programs.tierLevelsByProgramIds(ids)),
      enrollmentsByShop: groupLoader((ids: readonly string[]) => repos.programs.enrollmentsByShopIds(ids)),
      enrollmentsByPartner: groupLoader((ids: readonly string[]) => repos.programs.enrollmentsByPartnerIds(ids)),
      latestTier: batchLoader((keys) => repos.tiers.latestByKeys(keys)),
    },
  };
}
