import type { AuditEntry } from '@cip/platform';

export interface AuditExport {
  format: 'CSV' | 'JSON_LINES';
  entries: number;
  content: string;
}

const csvColumns = [
  'chain', 'seq', 'id', 'occurredAt', 'actorKind', 'actorId', 'orgId', 'shopId', 'type', 'operation', 'targetIds',
  'inputDigest', 'outcome', 'errorCode', 'requestId', 'traceId', 'clientAddress', 'userAgent', 'prevHash', 'hash', 'details',
] as const satisfies readonly (keyof AuditEntry)[];

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Entries as an auditor takes them: every field, hashes included, so the copy can be verified on its own. */
export function auditExport(format: AuditExport['format'], entries: AuditEntry[]): AuditExport {
  const content =
    format === 'CSV'
      ? [csvColumns.join(','), ...entries.map((entry) => csvColumns.map((column) => csvCell(entry[column])).join(','))].join('\r\n') + '\r\n'
      : entries.map((entry) => JSON.stringify(entry)).join('\n') + (entries.length > 0 ? '\n' : '');
  return { format, entries: entries.length, content };
}
