import { ApolloClient, HttpLink, InMemoryCache, type DocumentNode } from '@apollo/client/core';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { createHash } from 'node:crypto';
import { createServices } from '../../../subgraphs/partners/src/context';
import { seedProgram } from '../../../subgraphs/partners/test/seed';
import type { SubgraphName } from '@cip/platform';
import type { TestPlatform } from '../support/platform';
import type { SeededOrg } from '../support/seed';

/** The subgraphs a partner key's calls need: partners composes only beside the inspections (and vehicles) it extends. */
export const withPartners: SubgraphName[] = ['shops', 'vehicles', 'inspections', 'partners'];

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface RecordedRequest {
  body: { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } };
  status: number;
  headers: Headers;
}

/** A real Apollo Client with the persisted-queries link; every HTTP exchange is recorded. */
export function persistedClient(url: string, options: { headers?: Record<string, string>; generateHash?: (doc: DocumentNode) => string } = {}) {
  const requests: RecordedRequest[] = [];
  const fetchAndRecord: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    requests.push({ body: JSON.parse(String(init?.body ?? '{}')), status: response.status, headers: response.headers });
    return response;
  };
  const persisted = options.generateHash
    ? createPersistedQueryLink({ generateHash: options.generateHash })
    : createPersistedQueryLink({ sha256 });
  const client = new ApolloClient({
    link: persisted.concat(new HttpLink({ uri: url, fetch: fetchAndRecord, headers: options.headers })),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache', errorPolicy: 'all' }, mutate: { errorPolicy: 'all' } },
  });
  return { client, requests };
}

/** The error code of a request the gateway refused with a non-2xx status (Apollo Client reports it as a network error). */
export async function refusalCode(request: Promise<unknown>): Promise<string | undefined> {
  try {
    await request;
  } catch (error) {
    const result = (error as { networkError?: { result?: { errors?: { extensions?: { code?: string } }[] } } }).networkError?.result;
    return result?.errors?.[0]?.extensions?.code;
  }
  return undefined;
}

/** The hash codegen embedded in a generated document (`__meta__.hash`), as partners send it. */
export const manifestHash = (doc: DocumentNode) => (doc as DocumentNode & { __meta__: { hash: string } }).__meta__.hash;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface SeededPartnerKey {
  partnerId: string;
  keyId: string;
  secret: string;
}

/**
 * A partner with a program the shop is enrolled in and a first key issued the way the platform's admin
 * script issues it; resolves once the gateway has learned the key from the partners subgraph's events.
 */
export async function seedPartnerKey(platform: TestPlatform, org: SeededOrg, name = 'Keyed'): Promise<SeededPartnerKey> {
  const svc = createServices(platform.subgraphs.partners!.runtime.db.dataSource);
  const seeded = await seedProgram(svc, { name });
  const enrolled = await platform.execute(
    `mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { enrolledAt } }`,
    { s: org.shopId, p: seeded.program.id },
    { token: org.ownerToken },
  );
  if (enrolled.errors) throw new Error(JSON.stringify(enrolled.errors));
  const { key, secret } = await svc.programs.issueApiKey(seeded.partnerId, { label: 'integration', plan: 'standard' });
  await waitForKey(platform, secret, true);
  return { partnerId: seeded.partnerId, keyId: key.id, secret };
}

/** Waits until the gateway accepts (or refuses) a key. */
export async function waitForKey(platform: TestPlatform, secret: string, accepted: boolean, url = platform.gatewayUrl) {
  await until(
    async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': secret },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return response.status;
    },
    (status) => (accepted ? status !== 401 : status === 401),
    accepted ? 'the gateway to accept the key' : 'the gateway to refuse the key',
  );
}
