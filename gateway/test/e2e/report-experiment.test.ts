import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mintOperatorToken } from '@cip/platform';
import { testSigner } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addStaff, addVehicle, must, signUp, type SeededOrg } from '../support/seed';

const key = 'inspections.photo-first-report';
const reports = 24;

let platform: TestPlatform;
let org: SeededOrg;
let advisor: { token: string };
let technician: { token: string };
let operatorToken: string;

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections', 'analytics'] });
  org = await signUp(platform, 'Experiment Auto');
  advisor = await addStaff(platform, org, 'ADVISOR');
  technician = await addStaff(platform, org, 'TECHNICIAN');
  operatorToken = (await mintOperatorToken(await testSigner(), 'ada')).token;
});
afterAll(() => platform?.close());

/** The documented assignment, computed here from its definition: sha256(key NUL unit), first 32 bits, mod 10,000. */
const expectedVariant = (inspectionId: string) =>
  createHash('sha256').update(`${key}\u0000${inspectionId}`).digest().readUInt32BE(0) % 10_000 < 5_000 ? 'control' : 'photos';

/** Φ(x) by Simpson's rule over the normal density: an oracle independent of the platform's erfc approximation. */
function normalCdf(x: number): number {
  const steps = 20_000;
  const h = Math.abs(x) / steps;
  const density = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let sum = density(0) + density(Math.abs(x));
  for (let i = 1; i < steps; i++) sum += (i % 2 === 0 ? 2 : 4) * density(i * h);
  const half = (sum * h) / 3;
  return x >= 0 ? 0.5 + half : 0.5 - half;
}
const twoSided = (z: number) => 2 * (1 - normalCdf(Math.abs(z)));
const z95 = 1.959963984540054;

interface Sent {
  variant: 'control' | 'photos';
  approved: boolean;
  /** The approved total (parts × quantity + labor, as priced below), when any recommendation was approved. */
  approvedCents: number;
}

/** One report through the gateway: inspected, priced, sent, opened by the customer, decided. */
async function sendAndDecide(index: number, decide: (variant: 'control' | 'photos') => 'ALL' | 'FIRST' | 'NONE'): Promise<Sent & { id: string; layout: string }> {
  const customerId = await addCustomer(platform, org.ownerToken, org.shopId, `Driver${index}`);
  const started = must(
    await platform.execute(
      `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
      { input: { shopId: org.shopId, vehicleId: await addVehicle(platform, org.ownerToken, org.shopId, customerId), customerId, templateId: 'tpl_standard' } },
      { token: technician.token },
    ),
  ).startInspection;
  const id = started.id as string;
  must(
    await platform.execute(
      `mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`,
      { id, results: [{ itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' } }, { itemKey: 'brakes.front_pads', measurement: { value: 3.5, unit: 'MILLIMETERS' } }] },
      { token: technician.token },
    ),
  );
  must(await platform.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id }, { token: technician.token }));
  const recommendations = must(await platform.execute(`query($id: ID!) { inspection(id: $id) { recommendations { id } } }`, { id }, { token: advisor.token })).inspection.recommendations as { id: string }[];
  expect(recommendations).toHaveLength(2);
  const prices = recommendations.map((_, j) => ({ partsCents: 4_000 + 1_350 * ((index * 3 + j) % 11), quantity: 1 + (j === 0 ? index % 2 : 0), laborCents: 2_500 + 700 * (index % 5) }));
  for (const [j, r] of recommendations.entries()) {
    must(await platform.execute(`mutation($id: ID!, $input: RecommendationInput!) { updateRecommendation(id: $id, input: $input) { id } }`, { id: r.id, input: prices[j] }, { token: advisor.token }));
  }
  const token = must(await platform.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id }, { token: advisor.token })).sendInspection.token;
  const customer = must(await platform.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken } }`, { t: token })).openSharedInspection.accessToken;
  const layout = must(await platform.execute(`query($id: ID!) { inspection(id: $id) { reportLayout } }`, { id }, { token: customer })).inspection.reportLayout as string;
  const variant = layout === 'PHOTOS_FIRST' ? 'photos' : 'control';
  const choice = decide(variant);
  let approvedCents = 0;
  for (const [j, r] of recommendations.entries()) {
    const approve = choice === 'ALL' || (choice === 'FIRST' && j === 0);
    if (approve) approvedCents += prices[j]!.partsCents * prices[j]!.quantity + prices[j]!.laborCents;
    must(await platform.execute(`mutation($id: ID!, $d: RecommendationDecision!) { decideRecommendation(id: $id, decision: $d) { id } }`, { id: r.id, d: approve ? 'APPROVED' : 'DECLINED' }, { token: customer }));
  }
  return { id, layout, variant, approved: approvedCents > 0, approvedCents };
}

const results = `query($key: String!) { experimentResults(key: $key) {
  key metric currency
  variants { name weight sentReports approvedReports closedWithApproval
    approvalRate { value low high } approvalRateVsControl { difference low high z pValue }
    averageRepairOrderCents { value low high } averageRepairOrderVsControl { difference low high z pValue } }
  sampleRatio { chiSquare degreesOfFreedom pValue mismatch } } }`;

