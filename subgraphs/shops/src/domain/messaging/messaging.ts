import type { SubgraphRuntime } from '@cip/platform';
import { Outbound } from './outbound';
import { MessageReactions } from './reactions';
import { Scheduler } from './scheduler';
import { MessageSetup } from './settings';
import { transportsFrom, type Transports } from './transports';

/** Customer messaging, built once per process: the event reactions, the job scheduler and the shop's setup. */
export function createMessaging(runtime: SubgraphRuntime, transports: Transports = transportsFrom(runtime.config)) {
  const outbound = new Outbound(runtime, transports);
  const reactions = new MessageReactions(runtime, outbound);
  const scheduler = new Scheduler(runtime, {
    deliver: (job, now) => outbound.deliver(job, now),
    reminder: (job, now) => reactions.remind(job, now),
    follow_up: (job, now) => reactions.followUp(job, now),
  });
  return { reactions, scheduler, setup: new MessageSetup(runtime.db.dataSource) };
}

export type Messaging = ReturnType<typeof createMessaging>;
