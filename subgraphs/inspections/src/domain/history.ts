import { z } from 'zod';
import { parseInput } from '@cip/platform';
import type { InspectionOwner, InspectionsContext } from '../context';
import { canReadInspection, isUuid } from './access';

const limit = z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100');

/** The owner's latest inspections the caller may read; one statement for every owner in the fetch. */
export async function latestInspections(ctx: InspectionsContext, owner: InspectionOwner, id: string, first: number | null | undefined) {
  if (!isUuid(id)) return [];
  const rows = await ctx.loaders.latestBy(owner, parseInput(limit, first ?? 20)).load(id);
  return rows.filter((row) => canReadInspection(ctx.principal, row));
}