describe('the report experiment on real sends and decisions', () => {
  it(
    'assigns each report at send, records the exposure once, and analyses approval rate and ARO per variant as computed by hand',
    { timeout: 600_000 },
    async () => {
      const set = must(
        await platform.execute(
          `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { version } }`,
          {
            input: {
              key,
              state: { enabled: true, fallthrough: { variants: [{ name: 'control', value: 'control', weight: 50 }, { name: 'photos', value: 'photos', weight: 50 }] } },
              reason: 'does opening on the photos raise approvals?',
            },
          },
          { token: operatorToken },
        ),
      );
      const flags = platform.subgraphs.inspections!.runtime.flags;
      await vi.waitFor(() => expect(flags.appliedVersion).toBeGreaterThanOrEqual(set.setFeatureFlag.version), { timeout: 20_000 });

      // Within each variant, every k-th report is declined whole or approved in part, so both variants have approvals of different sizes.
      const seen = { control: 0, photos: 0 };
      const sent: (Sent & { id: string; layout: string })[] = [];
      for (let i = 0; i < reports; i++) {
        sent.push(
          await sendAndDecide(i, (variant) => {
            const k = seen[variant]++;
            if (variant === 'control') return k % 2 === 0 ? 'NONE' : k % 4 === 1 ? 'FIRST' : 'ALL';
            return k % 4 === 0 ? 'NONE' : k % 4 === 1 ? 'FIRST' : 'ALL';
          }),
        );
      }
      expect(sent.map((s) => s.variant)).toEqual(sent.map((s) => expectedVariant(s.id)));

      const [{ exposures, events }] = (await platform.subgraphs.inspections!.runtime.db.dataSource.query(
        `SELECT (SELECT count(*)::int FROM platform.experiment_exposures WHERE flag_key = $1) AS exposures,
                (SELECT count(*)::int FROM inspections.outbox WHERE type = 'experiment.exposure_recorded') AS events`,
        [key],
      )) as { exposures: number; events: number }[];
      expect({ exposures, events }).toEqual({ exposures: reports, events: reports });

      const oracle = (['control', 'photos'] as const).map((name) => {
        const mine = sent.filter((s) => s.variant === name);
        const n = mine.length;
        const converted = mine.filter((s) => s.approved);
        const p = converted.length / n;
        const values = converted.map((s) => s.approvedCents);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
        return { name, n, c: converted.length, p, mean, variance, m: values.length };
      });
      const [control, photos] = oracle as [(typeof oracle)[0], (typeof oracle)[0]];
      expect(Math.min(control.m, photos.m)).toBeGreaterThanOrEqual(2);
      const pooled = (control.c + photos.c) / (control.n + photos.n);
      const rateZ = (photos.p - control.p) / Math.sqrt(pooled * (1 - pooled) * (1 / control.n + 1 / photos.n));
      const rateSe = Math.sqrt((photos.p * (1 - photos.p)) / photos.n + (control.p * (1 - control.p)) / control.n);
      const aroSe = Math.sqrt(photos.variance / photos.m + control.variance / control.m);
      const aroZ = (photos.mean - control.mean) / aroSe;
      const chiSquare = oracle.reduce((sum, v) => sum + (v.n - reports / 2) ** 2 / (reports / 2), 0);

      const analysed = await vi.waitFor(
        async () => {
          const answer = must(await platform.execute(results, { key }, { token: operatorToken })).experimentResults;
          expect(answer.variants.map((v: any) => [v.sentReports, v.approvedReports, v.closedWithApproval])).toEqual(oracle.map((v) => [v.n, v.c, v.m]));
          return answer;
        },
        { timeout: 60_000, interval: 250 },
      );

      expect(analysed).toMatchObject({ key, metric: 'report_approval_rate', currency: 'USD' });
      const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 6);
      for (const [i, v] of oracle.entries()) {
        const got = analysed.variants[i];
        expect([got.name, got.weight]).toEqual([v.name, 50]);
        const se = Math.sqrt((v.p * (1 - v.p)) / v.n);
        close(got.approvalRate.value, v.p);
        close(got.approvalRate.low, v.p - z95 * se);
        close(got.approvalRate.high, v.p + z95 * se);
        close(got.averageRepairOrderCents.value, v.mean);
        close(got.averageRepairOrderCents.low, v.mean - z95 * Math.sqrt(v.variance / v.m));
        close(got.averageRepairOrderCents.high, v.mean + z95 * Math.sqrt(v.variance / v.m));
      }
      expect(analysed.variants[0].approvalRateVsControl).toBeNull();
      expect(analysed.variants[0].averageRepairOrderVsControl).toBeNull();
      const rate = analysed.variants[1].approvalRateVsControl;
      close(rate.difference, photos.p - control.p);
      close(rate.low, photos.p - control.p - z95 * rateSe);
      close(rate.high, photos.p - control.p + z95 * rateSe);
      close(rate.z, rateZ);
      close(rate.pValue, twoSided(rateZ));
      const aro = analysed.variants[1].averageRepairOrderVsControl;
      close(aro.difference, photos.mean - control.mean);
      close(aro.low, photos.mean - control.mean - z95 * aroSe);
      close(aro.high, photos.mean - control.mean + z95 * aroSe);
      close(aro.z, aroZ);
      close(aro.pValue, twoSided(aroZ));
      // With one degree of freedom, P(χ² > x) = 2(1 − Φ(√x)).
      close(analysed.sampleRatio.chiSquare, chiSquare);
      expect(analysed.sampleRatio.degreesOfFreedom).toBe(1);
      close(analysed.sampleRatio.pValue, twoSided(Math.sqrt(chiSquare)));
      expect(analysed.sampleRatio.mismatch).toBe(twoSided(Math.sqrt(chiSquare)) < 0.001);

      const staff = await platform.execute(results, { key }, { token: org.ownerToken });
      expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );
});
