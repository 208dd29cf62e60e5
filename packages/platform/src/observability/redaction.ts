/** Field names whose values never reach a log line, at any depth (compared without case, `-` or `_`). */
const sensitiveKey = /authorization|cookie|password|passphrase|secret|token|apikey|privatekey|credential|email|phone|mobile/;

const redacted = '[REDACTED]';

/** Credentials and personal data that turn up inside free text: error messages, SQL details, URLs. */
const sensitiveText: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [REDACTED]'],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[REDACTED_TOKEN]'],
  [/\bwhsec_[A-Za-z0-9+/=]+/g, '[REDACTED_SECRET]'],
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, '$1[REDACTED]@'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '[REDACTED_EMAIL]'],
  [/\+\d[\d\s().-]{7,}\d/g, '[REDACTED_PHONE]'],
  [/\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b|\b\d{3}[.-]\d{3}[.-]\d{4}\b/g, '[REDACTED_PHONE]'],
];

const maxDepth = 8;

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of sensitiveText) result = result.replace(pattern, replacement);
  return result;
}

export function isSensitiveKey(key: string): boolean {
  return sensitiveKey.test(key.replace(/[-_]/g, '').toLowerCase());
}

/** A copy of `fields` safe to log: sensitive keys masked, free text scrubbed, errors flattened to type, message, code and stack. */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactValue(fields, 0) as Record<string, unknown>;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxDepth) return '[TRUNCATED]';
  if (value instanceof Error) return redactValue(flattenError(value), depth);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Date || value instanceof URL) return redactText(value instanceof URL ? value.href : value.toISOString());
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = isSensitiveKey(key) && item !== undefined && item !== null ? redacted : redactValue(item, depth + 1);
  }
  return result;
}

function flattenError(error: Error): Record<string, unknown> {
  const { code, cause } = error as Error & { code?: unknown; cause?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(code !== undefined ? { code } : {}),
    stack: error.stack,
    ...(cause instanceof Error ? { cause: flattenError(cause) } : {}),
  };
}
