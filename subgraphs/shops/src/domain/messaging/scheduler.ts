import type { Logger, SubgraphRuntime } from '@cip/platform';
import { ScheduledJobRepository, type JobKind, type ScheduledJob } from '../../data/scheduled-job';

/** A job claimed this long ago and not finished is due again: its process died. */
const leaseMs = 5 * 60_000;
/** A job whose handler keeps throwing (a bug, not a failed delivery) is given up after this many runs. */
const maxRuns = 10;

export type JobHandlers = Record<JobKind, (job: ScheduledJob, now: Date) => Promise<void>>;

/**
 * Runs the jobs of `shops.scheduled_job` that are due. Time is passed in, never read here: the app's
 * poller passes the wall clock, tests pass the instant they want to be at. Jobs are claimed one at a
 * time with `FOR UPDATE SKIP LOCKED`, so any number of processes share the table without running a job twice.
 */
export class Scheduler {
  private readonly jobs = new ScheduledJobRepository();

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly handlers: JobHandlers,
    private readonly logger: Logger = runtime.logger,
  ) {}

  /** Runs every job due at `now`, including those the runs themselves make due; returns how many ran. */
  async runDue(now: Date, control: { stopping(): boolean } = { stopping: () => false }): Promise<number> {
    let ran = 0;
    while (!control.stopping()) {
      const job = await this.runtime.db.dataSource.transaction((manager) => this.jobs.claim(manager, now, leaseMs));
      if (!job) break;
      ran++;
      try {
        await this.handlers[job.kind](job, now);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error('scheduled job failed; it runs again after its lease', { jobId: job.id, kind: job.kind, runs: job.runs, error });
        await this.runtime.db.dataSource.transaction((manager) =>
          job.runs >= maxRuns ? this.jobs.finish(manager, job.id, 'FAILED', now, message) : this.jobs.reschedule(manager, job.id, new Date(now.getTime() + leaseMs), message),
        );
      }
    }
    return ran;
  }
}
