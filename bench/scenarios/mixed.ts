import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { openDatabase } from '@cip/platform';
import { createServices as createPartnerServices, partnersSubgraph } from '@cip/partners';
import { inBatches, mustRequest } from '../support/client';
import { measureCpu } from '../support/cpu';
import { deadUrl, seedVehicles, seededResults } from '../support/inspections';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { login, seedOrganization, type SeededData, type SeededShop } from '../support/seed';
import { pidOf, startServices, type RunningServices } from '../support/services';
import { benchSettings } from '../support/settings';
import {
  callOperation,
  closeVirtualUserConnections,
  OperationRecorder,
  pick,
  publishedOperations,
  think,
  type PublishedOperation,
} from '../support/virtual-users';

/** Per operation class, the issue's targets. */
const targetP99Ms = 500;
const targetErrorRate = 0.001;

const processes = ['gateway', 'shops', 'inspections', 'vehicles', 'partners', 'analytics'] as const;
type Process = (typeof processes)[number];

/** Shares of the users by role; the rest of 1 are technicians. */
const shares = { owner: 0.1, advisor: 0.2, customer: 0.25, partner: 0.1 } as const;
const partnersCount = 5;

/**
 * Think times in seconds (uniform between the two bounds): a dashboard refreshed every half minute, an advisor
 * reading and pricing every few seconds, a technician recording an item every 5–15 s at the car, a customer
 * reading the report before each decision, a partner's integration polling every minute or so.
 */
const thinkSeconds = {
  owner: [15, 30],
  advisor: [5, 15],
  technician: [5, 15],
  customer: [5, 20],
  customerBetweenVisits: [30, 90],
  partner: [30, 90],
} as const;

interface Settings {
  users: number;
  seconds: number;
  rampSeconds: number;
  shops: number;
}

function mixedSettings(env = process.env): Settings {
  const positive = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${env[name]}"`);
    return value;
  };
  const seconds = positive('BENCH_MIXED_SECONDS', 300);
  return {
    users: Math.round(positive('BENCH_MIXED_USERS', 1_000)),
    seconds,
    rampSeconds: positive('BENCH_MIXED_RAMP_SECONDS', Math.min(60, Math.max(5, Math.round(seconds / 5)))),
    shops: Math.round(positive('BENCH_MIXED_SHOPS', 20)),
  };
}

/**
 * How many customers each customer user is in turn: a visit (the link opened, the report read, two or three
 * decisions 5–20 s apart) and the wait for the next customer (30–90 s) take about 100 s, so one more than fits in
 * the run keeps customers coming to its end.
 */
function customerVisits(settings: Settings): number {
  return Math.ceil((settings.rampSeconds + settings.seconds) / 100) + 1;
}

/** The user counts per role for `users` in all. */
function roleCounts(users: number) {
  const owners = Math.max(1, Math.round(users * shares.owner));
  const advisors = Math.max(1, Math.round(users * shares.advisor));
  const customers = Math.max(1, Math.round(users * shares.customer));
  const partners = Math.max(1, Math.round(users * shares.partner));
  return { owners, advisors, customers, partners, technicians: Math.max(1, users - owners - advisors - customers - partners) };
}

interface Seeded {
  orgs: SeededData[];
  /** Each shop with the organization it belongs to. */
  shops: { org: SeededData; shop: SeededShop }[];
  /** An IN_PROGRESS inspection per technician user, with the technician account's e-mail. */
  technicianWork: { inspectionId: string; email: string }[];
  /** A COMPLETED inspection with unpriced recommendations per advisor user. */
  advisorWork: { inspectionId: string; shopId: string; email: string }[];
  /**
   * Per customer user, the link tokens of the SENT inspections it visits in turn: once a customer has decided
   * everything, the next one arrives, so customers keep coming for the whole run as they do at a shop.
   */
  customerWork: { tokens: string[] }[];
  /** A key of one of the partners per partner user. */
  partnerKeys: { secret: string; partnerId: string }[];
}

const periodOf = (date: Date) => date.toISOString().slice(0, 7);

/**
 * The seed's scale, `BENCH_MIXED_USERS` (1,000) people at once for `BENCH_MIXED_SECONDS` (300) with think
 * times, every request through the gateway with each service in a process of its own: owners on dashboards
 * (organization metrics and the shop board, with live metrics and board updates over graphql-ws), advisors
 * listing and pricing, technicians recording items, customers opening their links and deciding, partners'
 * integrations polling their shops and statements with API keys. Every HTTP request sends a published
 * operation by its hash, as the apps and partners do.
 */
