const numberLike = /^[-+]?[\d,.]+\s*(ms|s|%|×|req\/s)?$|^—$/;

/** A GitHub-flavoured markdown table; columns of numbers (formatted or not) are right-aligned. */
export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number' || numberLike.test(String(row[column]))));
  const cell = (value: string | number) => String(value).replace(/\|/g, '\\|');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${numeric.map((right) => (right ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** A number rounded for reading: `digits` decimals, thousands separated. */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatMs(value: number): string {
  return `${formatNumber(value, value < 10 ? 1 : 0)} ms`;
}

/** A scenario's section: a level-2 heading, then the body. run.ts adds the machine line under the heading. */
export function section(title: string, ...parts: string[]): string {
  return [`## ${title}`, ...parts].join('\n\n');
}
