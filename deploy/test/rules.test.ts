import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { render, repoRoot } from './support/manifests';

/** Debian's promtool (`apt-get install prometheus`; .ci/run installs it when missing). */
const promtool = (...args: string[]) => execFileSync('/usr/bin/promtool', args, { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });

/** The rule groups the cluster would load, from the rendered overlay's PrometheusRule, as a plain rule file. */
function ruleFile(): string {
  const rule = render('overlays/us-east-1').find((object) => object.kind === 'PrometheusRule' && object.metadata.name === 'cip-slo');
  if (!rule) throw new Error('the overlay renders no PrometheusRule cip-slo');
  const dir = mkdtempSync(join(tmpdir(), 'cip-rules-'));
  writeFileSync(join(dir, 'rules.yaml'), stringify({ groups: rule.spec.groups }));
  copyFileSync(`${repoRoot}deploy/monitoring/tests/slo.test.yaml`, join(dir, 'slo.test.yaml'));
  return dir;
}

describe('the SLO and saturation rules', () => {
  const dir = ruleFile();

  it('pass promtool check rules', () => {
    expect(promtool('check', 'rules', join(dir, 'rules.yaml'))).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('pass the promtool unit tests: fast burn fires on a synthetic error series and stays quiet on a healthy one', () => {
    expect(promtool('test', 'rules', join(dir, 'slo.test.yaml'))).toContain('SUCCESS');
  });

  it('alert on both windows of each burn rate for availability 99.9 % and latency p99 < 500 ms', () => {
    const rule = render('overlays/us-east-1').find((object) => object.kind === 'PrometheusRule')!;
    const alerts = new Map<string, string>(rule.spec.groups.flatMap((group: any) => group.rules.filter((r: any) => r.alert).map((r: any) => [r.alert, r.expr])));
    expect(alerts.get('CipAvailabilityFastBurn')).toMatch(/ratio_rate1h > \(14\.4 \* 0\.001\) and .*ratio_rate5m > \(14\.4 \* 0\.001\)/);
    expect(alerts.get('CipAvailabilitySlowBurn')).toMatch(/ratio_rate6h > \(6 \* 0\.001\) and .*ratio_rate30m > \(6 \* 0\.001\)/);
    expect(alerts.get('CipLatencyFastBurn')).toMatch(/slow:ratio_rate1h > \(14\.4 \* 0\.01\) and .*slow:ratio_rate5m > \(14\.4 \* 0\.01\)/);
    expect(alerts.get('CipLatencySlowBurn')).toMatch(/slow:ratio_rate6h > \(6 \* 0\.01\) and .*slow:ratio_rate30m > \(6 \* 0\.01\)/);
    for (const saturation of ['CipEventConsumerLagging', 'CipDatabasePoolWaiting', 'CipMemoryNearLimit']) expect(alerts.has(saturation), saturation).toBe(true);
  });
});