export async function run(): Promise<string> {
  const settings = mixedSettings();
  const counts = roleCounts(settings.users);
  const operations = publishedOperations();
  const op = (name: string): PublishedOperation => {
    const found = operations.get(name);
    if (!found) throw new Error(`no published operation named ${name}`);
    return found;
  };
  const services = await startServices({ env: { VPIC_BASE_URL: await deadUrl() }, nodeArgs: benchSettings().nodeArgs });
  const sockets: Client[] = [];
  try {
    const seeded = await seed(services, settings, counts);
    const sessions = await signIn(services.gatewayUrl, seeded, counts);
    const recorder = new OperationRecorder();
    const gatewayUrl = services.gatewayUrl;
    const startedAt = Date.now();
    const measuredFrom = startedAt + settings.rampSeconds * 1000;
    const until = measuredFrom + settings.seconds * 1000;
    recorder.measureBetween(measuredFrom, until);
    const live = { connections: 0, failed: 0, events: 0, errors: 0 };
    const range = { from: new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
    const period = periodOf(new Date());
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    const owner = async (token: string, org: SeededData) => {
      const shop = pick(org.shops);
      const client = createClient({
        url: gatewayUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: bearer(token),
        onNonLazyError: () => void live.failed++,
      });
      sockets.push(client);
      live.connections++;
      for (const [name, variables] of [['ShopMetricsLive', { shopId: shop.id }], ['InspectionUpdates', { shopId: shop.id }]] as const) {
        client.subscribe(
          { query: op(name).text, variables },
          {
            next: (result) => {
              if (Date.now() < measuredFrom || Date.now() >= until) return;
              if (result.errors?.length) live.errors++;
              else live.events++;
            },
            error: () => void (Date.now() < until && live.errors++),
            complete: () => undefined,
          },
        );
      }
      while (Date.now() < until) {
        await callOperation(gatewayUrl, recorder, 'owner · OrganizationDashboard', { operation: op('OrganizationDashboard'), variables: { range, rankBy: 'APPROVED_REVENUE' }, headers: bearer(token) });
        await think(...thinkSeconds.owner, until);
        if (Date.now() >= until) break;
        await callOperation(gatewayUrl, recorder, 'owner · ShopBoard', { operation: op('ShopBoard'), variables: { shopId: pick(org.shops).id }, headers: bearer(token) });
        await think(...thinkSeconds.owner, until);
      }
    };

    const advisor = async (token: string, work: Seeded['advisorWork'][number]) => {
      while (Date.now() < until) {
        await callOperation(gatewayUrl, recorder, 'advisor · ShopBoard', { operation: op('ShopBoard'), variables: { shopId: work.shopId }, headers: bearer(token) });
        await think(...thinkSeconds.advisor, until);
        if (Date.now() >= until) break;
        const read = await callOperation<{ inspection: { recommendations: { id: string }[] } }>(gatewayUrl, recorder, 'advisor · InspectionRecommendations', {
          operation: op('InspectionRecommendations'),
          variables: { id: work.inspectionId },
          headers: bearer(token),
        });
        await think(...thinkSeconds.advisor, until);
        const recommendation = read?.inspection.recommendations.length ? pick(read.inspection.recommendations) : null;
        if (!recommendation || Date.now() >= until) continue;
        await callOperation(gatewayUrl, recorder, 'advisor · UpdateRecommendation', {
          operation: op('UpdateRecommendation'),
          variables: { id: recommendation.id, input: { partsCents: 5_000 + Math.floor(Math.random() * 40_000), laborHours: Math.round(Math.random() * 30) / 10 + 0.5, quantity: 1 + Math.floor(Math.random() * 4) } },
          headers: bearer(token),
        });
        await think(...thinkSeconds.advisor, until);
      }
    };

    const technician = async (token: string, work: Seeded['technicianWork'][number]) => {
      let recorded = 0;
      while (Date.now() < until) {
        if (recorded % 4 === 0) {
          await callOperation(gatewayUrl, recorder, 'technician · InspectionSheet', { operation: op('InspectionSheet'), variables: { id: work.inspectionId }, headers: bearer(token) });
          await think(...thinkSeconds.technician, until);
          if (Date.now() >= until) break;
        }
        await callOperation(gatewayUrl, recorder, 'technician · RecordItemResults', {
          operation: op('RecordItemResults'),
          variables: { inspectionId: work.inspectionId, results: [randomResult()] },
          headers: bearer(token),
        });
        recorded++;
        await think(...thinkSeconds.technician, until);
      }
    };

    const customer = async (work: Seeded['customerWork'][number]) => {
      for (const token of work.tokens) {
        await visit(token);
        await think(...thinkSeconds.customerBetweenVisits, until);
      }
    };
    /** One customer's link, opened and reopened until every recommendation is decided or the run ends. */
    const visit = async (token: string) => {
      while (Date.now() < until) {
        const opened = await callOperation<{ openSharedInspection: { accessToken: string; inspection: { id: string } } }>(gatewayUrl, recorder, 'customer · OpenSharedInspection', {
          operation: op('OpenSharedInspection'),
          variables: { token },
        });
        await think(...thinkSeconds.customer, until);
        if (!opened || Date.now() >= until) continue;
        const headers = bearer(opened.openSharedInspection.accessToken);
        const report = await callOperation<{ inspection: { recommendations: { id: string; decision: string | null }[] } }>(gatewayUrl, recorder, 'customer · CustomerInspection', {
          operation: op('CustomerInspection'),
          variables: { id: opened.openSharedInspection.inspection.id },
          headers,
        });
        const pending = report?.inspection.recommendations.filter((r) => !r.decision) ?? [];
        let decided = 0;
        for (const recommendation of pending) {
          await think(...thinkSeconds.customer, until);
          if (Date.now() >= until) break;
          const answer = await callOperation(gatewayUrl, recorder, 'customer · DecideRecommendation', {
            operation: op('DecideRecommendation'),
            variables: { id: recommendation.id, decision: Math.random() < 0.6 ? 'APPROVED' : 'DECLINED' },
            headers,
          });
          if (answer) decided++;
        }
        // The last decision closes the inspection and ends its link, as in the shop: this customer is done.
        if (report && decided === pending.length) return;
        await think(...thinkSeconds.customerBetweenVisits, until);
      }
    };

    const partner = async (key: Seeded['partnerKeys'][number]) => {
      const headers = { 'x-api-key': key.secret };
      while (Date.now() < until) {
        const profile = await callOperation<{ viewerPartner: { shops: { shop: { id: string } }[] } }>(gatewayUrl, recorder, 'partner · PartnerProfile', {
          operation: op('PartnerProfile'),
          headers,
        });
        await think(...thinkSeconds.partner, until);
        const shops = profile?.viewerPartner.shops ?? [];
        if (!shops.length || Date.now() >= until) continue;
        await callOperation(gatewayUrl, recorder, 'partner · PartnerStatement', {
          operation: op('PartnerStatement'),
          variables: { shopId: pick(shops).shop.id, partnerId: key.partnerId, period },
          headers,
        });
        await think(...thinkSeconds.partner, until);
      }
    };

    const users: (() => Promise<void>)[] = [
      ...sessions.owners.map(({ token, org }) => () => owner(token, org)),
      ...sessions.advisors.map(({ token, work }) => () => advisor(token, work)),
      ...sessions.technicians.map(({ token, work }) => () => technician(token, work)),
      ...seeded.customerWork.map((work) => () => customer(work)),
      ...seeded.partnerKeys.map((key) => () => partner(key)),
    ];
    const running = users.map(async (user, i) => {
      // Users arrive spread over the ramp, in an order that mixes the roles.
      const arrival = ((i * 7919) % users.length) / users.length;
      await new Promise((resolve) => setTimeout(resolve, arrival * settings.rampSeconds * 1000));
      await user();
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, measuredFrom - Date.now())));
    const pids = Object.fromEntries(processes.map((name) => [name, pidOf(services, name)])) as Record<Process, number>;
    const { cpu } = await measureCpu(pids, () => new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now()))));
    await Promise.all(running);
    return report(settings, counts, recorder, cpu, live, seeded);
  } finally {
    await Promise.all(sockets.map((client) => client.dispose()));
    await closeVirtualUserConnections();
    await services.close();
  }
}

