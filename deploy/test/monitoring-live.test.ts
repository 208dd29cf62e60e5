import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { subgraphNames } from '@cip/platform';
import { createTestDatabase, freePort, type TestDatabase } from '@cip/platform/testing';
import { render, repoRoot } from './support/manifests';
import { exportedNames, metricNames } from './support/promql';

/**
 * `npm start` (every service, on free ports, against the test database) scraped by Debian's Prometheus with
 * the rules the cluster loads: recording rules must produce values, and every dashboard query must name
 * only metrics the services export or the rules record.
 */
const names = [...subgraphNames, 'gateway'] as const;
let database: TestDatabase;
let platform: ChildProcess;
let prometheus: ChildProcess;
let prometheusUrl: string;
let gatewayUrl: string;
let ports: Record<string, number>;
let output = '';
const rules = render('overlays/us-east-1').find((object) => object.kind === 'PrometheusRule')!;
const recorded = new Set<string>(rules.spec.groups.flatMap((group: any) => group.rules.filter((rule: any) => rule.record).map((rule: any) => rule.record)));

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

async function instant(query: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as { status: string; error?: string; data: { result: any[] } };
  if (body.status !== 'success') throw new Error(`${query}: ${body.error}`);
  return body.data.result;
}

async function scrapeAll(): Promise<Set<string>> {
  const all = new Set<string>();
  for (const name of names) for (const metric of exportedNames(await (await fetch(`http://127.0.0.1:${ports[name]}/metrics`)).text())) all.add(metric);
  return all;
}

/** A signed-in demo owner's federated query, the kind of traffic the SLO counts. */
async function traffic(token: string) {
  const today = new Date().toISOString().slice(0, 10);
  const result = await graphql(
    `query Dashboard($from: String!, $to: String!) { shops { name inspections(first: 5) { nodes { status vehicle { vin } } } metrics(range: { from: $from, to: $to }) { totals { inspectionsStarted } } programs { program { name } } } }`,
    { from: today, to: today },
    token,
  );
  expect(result.errors).toBeUndefined();
}

beforeAll(async () => {
  database = await createTestDatabase('prometheus');
  ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const)));
  const dataDir = mkdtempSync(join(tmpdir(), 'cip-prometheus-'));
  platform = spawn('npm', ['start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      BUS_NAMESPACE: `prom_${randomBytes(4).toString('hex')}`,
      PORT: String(ports.gateway),
      ...Object.fromEntries(subgraphNames.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  platform.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  platform.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  await vi.waitFor(() => expect(output).toContain('is running'), { timeout: 300_000, interval: 500 });

  const promDir = join(dataDir, 'prometheus');
  mkdirSync(promDir);
  writeFileSync(join(promDir, 'rules.yaml'), stringify({ groups: rules.spec.groups }));
  writeFileSync(
    join(promDir, 'prometheus.yml'),
    stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: ['rules.yaml'],
      // As the ServiceMonitor does: the services' own labels win, `service` names the process's service.
      scrape_configs: [{ job_name: 'cip', honor_labels: true, static_configs: names.map((name) => ({ targets: [`127.0.0.1:${ports[name]}`], labels: { service: name } })) }],
    }),
  );
  const promPort = await freePort();
  prometheusUrl = `http://127.0.0.1:${promPort}`;
  prometheus = spawn('/usr/bin/prometheus', [`--config.file=${join(promDir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(promDir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`], { stdio: 'ignore' });
  await vi.waitFor(async () => expect((await fetch(`${prometheusUrl}/-/ready`)).status).toBe(200), { timeout: 60_000, interval: 500 });
});

afterAll(async () => {
  prometheus?.kill('SIGTERM');
  if (platform?.pid) process.kill(-platform.pid, 'SIGINT');
  await new Promise((resolve) => (platform?.exitCode !== null ? resolve(null) : platform.once('exit', resolve)));
  await database?.drop();
});

describe('Prometheus scraping npm start', () => {
  it('scrapes every service and the recording rules produce values', async () => {
    const email = output.match(/Demo login:\s+(\S+) \/ (\S+)/);
    expect(email, output.slice(-2000)).not.toBeNull();
    const login = await graphql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email![1], p: email![2] });
    const token = login.data.login.accessToken as string;

    await vi.waitFor(
      async () => {
        const up = await instant('up');
        expect(up.filter((sample) => sample.value[1] === '1').map((sample) => sample.metric.service).sort()).toEqual([...names].sort());
      },
      { timeout: 60_000, interval: 1_000 },
    );
    // Keep requests coming until the 5-minute windows hold at least two scrapes with an increase.
    await vi.waitFor(
      async () => {
        await traffic(token);
        const requests = await instant('cip:gateway_requests:rate5m');
        expect(Number(requests[0]?.value[1])).toBeGreaterThan(0);
        const errors = await instant('cip:gateway_errors:ratio_rate5m');
        expect(errors.map((sample) => Number(sample.value[1]))).toEqual([0]);
        const p99 = await instant('cip:gateway_latency_seconds:p99_rate5m');
        expect(Number(p99[0]?.value[1])).toBeGreaterThan(0);
        const slow = await instant('cip:gateway_slow:ratio_rate5m');
        expect(Number.isFinite(Number(slow[0]?.value[1]))).toBe(true);
        const subgraphs = await instant('cip:subgraph_requests:rate5m');
        expect(subgraphs.map((sample) => sample.metric.service).sort()).toEqual(expect.arrayContaining(['analytics', 'inspections', 'partners', 'shops']));
        const latency = await instant('cip:subgraph_latency_seconds:p99_rate5m');
        expect(latency.some((sample) => Number(sample.value[1]) > 0)).toBe(true);
      },
      { timeout: 120_000, interval: 2_000 },
    );
    const rulesLoaded = (await (await fetch(`${prometheusUrl}/api/v1/rules`)).json()) as { data: { groups: { rules: { health: string; name: string }[] }[] } };
    const unhealthy = rulesLoaded.data.groups.flatMap((group) => group.rules).filter((rule) => rule.health !== 'ok');
    expect(unhealthy).toEqual([]);
  }, 300_000);

  it('has every dashboard query name only metrics a scrape exports or a rule records, and every query runs', async () => {
    // Events flowed (the demo seed, the traffic above): the consumer metrics have samples by now.
    await vi.waitFor(async () => expect(await scrapeAll()).toContain('cip_event_delivery_lag_seconds_count'), { timeout: 60_000, interval: 1_000 });
    const exported = await scrapeAll();
    const dir = `${repoRoot}deploy/monitoring/dashboards`;
    const unknown: string[] = [];
    let queries = 0;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const dashboard = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
      for (const panel of dashboard.panels) {
        for (const { expr } of panel.targets) {
          queries++;
          for (const name of metricNames(expr)) if (!exported.has(name) && !recorded.has(name)) unknown.push(`${file} "${panel.title}": ${name}`);
          await instant(expr);
        }
      }
    }
    expect(queries).toBeGreaterThan(20);
    expect(unknown).toEqual([]);
    // And the rules themselves read only exported metrics.
    const ruleUnknown = rules.spec.groups
      .flatMap((group: any) => group.rules)
      .flatMap((rule: any) => metricNames(rule.expr).filter((name) => !exported.has(name) && !recorded.has(name)).map((name) => `${rule.record ?? rule.alert}: ${name}`));
    expect(ruleUnknown).toEqual([]);
  }, 120_000);
});
