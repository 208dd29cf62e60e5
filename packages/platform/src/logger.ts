import pino, { type DestinationStream } from 'pino';
import { redactFields, redactText } from './observability/redaction';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

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
      level,
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
  return wrap(Object.keys(base).length > 0 ? root.child(base) : root);
}

function wrap(logger: pino.Logger): Logger {
  const at = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (logger.isLevelEnabled(level)) logger[level](fields ?? {}, redactText(message));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => wrap(logger.child(fields)),
  };
}
