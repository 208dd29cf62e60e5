import { appError, ErrorCode } from '@cip/platform';
import type { InspectionStatus } from '../data/inspection';

const next: Record<InspectionStatus, InspectionStatus | null> = {
  DRAFT: 'IN_PROGRESS',
  IN_PROGRESS: 'COMPLETED',
  COMPLETED: 'SENT',
  SENT: 'CLOSED',
  CLOSED: null,
};

/** Refuses any move but the one step forward the status flow allows. */
export function assertTransition(from: InspectionStatus, to: InspectionStatus): void {
  if (next[from] !== to) {
    throw appError(ErrorCode.INVALID_TRANSITION, `An inspection that is ${from} cannot become ${to}${next[from] ? `; it can only become ${next[from]}` : ''}.`, {
      from,
      to,
    });
  }
}

/** Refuses an action that needs the inspection in one of `allowed` statuses. */
export function assertStatus(status: InspectionStatus, allowed: readonly InspectionStatus[], action: string): void {
  if (!allowed.includes(status)) {
    throw appError(ErrorCode.INVALID_TRANSITION, `Cannot ${action} while the inspection is ${status}; it must be ${allowed.join(' or ')}.`, { status });
  }
}