const measurable = [
  { itemKey: 'tires.lf_tread', unit: 'INCH_32NDS', min: 2, max: 10 },
  { itemKey: 'tires.rf_tread', unit: 'INCH_32NDS', min: 2, max: 10 },
  { itemKey: 'tires.lr_tread', unit: 'INCH_32NDS', min: 2, max: 10 },
  { itemKey: 'tires.rr_tread', unit: 'INCH_32NDS', min: 2, max: 10 },
  { itemKey: 'brakes.front_pads', unit: 'MILLIMETERS', min: 1, max: 10 },
  { itemKey: 'battery.voltage', unit: 'VOLTS', min: 11.8, max: 12.8 },
];

function randomResult() {
  const item = pick(measurable);
  return { itemKey: item.itemKey, measurement: { value: Math.round((item.min + Math.random() * (item.max - item.min)) * 10) / 10, unit: item.unit } };
}

/**
 * Organizations of 10 shops each (`BENCH_MIXED_SHOPS`, 20 in all) with staff and customers, built through the
 * public mutations; an inspection in the state each user works on (in progress for a technician, completed with
 * recommendations for an advisor, sent for a customer); partners with a program every shop is enrolled in, and a
 * key per partner user issued the way the platform's operators issue them.
 */
async function seed(services: RunningServices, settings: Settings, counts: ReturnType<typeof roleCounts>): Promise<Seeded> {
  const gatewayUrl = services.gatewayUrl;
  const orgsCount = Math.max(1, Math.round(settings.shops / 10));
  const shopsPerOrg = Math.ceil(settings.shops / orgsCount);
  const totalShops = orgsCount * shopsPerOrg;
  const perShop = (n: number) => Math.max(1, Math.ceil(n / totalShops));
  const orgs: SeededData[] = [];
  for (let i = 0; i < orgsCount; i++) {
    orgs.push(
      await seedOrganization(services, {
        shops: shopsPerOrg,
        customersPerShop: Math.max(5, perShop(counts.customers)),
        techniciansPerShop: Math.min(4, perShop(counts.technicians)),
        advisorsPerShop: Math.min(2, perShop(counts.advisors)),
      }),
    );
  }
  const shops = orgs.flatMap((org) => org.shops.map((shop) => ({ org, shop })));
  const vehicles = await inBatches(shops, 2, ({ org, shop }) => seedVehicles(gatewayUrl, shop, org.ownerToken));

  const start = async (index: number) => {
    const { org, shop } = shops[index % shops.length];
    const technician = shop.technicians[index % shop.technicians.length];
    const vehicle = vehicles[index % shops.length][Math.floor(index / shops.length) % vehicles[index % shops.length].length];
    const started = await mustRequest<{ startInspection: { id: string } }>(
      gatewayUrl,
      `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
      { input: { shopId: shop.id, ...vehicle, templateId: 'tpl_standard', technicianId: technician.id } },
      org.ownerToken,
    );
    const id = started.startInspection.id;
    await mustRequest(gatewayUrl, `mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`, { id, results: seededResults }, org.ownerToken);
    return { id, org, shop, technician };
  };
  const complete = async (index: number) => {
    const started = await start(index);
    await mustRequest(gatewayUrl, `mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: started.id }, started.org.ownerToken);
    return started;
  };
  const technicianWork = await inBatches(Array.from({ length: counts.technicians }, (_, i) => i), 8, async (i) => {
    const started = await start(i);
    return { inspectionId: started.id, email: started.technician.email };
  });
  const advisorWork = await inBatches(Array.from({ length: counts.advisors }, (_, i) => i), 8, async (i) => {
    const completed = await complete(i);
    return { inspectionId: completed.id, shopId: completed.shop.id, email: completed.shop.advisors[i % completed.shop.advisors.length].email };
  });
  const visits = customerVisits(settings);
  const sentTokens = await inBatches(Array.from({ length: counts.customers * visits }, (_, i) => i), 8, async (i) => {
    const completed = await complete(i);
    // Sent by the shop's advisors, as in the shop: one account may send 100 reports in 10 minutes.
    const advisor = completed.shop.advisors[i % completed.shop.advisors.length];
    const sent = await mustRequest<{ sendInspection: { token: string } }>(gatewayUrl, `mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: completed.id }, advisor.token);
    return sent.sendInspection.token;
  });
  const customerWork = Array.from({ length: counts.customers }, (_, user) => ({ tokens: sentTokens.filter((_, i) => i % counts.customers === user) }));
  return { orgs, shops, technicianWork, advisorWork, customerWork, partnerKeys: await seedPartners(services, shops, counts.partners) };
}

/** Partners with a program each, every shop enrolled in every program by its owner, and `keys` keys spread over the partners. */
async function seedPartners(services: RunningServices, shops: Seeded['shops'], keys: number): Promise<Seeded['partnerKeys']> {
  const { dataSource } = await openDatabase({
    url: services.database.url,
    schema: 'partners',
    entities: partnersSubgraph.entities,
    migrations: partnersSubgraph.migrations,
    applicationName: 'bench-partners-admin',
  });
  try {
    const svc = createPartnerServices(dataSource);
    const partners: { partnerId: string; programId: string }[] = [];
    for (let i = 0; i < Math.min(partnersCount, keys); i++) {
      const partner = await svc.programs.createPartner({ name: `Bench Partner ${i + 1}`, kind: 'TIRE_DISTRIBUTOR' });
      const program = await svc.programs.createProgram({
        partnerId: partner.id,
        name: `Bench program ${i + 1}`,
        description: 'Benchmark program.',
        currency: 'USD',
        sharedFields: ['TIER'],
        tierWindowDays: 90,
        educationIncentiveCents: 250,
        tierLevels: [{ tier: 'BRONZE', minRevenueCents: 0, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 10_000 }],
        rule: { kind: 'PERCENTAGE', basisPoints: 750, effectiveFrom: new Date('2026-01-01T00:00:00Z') },
      });
      partners.push({ partnerId: partner.id, programId: program.id });
    }
    await inBatches(
      shops.flatMap(({ org, shop }) => partners.map((p) => ({ token: org.ownerToken, shopId: shop.id, programId: p.programId }))),
      // One at a time: each enrollment re-reads the partner's enrolled shops for the event it emits.
      1,
      ({ token, shopId, programId }) =>
        mustRequest(services.gatewayUrl, `mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { enrolledAt } }`, { s: shopId, p: programId }, token),
    );
    const issued: Seeded['partnerKeys'] = [];
    for (let i = 0; i < keys; i++) {
      const { partnerId } = partners[i % partners.length];
      const { secret } = await svc.programs.issueApiKey(partnerId, { label: `bench ${i + 1}`, plan: 'standard' });
      issued.push({ secret, partnerId });
    }
    await untilAccepted(services.gatewayUrl, issued.at(-1)!.secret);
    return issued;
  } finally {
    await dataSource.destroy();
  }
}

/** The gateway learns keys from the partners subgraph's events: waits until it accepts the last one issued. */
async function untilAccepted(url: string, secret: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': secret }, body: JSON.stringify({ query: '{ __typename }' }) });
    if (response.status !== 401) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the gateway did not learn the partner keys within 120 s');
}

/** A session of its own for every staff user (owners, advisors, technicians), as each signs in on their own device. */
async function signIn(url: string, seeded: Seeded, counts: ReturnType<typeof roleCounts>) {
  const owners = await inBatches(Array.from({ length: counts.owners }, (_, i) => seeded.orgs[i % seeded.orgs.length]), 4, async (org) => ({
    org,
    token: await login(url, org.ownerEmail),
  }));
  const advisors = await inBatches(seeded.advisorWork, 4, async (work) => ({ work, token: await login(url, work.email) }));
  const technicians = await inBatches(seeded.technicianWork, 4, async (work) => ({ work, token: await login(url, work.email) }));
  return { owners, advisors, technicians };
}

const operationOrder = [
  'owner · OrganizationDashboard',
  'owner · ShopBoard',
  'advisor · ShopBoard',
  'advisor · InspectionRecommendations',
  'advisor · UpdateRecommendation',
  'technician · InspectionSheet',
  'technician · RecordItemResults',
  'customer · OpenSharedInspection',
  'customer · CustomerInspection',
  'customer · DecideRecommendation',
  'partner · PartnerProfile',
  'partner · PartnerStatement',
];

function report(
  settings: Settings,
  counts: ReturnType<typeof roleCounts>,
  recorder: OperationRecorder,
  cpu: { processes: Record<Process, number | null>; machine: number | null },
  live: { connections: number; failed: number; events: number; errors: number },
  seeded: Seeded,
): string {
  const figures = operationOrder.map((name) => recorder.figures(name));
  const total = recorder.totalRequests();
  const errorRate = (f: { requests: number; errors: number }) => (f.requests ? f.errors / f.requests : Number.NaN);
  const verdict = (f: (typeof figures)[number]) => (f.requests === 0 ? 'no requests' : f.p99Ms < targetP99Ms && errorRate(f) < targetErrorRate ? 'met' : '**missed**');
  const ms = (value: number) => (Number.isFinite(value) ? formatMs(value) : '—');
  const perRequest = (seconds: number | null) => (seconds === null || total === 0 ? Number.NaN : (seconds * 1000) / total);
  const missed = figures.filter((f) => verdict(f) !== 'met');
  const reasonOf = (f: (typeof figures)[number]) => (f.requests === 0 ? `${f.name}: no requests in the window` : `${f.name}: p99 ${formatMs(f.p99Ms)}, ${formatNumber(errorRate(f) * 100, 2)} % errors`);
  const errorLines = figures.filter((f) => f.errorExamples.length).map((f) => `  - ${f.name}: ${f.errorExamples.map((e) => `\`${e.replace(/`/g, "'")}\``).join(', ')}`);
  return section(
    `Mixed workload: the seed's scale, ${formatNumber(settings.users)} people at once`,
    [
      `${formatNumber(settings.users)} virtual users with think times for ${formatNumber(settings.seconds)} s (\`BENCH_MIXED_SECONDS\`, 300 by default) after a ${formatNumber(settings.rampSeconds)} s ramp`,
      `over which they arrive (\`BENCH_MIXED_RAMP_SECONDS\`), ${seeded.shops.length} shops in ${seeded.orgs.length} organization${seeded.orgs.length === 1 ? '' : 's'} (\`BENCH_MIXED_SHOPS\`), every request through the gateway`,
      'with the gateway and the five subgraphs each in a process of their own (`NODE_ENV=production`), PostgreSQL and the load generator on the same machine.',
      `Users: ${counts.owners} owners (organization dashboard and shop board every ${thinkSeconds.owner.join('–')} s, each with a graphql-ws connection`,
      `subscribed to a shop's live metrics and board updates), ${counts.advisors} advisors (board, recommendations, pricing, ${thinkSeconds.advisor.join('–')} s apart),`,
      `${counts.technicians} technicians (an item recorded every ${thinkSeconds.technician.join('–')} s, the sheet every fourth), ${counts.customers} customers at a time (the link opened, the report read,`,
      `each pending recommendation decided ${thinkSeconds.customer.join('–')} s apart, back ${thinkSeconds.customerBetweenVisits.join('–')} s later while any is pending; once all are decided the next customer arrives`,
      `${thinkSeconds.customerBetweenVisits.join('–')} s later, up to ${customerVisits(settings)} per user) and ${counts.partners} partner integrations (API keys of`,
      `${Math.min(partnersCount, counts.partners)} partners polling their shops and a statement every ${thinkSeconds.partner.join('–')} s). Every HTTP request sends a published operation by`,
      'its hash. Figures count the requests started after the ramp; errors are transport errors, non-2xx answers and GraphQL `errors`.',
    ].join('\n'),
    markdownTable(
      ['operation', 'requests', 'p50', 'p99', 'max', 'errors', 'error rate', `p99 < ${targetP99Ms} ms, errors < ${targetErrorRate * 100} %`],
      figures.map((f) => [f.name, formatNumber(f.requests), ms(f.p50Ms), ms(f.p99Ms), ms(f.maxMs), formatNumber(f.errors), f.requests ? `${formatNumber(errorRate(f) * 100, 2)} %` : '—', verdict(f)]),
    ),
    `**Live dashboards**: ${formatNumber(live.connections)} graphql-ws connections with two subscriptions each, ${formatNumber(live.failed)} failed to connect, ` +
      `${formatNumber(live.events)} events received in the measured window, ${formatNumber(live.errors)} subscription errors.`,
    '**CPU per request** (CPU milliseconds of each process over the measured window ÷ every HTTP request in it, ' +
      `${formatNumber(total)} requests, ${formatNumber(total / settings.seconds, 1)} req/s)\n\n` +
      markdownTable(
        [...processes.map((name) => `${name}`), 'machine'],
        [[...processes.map((name) => formatNumber(perRequest(cpu.processes[name]), 2)), formatNumber(perRequest(cpu.machine), 2)]],
      ),
    `- Target (every operation class p99 < ${targetP99Ms} ms and errors < ${targetErrorRate * 100} %): **${missed.length === 0 ? 'met' : 'missed'}**` +
      (missed.length ? ` (${missed.map(reasonOf).join('; ')}).` : '.'),
    ...(errorLines.length ? [`- Errors seen:\n${errorLines.join('\n')}`] : []),
  );
}
