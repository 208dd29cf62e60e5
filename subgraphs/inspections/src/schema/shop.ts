import { builder } from '../builder';
import type { Inspection } from '../data/inspection';
import { encodeCursor } from '../domain/reader';
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
      resolve: (shop, args, ctx) => ctx.reader.shopPage(shop.id, args),
    }),
  }),
});
