const functions = new Set([
  'abs', 'absent', 'avg', 'avg_over_time', 'bottomk', 'by', 'ceil', 'clamp_max', 'clamp_min', 'count', 'count_over_time', 'delta', 'deriv',
  'floor', 'group_left', 'group_right', 'histogram_quantile', 'humanize', 'idelta', 'ignoring', 'increase', 'irate', 'label_replace', 'max',
  'max_over_time', 'min', 'min_over_time', 'offset', 'on', 'or', 'and', 'unless', 'quantile', 'rate', 'round', 'scalar', 'sort', 'sort_desc',
  'stddev', 'sum', 'sum_over_time', 'time', 'topk', 'vector', 'without', 'bool', 'inf', 'nan',
]);

/** The metric names a PromQL expression reads (label matchers, strings, durations and functions aside). */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = stripped.slice(match.index! + match[0].length).trimStart();
    if (after.startsWith('(') || functions.has(match[0])) continue;
    names.add(match[0]);
  }
  return [...names];
}

/**
 * The metric names a Prometheus text exposition exports: every sample's, and every declared metric's (a
 * counter of failures that has not failed yet is declared with no sample), histogram and summary series included.
 */
export function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const declared = line.match(/^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)/);
    if (declared) {
      const [, name, type] = declared;
      names.add(name);
      if (type === 'histogram') for (const suffix of ['_bucket', '_count', '_sum']) names.add(name + suffix);
      if (type === 'summary') for (const suffix of ['_count', '_sum']) names.add(name + suffix);
    } else if (line && !line.startsWith('#')) {
      names.add(line.match(/^[a-zA-Z_:][a-zA-Z0-9_:]*/)![0]);
    }
  }
  return names;
}
