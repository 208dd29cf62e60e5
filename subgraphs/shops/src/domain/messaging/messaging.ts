import type { SubgraphRuntime } from '@cip/platform';
import { SecurityAlertMail } from '../security-alerts';
import { Outbound } from './outbound';
import { MessageReactions } from './reactions';
import { Scheduler } from './scheduler';
import { MessageSetup } from './settings';
import { transportsFrom, type Transports } from './transports';

/** Messaging, built once per process: the customer-message reactions, the owners' security alerts, the job scheduler and the shop's setup. */
export function createMessaging(runtime: SubgraphRuntime, transports: Transports = transportsFrom(runtime.config)) {
  const outbound = new Outbound(runtime, transports);
  const reactions = new MessageReactions(runtime, outbound);
  const alerts = new SecurityAlertMail(runtime, transports);
  const scheduler = new Scheduler(runtime, {
    deliver: (job, now) => outbound.deliver(job, now),
    reminder: (job, now) => reactions.remind(job, now),
    follow_up: (job, now) => reactions.followUp(job, now),
    staff_message: (job, now) => alerts.deliver(job, now),
  });
  return { reactions, alerts, scheduler, setup: new MessageSetup(runtime.db.dataSource) };
}

export type Messaging = ReturnType<typeof createMessaging>;
