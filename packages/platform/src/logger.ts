import pino, { type DestinationStream } from 'pino';
import { redactFields, redactText } from './observability/redaction';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const rank: Record<LogLevel | 'silent', number> = { debug: 20, info: 30, warn: 40, error: 50, silent: Infinity };

/** Set by the dynamic setting `platform.log-level`: every logger of the process follows it over its own level. */
let processLevel: LogLevel | 'silent' | undefined;

/** Every logger of this process logs at `level` from now on; undefined returns each to the level it was created with. */
export function setProcessLogLevel(level: LogLevel | 'silent' | undefined): void {
  processLevel = level;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/**
 * Structured JSON lines (pino) on stderr, one per event, so log shippers need no parsing rules:
 * `{"level":"info","time":"…","service":"…","trace_id":"…","span_id":"…","msg":"…",…}`. Tokens, secrets
 * and personal data are redacted from every field and message before a line is written.
 */
export function createLogger(level: LogLevel | 'silent', base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const root = pino(
    {
      level: 'debug',
      base: null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactFields(bindings),
        log: (fields) => redactFields(fields),
      },
    },
    destination ?? pino.destination({ fd: 2, sync: true }),
  );
  return wrap(Object.keys(base).length > 0 ? root.child(base) : root, level);
}

function wrap(logger: pino.Logger, level: LogLevel | 'silent'): Logger {
  const at = (wanted: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (rank[wanted] >= rank[processLevel ?? level]) logger[wanted](fields ?? {}, redactText(message));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => wrap(logger.child(fields), level),
  };
}
