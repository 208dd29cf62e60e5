import { batchEventConsumer, createSubgraphApp, type SubgraphDefinition } from '@cip/platform';
import { createContext, createServices } from './context';
import { LedgerEntryEntity, StatementEntity } from './data/ledger';
import { PartnerApiKeyEntity, PartnerEntity } from './data/partner';
import { PartnerProductEntity } from './data/product';
import { EnrollmentEntity, ProgramEntity, ProgramTierLevelEntity } from './data/program';
import { CommissionRuleEntity } from './data/rule';
import { TierAssignmentEntity } from './data/tier-assignment';
import { consumedEventTypes, ledgerConsumer } from './domain/ledger';
import { Initial1764288000000 } from './migrations/1764288000000-initial';
import { LedgerRecommendationSeq1765500000000 } from './migrations/1765500000000-ledger-recommendation-seq';
import { schema } from './schema';

export { schema };
export { createServices };

/** How often every active enrollment's tier is recomputed (also available on demand by mutation). */
export const tierRecomputeIntervalMs = 60 * 60 * 1000;

/** Partners, programs, products, commission rules, tiers, the commission ledger and monthly statements. */
export const partnersSubgraph: SubgraphDefinition = {
  name: 'partners',
  entities: [
    PartnerEntity,
    PartnerApiKeyEntity,
    ProgramEntity,
    ProgramTierLevelEntity,
    EnrollmentEntity,
    PartnerProductEntity,
    CommissionRuleEntity,
    TierAssignmentEntity,
    LedgerEntryEntity,
    StatementEntity,
  ],
  migrations: [Initial1764288000000, LedgerRecommendationSeq1765500000000],
  createApp(runtime) {
    const services = createServices(runtime.db.dataSource, runtime);
    return createSubgraphApp(runtime, {
      schema,
      context: ({ principal }) => createContext(runtime, services, principal),
      consumers: [
        batchEventConsumer({ group: `partners-${ledgerConsumer}`, from: 'beginning', types: consumedEventTypes, handleBatch: (events) => services.ledger.handleBatch(events) }),
      ],
      jobs: [{ name: 'scheduled tier recompute', everyMs: tierRecomputeIntervalMs, run: () => services.tiers.recomputeAll() }],
    });
  },
};
