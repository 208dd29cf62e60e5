import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { buildSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedCheckDigit } from '../../../subgraphs/vehicles/src/domain/vin';
import { deprecationHeaders } from '../../src/features/rest/deprecation';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';
import { seedPartnerKey, withPartners, type SeededPartnerKey } from './support';

type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json>; responses: Record<string, Json> } };
type Operation = { operationId: string; parameters?: { name: string; in: string; required: boolean; schema?: Json; content?: Record<string, { schema: Json }> }[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, Json> };
type Json = Record<string, any>;

let platform: TestPlatform;
let alpha: SeededOrg;
let partnerKey: SeededPartnerKey;
let rest: string;
let document: Document;
let ajv: Ajv2020;

beforeAll(async () => {
  platform = await startTestPlatform({ only: withPartners });
  alpha = await signUp(platform, 'Alpha Auto');
  partnerKey = await seedPartnerKey(platform, alpha, 'Rest');
  rest = platform.gatewayUrl.replace(/\/graphql$/, '/api/v1');
  document = await (await fetch(`${rest}/openapi.json`)).json();
  ajv = new Ajv2020({ strict: false, allErrors: true, formats: { int32: true, int64: true } });
  addFormats.default(ajv);
  ajv.addSchema(document, 'openapi');
});
afterAll(() => platform?.close());

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The route template of a concrete path, e.g. `/shop/{id}` for `/shop/3f…`. */
function templateOf(path: string): string {
  if (document.paths[path]) return path;
  const template = Object.keys(document.paths).find((t) => t.endsWith('/{id}') && path.startsWith(t.slice(0, -'{id}'.length)) && !path.slice(t.length - '{id}'.length).includes('/'));
  if (!template) throw new Error(`no documented route for ${path}`);
  return template;
}

/** Checks a real response against the document: its status is documented for the route and its body fits that status's schema. */
function expectDocumented(method: string, path: string, status: number, body: unknown) {
  const template = templateOf(path);
  const operation = document.paths[template]![method]!;
  expect(Object.keys(operation.responses), `${method.toUpperCase()} ${path} answered ${status}: ${JSON.stringify(body)}`).toContain(String(status));
  const response = operation.responses[String(status)]!;
  const schemaRef = response.$ref
    ? `openapi#/components/responses/${pointer(response.$ref.split('/').pop())}/content/application~1json/schema`
    : `openapi#/paths/${pointer(template)}/${method}/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(schemaRef)!;
  expect(validate(body), `${method.toUpperCase()} ${path} ${status}: ${JSON.stringify(validate.errors?.slice(0, 5))}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
}

interface Call {
  method?: 'get' | 'post';
  token?: string;
  apiKey?: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

/** Calls a route as a client would and checks the answer against the document. */
async function call(path: string, options: Call = {}) {
  const method = options.method ?? (options.body === undefined ? 'get' : 'post');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) for (const v of [value].flat()) search.append(key, v);
  const response = await fetch(`${rest}${path}${search.size > 0 ? `?${search}` : ''}`, {
    method: method.toUpperCase(),
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const body = await response.json();
  expectDocumented(method, path, response.status, body);
  return { status: response.status, body, headers: response.headers };
}

function vin(): string {
  const draft = `1FTMW1T80MF${String(100_000 + Math.floor(Math.random() * 800_000))}`;
  return `${draft.slice(0, 8)}${expectedCheckDigit(draft)}${draft.slice(9)}`;
}

/** A value of a JSON Schema from the document, for calling a route with arguments of the right shape. */
function sample(schema: Json): unknown {
  if (schema.$ref) return sample(document.components.schemas[schema.$ref.split('/').pop()]!);
  if (schema.anyOf) return sample(schema.anyOf[0]);
  if (schema.enum) return schema.enum[0];
  const type = [schema.type].flat()[0];
  if (type === 'object') return Object.fromEntries((schema.required ?? []).map((name: string) => [name, sample(schema.properties[name])]));
  if (type === 'array') return [sample(schema.items)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return schema.format === 'date-time' ? new Date().toISOString() : randomUUID();
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document with an operationId, a summary and documented refusals on every operation', async () => {
    expect(document).toMatchObject({ openapi: '3.1.0', servers: [{ url: '/api/v1' }] });
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(40);
    for (const operation of operations) {
      expect(operation.operationId).toBeTruthy();
      expect((operation as Json).summary, operation.operationId).toBeTruthy();
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '429']));
    }
  });

  it('takes the arguments of a POST route in the body only', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      if (item.post) expect(item.post.parameters ?? [], path).toEqual([]);
    }
    expect(document.paths['/login']!.post!.requestBody!.content['application/json']!.schema.required).toEqual(['email', 'password']);
  });
});

