import type { Logger } from '../logger';
import { isShuttingDown } from '../server/http';

/** PostgreSQL's `admin_shutdown`: the server is stopping (a restart, a failover) or an administrator ended the session. */
const adminShutdown = '57P01';

/**
 * Reports a lost LISTEN connection or a failed background statement: at info, without a stack, when this process is shutting down (the
 * terminal's Ctrl-C reaches the embedded database too, which stops first) or the server said it ended
 * the session; at `level` otherwise.
 */
export function reportDatabaseFailure(logger: Logger, level: 'warn' | 'error', message: string, error: Error, fields: Record<string, unknown> = {}): void {
  if (isShuttingDown() || (error as Error & { code?: string }).code === adminShutdown) logger.info(`${message}: the database ended the connection`, fields);
  else logger[level](message, { ...fields, error });
}
