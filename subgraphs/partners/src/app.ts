import { runtimeReadiness, consumeEvents, createSubgraphYoga, type BusSubscription, type SubgraphDefinition } from '@cip/platform';
import { createContext, createServices } from './context';
import { LedgerEntryEntity, StatementEntity } from './data/ledger';
import { PartnerApiKeyEntity, PartnerEntity } from './data/partner';
import { PartnerProductEntity } from './data/product';
import { EnrollmentEntity, ProgramEntity, ProgramTierLevelEntity } from './data/program';
import { CommissionRuleEntity } from './data/rule';
import { TierAssignmentEntity } from './data/tier-assignment';
import { consumedEventTypes, ledgerConsumer } from './domain/ledger';
import { Initial1764288000000 } from './migrations/1764288000000-initial';
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
  migrations: [Initial1764288000000],
  createApp(runtime) {
    const services = createServices(runtime.db.dataSource, runtime);
    const yoga = createSubgraphYoga({
      name: 'partners',
      schema,
      verifier: runtime.verifier,
      logger: runtime.logger,
      tracerProvider: runtime.tracerProvider,
      context: ({ principal }) => createContext(runtime, services, principal),
      ready: () => runtimeReadiness(runtime),
    });
    let subscription: BusSubscription | undefined;
    let timer: NodeJS.Timeout | undefined;
    let recomputing: Promise<void> | undefined;

    return {
      yoga,
      async start() {
        subscription = await consumeEvents(
          runtime.bus,
          { group: `partners-${ledgerConsumer}`, from: 'beginning', types: consumedEventTypes, logger: runtime.logger },
          async (event) => void (await services.ledger.handle(event)),
        );
        timer = setInterval(() => {
          recomputing ??= services.tiers
            .recomputeAll()
            .then(() => undefined)
            .catch((error) => runtime.logger.error('scheduled tier recompute failed', { error }))
            .finally(() => (recomputing = undefined));
        }, tierRecomputeIntervalMs);
        timer.unref();
      },
      async stop() {
        if (timer) clearInterval(timer);
        await recomputing;
        await subscription?.close();
      },
    };
  },
};