describe('every REST route', () => {
  it('answers anonymous callers, staff and partner keys with documented statuses and bodies, and never a server error', async () => {
    const sweeper = await signUp(platform, 'Sweep Service');
    const routes = Object.entries(document.paths).flatMap(([template, item]) => Object.entries(item).map(([method, operation]) => ({ template, method: method as 'get' | 'post', operation })));
    // Ending the sweeper's session first would leave the other routes nothing to answer but 401.
    routes.sort((a, b) => Number(['logout', 'refreshSession'].includes(a.operation.operationId)) - Number(['logout', 'refreshSession'].includes(b.operation.operationId)));
    const statuses = new Map<string, Set<number>>();
    for (const { template, method, operation } of routes) {
      const path = template.replace('{id}', randomUUID());
      const query = Object.fromEntries((operation.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => [p.name, p.content ? JSON.stringify(sample(p.content['application/json']!.schema)) : String(sample(p.schema!))]));
      const bodySchema = operation.requestBody?.content['application/json']?.schema;
      const body = method === 'post' ? (bodySchema ? sample(bodySchema) : {}) : undefined;
      for (const who of [{}, { token: sweeper.ownerToken }, { apiKey: partnerKey.secret }]) {
        const answer = await call(path, { method, query, body, ...who });
        expect(answer.status, `${method} ${path}`).not.toBeGreaterThanOrEqual(500);
        statuses.set(operation.operationId, new Set([...(statuses.get(operation.operationId) ?? []), answer.status]));
      }
    }
    expect(statuses.size).toBe(routes.length);
    console.info(`REST sweep: ${routes.length} routes × 3 callers, statuses seen: ${[...new Set([...statuses.values()].flatMap((s) => [...s]))].sort().join(', ')}`);
  });
});

