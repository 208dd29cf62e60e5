import { afterAll, beforeAll } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { createInspectionsSubgraph } from '../src/app';
import { seedShop, type SeededShop } from './seed';

/**
 * The subgraph a test file runs against and the shops it seeded, set by `useInspectionsSubgraph` before
 * the file's tests run. Reference checks are off: no other subgraph runs beside it.
 */
export let inspections: TestSubgraph;
export let shop: SeededShop;
/** A second organization's shop, for tests that one tenant cannot reach another's data. */
export let other: SeededShop;

/** Starts the subgraph and seeds `shops` shops (`shop`, then `other`) before the file's tests; closes it after them. */
export function useInspectionsSubgraph({ shops }: { shops: 0 | 1 | 2 }) {
  beforeAll(async () => {
    inspections = await startTestSubgraph(createInspectionsSubgraph({ checkReferences: false }));
    if (shops >= 1) shop = await seedShop();
    if (shops >= 2) other = await seedShop();
  });
  afterAll(() => inspections?.close());
}
