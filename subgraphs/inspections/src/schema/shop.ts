import { z } from 'zod';
import type DataLoader from 'dataloader';
import { groupLoader, loaderFor, parseInput, requireShopRole } from '@cip/platform';
import type { InspectionsContext } from '../context';
import { builder } from '../builder';
import type { Inspection, InspectionFilter } from '../data/inspection';
import { inspectionStatuses } from '../data/inspection';
import { InspectionRef, InspectionStatusEnum, PageInfoRef, ShopRef } from './refs';

const InspectionPageRef = builder.objectRef<{ nodes: Inspection[]; hasNextPage: boolean }>('InspectionPage').implement({
  description: 'A page of inspections, newest first.',
  fields: (t) => ({
    nodes: t.field({ type: [InspectionRef], description: 'The inspections of this page.', resolve: (page) => page.nodes }),
    pageInfo: t.field({
      type: PageInfoRef,
      description: 'Whether more follow, and the cursor to get them.',
      resolve: (page) => ({ hasNextPage: page.hasNextPage, endCursor: page.nodes.length ? encodeCursor(page.nodes[page.nodes.length - 1]) : null }),
    }),
  }),
});

/** One loader per request and filter: the shops of one fetch asking alike share one query. */
function shopPages(ctx: InspectionsContext, filter: InspectionFilter): DataLoader<string, Inspection[]> {
  return loaderFor(ctx, `shopPages:${JSON.stringify(filter)}`, () =>
    groupLoader((shopIds: readonly string[]) => ctx.repos.inspections.listForShops(shopIds, filter)),
  );
}

const encodeCursor = (i: Inspection) => Buffer.from(`${i.createdAt.toISOString()}|${i.id}`).toString('base64url');

const cursor = z
  .string()
  .transform((value) => Buffer.from(value, 'base64url').toString())
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/, 'is not a cursor from pageInfo.endCursor'))
  .transform((value) => {
    const [at, id] = value.split('|');
    return { createdAt: new Date(at), id };
  });

const pageSchema = z.object({
  status: z.array(z.enum(inspectionStatuses)).max(5).nullish(),
  technicianId: z.string().uuid('must be a user id').nullish(),
  createdFrom: z.date().nullish(),
  createdBefore: z.date().nullish(),
  first: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200'),
  after: cursor.nullish(),
});

ShopRef.implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the shop.' }),
    inspections: t.field({
      type: InspectionPageRef,
      description: "The shop's inspections, newest first, filtered and cursor-paged. Staff of the shop only; others get NOT_FOUND.",
      args: {
        status: t.arg({ type: [InspectionStatusEnum], description: 'Only inspections in one of these statuses.' }),
        technicianId: t.arg.id({ description: 'Only inspections assigned to this technician.' }),
        createdFrom: t.arg({ type: 'DateTime', description: 'Only inspections opened at or after this instant.' }),
        createdBefore: t.arg({ type: 'DateTime', description: 'Only inspections opened before this instant.' }),
        first: t.arg.int({ defaultValue: 50, description: 'Page size, 1 to 200.' }),
        after: t.arg.string({ description: '`pageInfo.endCursor` of the previous page.' }),
      },
      resolve: async (shop, args, ctx) => {
        requireShopRole(ctx.principal, shop.id);
        const filter = parseInput(pageSchema, args);
        const rows = await shopPages(ctx, {
          statuses: filter.status ?? undefined,
          technicianId: filter.technicianId ?? undefined,
          createdFrom: filter.createdFrom ?? undefined,
          createdBefore: filter.createdBefore ?? undefined,
          after: filter.after ?? undefined,
          limit: filter.first + 1,
        }).load(shop.id);
        for (const row of rows) ctx.loaders.inspection.prime(row.id, row);
        return { nodes: rows.slice(0, filter.first), hasNextPage: rows.length > filter.first };
      },
    }),
  }),
});