describe('REST responses', () => {
  it('match the document when they succeed, with nested entities as references and nulls where the schema allows them', async () => {
    const token = alpha.ownerToken;
    const shops = await call('/shops', { token });
    expect(shops.status).toBe(200);
    expect(shops.body[0]).toMatchObject({ id: alpha.shopId, organization: { id: alpha.orgId } });
    expect((await call('/me', { token })).body.roles[0].shop).toEqual({ id: alpha.shopId });
    expect((await call(`/shop/${alpha.shopId}`, { token })).body.address.line2).toBeNull();
    expect((await call('/organization', { token })).status).toBe(200);
    const templates = await call('/templates', { token, query: { shopId: alpha.shopId } });
    expect(templates.status).toBe(200);
    expect((await call(`/template/${templates.body[0].id}`, { token })).status).toBe(200);

    const customer = await call('/create-customer', { token, body: { shopId: alpha.shopId, input: { firstName: 'Casey', lastName: 'Driver', phone: '+13035550142', smsConsent: true } } });
    expect(customer.status).toBe(200);
    expect((await call(`/customer/${customer.body.id}`, { token })).body.id).toBe(customer.body.id);
    const vehicle = await call('/add-vehicle', { token, body: { shopId: alpha.shopId, customerId: customer.body.id, vin: vin() } });
    expect(vehicle.status).toBe(200);
    expect((await call(`/vehicle/${vehicle.body.id}`, { token })).status).toBe(200);
    const inspection = await call('/start-inspection', {
      token,
      body: { input: { shopId: alpha.shopId, vehicleId: vehicle.body.id, customerId: customer.body.id, templateId: templates.body[0].id } },
    });
    expect(inspection.status).toBe(200);
    expect((await call(`/inspection/${inspection.body.id}`, { token })).body.vehicle).toEqual({ id: vehicle.body.id });
    expect((await call('/decode-vin', { token, query: { vin: vin() } })).status).toBe(200);
    expect((await call('/decode-vins', { token, query: { vins: [vin(), vin()] } })).body).toHaveLength(2);
  });

  it('answer refusals with their HTTP status and code: 401, 403, 404 and 400', async () => {
    expect((await call('/shops')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await call('/shops')).status).toBe(401);
    expect((await call('/shops', { token: 'not.a.token' })).status).toBe(401);
    const other = await signUp(platform, 'Bravo Brakes');
    const foreign = await call(`/shop/${alpha.shopId}`, { token: other.ownerToken });
    expect(foreign).toMatchObject({ status: 404, body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] } });
    const staffAsPartner = await call('/viewer-partner', { token: alpha.ownerToken });
    expect(staffAsPartner).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
    const misfit = await call('/create-customer', { token: alpha.ownerToken, body: { shopId: alpha.shopId, input: { firstName: 'X' }, extra: 1 } });
    expect(misfit).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    expect(JSON.stringify(foreign.body)).not.toMatch(/serviceName|stack|shops\b/);
  });

  it('let a partner key call only the published partner operations, counted against its quota until it answers 429', async () => {
    const refused = await call('/viewer-partner', { apiKey: partnerKey.secret });
    expect(refused).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }] } });
    expect((await call(`/shop/${alpha.shopId}`, { apiKey: partnerKey.secret })).status).toBe(403);
    const profile = await call('/partner-operations/partner-profile', { apiKey: partnerKey.secret });
    expect(profile.status).toBe(200);
    expect(profile.body.id).toBe(partnerKey.partnerId);
    expect(profile.headers.get('ratelimit-limit')).toBe('60');
    expect((await call(`/partner-operations/partner-shop/${alpha.shopId}`, { apiKey: partnerKey.secret })).body.id).toBe(alpha.shopId);
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const answer = await call('/partner-operations/partner-programs', { apiKey: partnerKey.secret });
      if (answer.status === 429) limited = answer;
      else expect(answer.status).toBe(200);
    }
    expect(limited!.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('a client generated from the document', () => {
  it('compiles with openapi-typescript types and calls a route with openapi-fetch', async () => {
    const dir = new URL(`../../../node_modules/.cache/rest-client-${randomUUID()}/`, import.meta.url);
    await mkdir(dir, { recursive: true });
    try {
      await writeFile(new URL('schema.d.ts', dir), astToString(await openapiTS(structuredClone(document) as never)));
      const client = `import createClient from 'openapi-fetch';
import type { paths } from './schema';

export async function shopName(baseUrl: string, token: string, id: string): Promise<string> {
  const client = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${token}\` } });
  const { data, error } = await client.GET('/shop/{id}', { params: { path: { id } } });
  if (error) throw new Error(error.errors[0].extensions.code);
  const organization: { id: string } = data.organization;
  const line2: string | null = data.address.line2;
  // @ts-expect-error a nested entity is a reference: it has no name
  data.organization.name;
  // @ts-expect-error the arguments of a POST route go in the body, not the query string
  await client.POST('/login', { params: { query: { email: 'a', password: 'b' } } });
  return [data.name, organization.id, line2].join('|');
}
`;
      const file = new URL('client.ts', dir);
      await writeFile(file, client);
      const program = ts.createProgram([file.pathname], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);

      await writeFile(new URL('client.mjs', dir), ts.transpileModule(client, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
      const { shopName } = await import(pathToFileURL(new URL('client.mjs', dir).pathname).href);
      expect(await shopName(rest, alpha.ownerToken, alpha.shopId)).toBe(`Alpha Auto Downtown|${alpha.orgId}|`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('deprecation headers for REST routes', () => {
  const schema = buildSchema(`
    type Query {
      shopCount: Int @deprecated(reason: "Use shops.length. Removal: 2027-03-31.")
      shops: [String!]!
    }
  `);

  it('marks a route backed by a deprecated field with Deprecation and a Sunset at its removal date', () => {
    expect(deprecationHeaders(schema, parse('{ shopCount }'))).toEqual({
      deprecation: 'true',
      sunset: 'Wed, 31 Mar 2027 00:00:00 GMT',
      'x-deprecated-fields': 'Query.shopCount',
    });
    expect(deprecationHeaders(schema, parse('{ shops }'))).toEqual({});
  });
});
