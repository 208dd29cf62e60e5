import { z } from 'zod';
import type DataLoader from 'dataloader';
import { loaderFor, groupLoader, notFound, parseInput, requireShopRole, type Principal } from '@cip/platform';
import { inspectionStatuses, type Inspection, type InspectionFilter, type InspectionRepository } from '../data/inspection';
import type { Recommendation } from '../data/recommendation';
import type { Template } from '../data/template';
import { canReadInspection, canReadTemplate, isUuid } from './access';

export type InspectionOwner = 'vehicle_id' | 'customer_id' | 'technician_id';

/** The request's batch loaders (one query per entity type per fetch). */
export interface Loaders {
  template: DataLoader<string, Template | null>;
  inspection: DataLoader<string, Inspection | null>;
  recommendation: DataLoader<string, Recommendation | null>;
  /** The latest `limit` inspections per vehicle, customer or technician, one loader per (owner, limit). */
  latestBy(owner: InspectionOwner, limit: number): DataLoader<string, Inspection[]>;
}

const limit = z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100');

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

export const encodeCursor = (i: Inspection) => Buffer.from(`${i.createdAt.toISOString()}|${i.id}`).toString('base64url');

/**
 * What one caller may read, through the request's loaders: anything else answers as if it did not
 * exist. Built per request from the principal; it never sees the GraphQL context.
 */
export class InspectionReader {
  constructor(
    private readonly principal: Principal | null,
    readonly loaders: Loaders,
    private readonly inspections: InspectionRepository,
  ) {}

  async inspection(id: string): Promise<Inspection | null> {
    if (!isUuid(id)) return null;
    const inspection = await this.loaders.inspection.load(id);
    return inspection && canReadInspection(this.principal, inspection) ? inspection : null;
  }

  async requireInspection(id: string): Promise<Inspection> {
    const inspection = await this.inspection(id);
    if (!inspection) throw notFound('Inspection', id);
    return inspection;
  }

  async recommendation(id: string): Promise<Recommendation | null> {
    if (!isUuid(id)) return null;
    const recommendation = await this.loaders.recommendation.load(id);
    return recommendation && (await this.inspection(recommendation.inspectionId)) ? recommendation : null;
  }

  async template(id: string): Promise<Template | null> {
    const template = await this.loaders.template.load(id);
    return template && canReadTemplate(this.principal, template) ? template : null;
  }

  async requireTemplate(id: string): Promise<Template> {
    const template = await this.template(id);
    if (!template) throw notFound('Template', id);
    return template;
  }

  /** The owner's latest inspections the caller may read; one statement for every owner in the fetch. */
  async latest(owner: InspectionOwner, id: string, first: number | null | undefined): Promise<Inspection[]> {
    if (!isUuid(id)) return [];
    const rows = await this.loaders.latestBy(owner, parseInput(limit, first ?? 20)).load(id);
    return rows.filter((row) => canReadInspection(this.principal, row));
  }

  /** A page of the shop's inspections, newest first. Staff of the shop only. */
  async shopPage(shopId: string, args: unknown): Promise<{ nodes: Inspection[]; hasNextPage: boolean }> {
    requireShopRole(this.principal, shopId);
    const filter = parseInput(pageSchema, args);
    const rows = await this.pages({
      statuses: filter.status ?? undefined,
      technicianId: filter.technicianId ?? undefined,
      createdFrom: filter.createdFrom ?? undefined,
      createdBefore: filter.createdBefore ?? undefined,
      after: filter.after ?? undefined,
      limit: filter.first + 1,
    }).load(shopId);
    for (const row of rows) this.loaders.inspection.prime(row.id, row);
    return { nodes: rows.slice(0, filter.first), hasNextPage: rows.length > filter.first };
  }

  /** One loader per request and filter: the shops of one fetch asking alike share one query. */
  private pages(filter: InspectionFilter): DataLoader<string, Inspection[]> {
    return loaderFor(this, `shopPages:${JSON.stringify(filter)}`, () => groupLoader((shopIds: readonly string[]) => this.inspections.listForShops(shopIds, filter)));
  }
}
