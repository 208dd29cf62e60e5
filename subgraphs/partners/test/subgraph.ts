import { afterAll, beforeAll } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { partnersSubgraph } from '../src/app';
import type { Services } from '../src/context';
import { services } from './seed';

/** The subgraph a test file runs against and its domain services, set by `usePartnersSubgraph` before the file's tests run. */
export let partners: TestSubgraph;
export let svc: Services;

/** Starts the subgraph before the file's tests and closes it after them. */
export function usePartnersSubgraph() {
  beforeAll(async () => {
    partners = await startTestSubgraph(partnersSubgraph);
    svc = services(partners);
  });
  afterAll(() => partners?.close());
}
