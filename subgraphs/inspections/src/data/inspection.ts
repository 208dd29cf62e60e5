import { EntitySchema, type EntityManager } from 'typeorm';
import { entitySql, findByIds, groupedInKeyOrder, queryRows } from '@cip/platform';
import type { ItemKind, MeasurementUnit, RecommendationWording, Thresholds } from './template';

export const inspectionStatuses = ['DRAFT', 'IN_PROGRESS', 'COMPLETED', 'SENT', 'CLOSED'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export const reportLayouts = ['RECOMMENDATIONS_FIRST', 'PHOTOS_FIRST'] as const;
export type ReportLayout = (typeof reportLayouts)[number];

export const conditions = ['GREEN', 'YELLOW', 'RED', 'NOT_INSPECTED'] as const;
export type Condition = (typeof conditions)[number];

export interface Inspection {
  id: string;
  orgId: string;
  shopId: string;
  vehicleId: string;
  customerId: string;
  technicianId: string | null;
  templateId: string;
  templateVersion: number;
  previousInspectionId: string | null;
  repairOrderNumber: string | null;
  status: InspectionStatus;
  currency: string;
  shareTokenHash: string | null;
  /** The current share link's grant, which its customer tokens carry; null when there is no link. */
  shareGrant: string | null;
  shareExpiresAt: Date | null;
  /** How the customer's report page opens: decided when the report is sent (the report experiment). */
  reportLayout: ReportLayout;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  sentAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
}

/** One item of an inspection: the template item it was started with, and the technician's result. */
export interface InspectionItem {
  inspectionId: string;
  itemKey: string;
  position: number;
  sectionKey: string;
  sectionName: string;
  name: string;
  kind: ItemKind;
  unit: MeasurementUnit | null;
  thresholds: Thresholds | null;
  /** The template's wording of the recommendation this item gets; null for the default wording. */
  recommendation: RecommendationWording | null;
  condition: Condition;
  measurement: number | null;
  notes: string;
  inspectedBy: string | null;
  inspectedAt: Date | null;
}

export const InspectionEntity = new EntitySchema<Inspection>({
  name: 'Inspection',
  tableName: 'inspection',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    orgId: { type: 'uuid', name: 'org_id' },
    shopId: { type: 'uuid', name: 'shop_id' },
    vehicleId: { type: 'uuid', name: 'vehicle_id' },
    customerId: { type: 'uuid', name: 'customer_id' },
    technicianId: { type: 'uuid', name: 'technician_id', nullable: true },
    templateId: { type: 'text', name: 'template_id' },
    templateVersion: { type: 'integer', name: 'template_version' },
    previousInspectionId: { type: 'uuid', name: 'previous_inspection_id', nullable: true },
    repairOrderNumber: { type: 'text', name: 'repair_order_number', nullable: true },
    status: { type: 'text' },
    currency: { type: 'char', length: 3 },
    shareTokenHash: { type: 'text', name: 'share_token_hash', nullable: true },
    shareGrant: { type: 'uuid', name: 'share_grant', nullable: true },
    shareExpiresAt: { type: 'timestamptz', name: 'share_expires_at', nullable: true },
    reportLayout: { type: 'text', name: 'report_layout', default: 'RECOMMENDATIONS_FIRST' },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    startedAt: { type: 'timestamptz', name: 'started_at', nullable: true },
    completedAt: { type: 'timestamptz', name: 'completed_at', nullable: true },
    sentAt: { type: 'timestamptz', name: 'sent_at', nullable: true },
    closedAt: { type: 'timestamptz', name: 'closed_at', nullable: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export const InspectionItemEntity = new EntitySchema<InspectionItem>({
  name: 'InspectionItem',
  tableName: 'inspection_item',
  columns: {
    inspectionId: { type: 'uuid', name: 'inspection_id', primary: true },
    itemKey: { type: 'text', name: 'item_key', primary: true },
    position: { type: 'integer' },
    sectionKey: { type: 'text', name: 'section_key' },
    sectionName: { type: 'text', name: 'section_name' },
    name: { type: 'text' },
    kind: { type: 'text' },
    unit: { type: 'text', nullable: true },
    thresholds: { type: 'jsonb', nullable: true },
    recommendation: { type: 'jsonb', nullable: true },
    condition: { type: 'text', default: 'NOT_INSPECTED' },
    measurement: { type: 'double precision', nullable: true },
    notes: { type: 'text', default: '' },
    inspectedBy: { type: 'uuid', name: 'inspected_by', nullable: true },
    inspectedAt: { type: 'timestamptz', name: 'inspected_at', nullable: true },
  },
});

export interface ConditionCount {
  inspectionId: string;
  condition: Condition;
  count: number;
}

export interface InspectionFilter {
  statuses?: InspectionStatus[];
  technicianId?: string;
  createdFrom?: Date;
  createdBefore?: Date;
  after?: { createdAt: Date; id: string };
  limit: number;
}

type Owner = 'vehicle_id' | 'customer_id' | 'technician_id';

export class InspectionRepository {
  constructor(private readonly manager: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<(Inspection | null)[]> {
    return findByIds(this.manager, InspectionEntity, ids);
  }

  /** Locks the inspection: every state change reads it this way, so two changes cannot interleave. */
  findForUpdate(manager: EntityManager, id: string): Promise<Inspection | null> {
    return manager.findOne(InspectionEntity, { where: { id }, lock: { mode: 'pessimistic_write' }, comment: 'inspections.findForUpdate' });
  }

  findByShareTokenHash(hash: string): Promise<Inspection | null> {
    return this.manager.findOne(InspectionEntity, { where: { shareTokenHash: hash }, comment: 'inspections.findByShareTokenHash' });
  }

  /**
   * A page of each shop's inspections, newest first, keyset-paged on (created_at, id), in one
   * statement for any number of shops (a listing of many shops' inspections is one query, not one per shop).
   */
  async listForShops(shopIds: readonly string[], filter: InspectionFilter): Promise<Inspection[][]> {
    const parameters: unknown[] = [shopIds, filter.limit];
    const param = (value: unknown, type: string) => `$${parameters.push(value)}::${type}`;
    const where = ['"shop_id" = ANY($1::uuid[])'];
    if (filter.statuses?.length) where.push(`"status" = ANY(${param(filter.statuses, 'text[]')})`);
    if (filter.technicianId) where.push(`"technician_id" = ${param(filter.technicianId, 'uuid')}`);
    if (filter.createdFrom) where.push(`"created_at" >= ${param(filter.createdFrom, 'timestamptz')}`);
    if (filter.createdBefore) where.push(`"created_at" < ${param(filter.createdBefore, 'timestamptz')}`);
    if (filter.after) where.push(`("created_at", "id") < (${param(filter.after.createdAt, 'timestamptz')}, ${param(filter.after.id, 'uuid')})`);
    const rows = await this.ranked('inspections.listForShops', 'shop_id', where.join(' AND '), parameters);
    return groupedInKeyOrder(shopIds, rows, (row) => row.shopId);
  }

  /**
   * The latest `limit` inspections of each owner (vehicle, customer or technician) in the given shops,
   * newest first, in one statement.
   */
  async listLatestByOwner(owner: Owner, ownerIds: readonly string[], shopIds: readonly string[], limit: number): Promise<Inspection[][]> {
    if (shopIds.length === 0) return ownerIds.map(() => []);
    const rows = await this.ranked(`inspections.listLatestBy_${owner}`, owner, `"${owner}" = ANY($3::uuid[]) AND "shop_id" = ANY($1::uuid[])`, [shopIds, limit, ownerIds]);
    const keyOf: Record<Owner, (row: Inspection) => string> = {
      vehicle_id: (row) => row.vehicleId,
      customer_id: (row) => row.customerId,
      technician_id: (row) => row.technicianId ?? '',
    };
    return groupedInKeyOrder(ownerIds, rows, keyOf[owner]);
  }

  /**
   * The first `$2` inspections, newest first, of each `partition` value among the rows matching `where`, read
   * straight into the entity's shape: pages of a hundred rows cost more in TypeORM's hydration than in SQL.
   */
  private ranked(name: string, partition: 'shop_id' | Owner, where: string, parameters: unknown[]): Promise<Inspection[]> {
    const { table, columns } = entitySql(this.manager, InspectionEntity);
    return queryRows<Inspection>(
      this.manager,
      `/* ${name} */ SELECT ${columns('i')} FROM ${table} "i"
       INNER JOIN (
         SELECT "id", row_number() OVER (PARTITION BY "${partition}" ORDER BY "created_at" DESC, "id" DESC) AS "rank"
         FROM ${table} WHERE ${where}
       ) "ranked" ON "ranked"."id" = "i"."id" AND "ranked"."rank" <= $2
       ORDER BY "i"."created_at" DESC, "i"."id" DESC`,
      parameters,
    );
  }

  /** The vehicle's latest inspection at the shop that got past IN_PROGRESS: what carry-forward shows. */
  findPreviousForVehicle(manager: EntityManager, shopId: string, vehicleId: string): Promise<Inspection | null> {
    return manager
      .createQueryBuilder(InspectionEntity, 'i')
      .where('i.shop_id = :shopId AND i.vehicle_id = :vehicleId', { shopId, vehicleId })
      .andWhere(`i.status IN ('COMPLETED', 'SENT', 'CLOSED')`)
      .orderBy('i.completed_at', 'DESC')
      .limit(1)
      .comment('inspections.findPreviousForVehicle')
      .getOne();
  }

  create(manager: EntityManager, input: Omit<Inspection, 'id' | 'createdAt' | 'updatedAt' | 'reportLayout'>): Promise<Inspection> {
    return manager.save(InspectionEntity, manager.create(InspectionEntity, input));
  }

  async update(manager: EntityManager, id: string, changes: Partial<Omit<Inspection, 'id' | 'createdAt' | 'updatedAt'>>): Promise<Inspection> {
    await manager.update(InspectionEntity, { id }, changes);
    return manager.findOneByOrFail(InspectionEntity, { id });
  }
}

/** Rows per INSERT: 14 columns each stays far below PostgreSQL's limit of 65,535 bind parameters. */
const itemInsertBatch = 1_000;

export class InspectionItemRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Every item of the given inspections, in order, read straight into the entity's shape: a listing of 100
   * inspections reads thousands of items, where TypeORM's hydration or a mapping of every row costs more than the SQL.
   */
  async listByInspectionIds(ids: readonly string[]): Promise<InspectionItem[][]> {
    const { table, columns } = entitySql(this.manager, InspectionItemEntity);
    const rows = await queryRows<InspectionItem>(
      this.manager,
      `/* inspectionItems.listByInspectionIds */ SELECT ${columns('it')} FROM ${table} "it"
       WHERE "it"."inspection_id" = ANY($1::uuid[]) ORDER BY "it"."inspection_id", "it"."position"`,
      [ids],
    );
    return groupedInKeyOrder(ids, rows, (row) => row.inspectionId);
  }

  /** How many items of each inspection are in each condition: what a summary needs, without reading the items. */
  async countConditions(ids: readonly string[]): Promise<ConditionCount[][]> {
    const rows = await queryRows<ConditionCount>(
      this.manager,
      `/* inspectionItems.countConditions */ SELECT inspection_id AS "inspectionId", condition, count(*)::int AS count
       FROM inspections.inspection_item WHERE inspection_id = ANY($1::uuid[]) GROUP BY inspection_id, condition`,
      [ids],
    );
    return groupedInKeyOrder(ids, rows, (row) => row.inspectionId);
  }

  listForInspection(manager: EntityManager, inspectionId: string): Promise<InspectionItem[]> {
    return manager.find(InspectionItemEntity, { where: { inspectionId }, order: { position: 'ASC' }, comment: 'inspectionItems.listForInspection' });
  }

  /** In batches: the largest template (10,000 items) in one statement would pass PostgreSQL's 65,535 bind parameters. */
  async insertAll(manager: EntityManager, items: Omit<InspectionItem, 'condition' | 'measurement' | 'notes' | 'inspectedBy' | 'inspectedAt'>[]): Promise<void> {
    for (let from = 0; from < items.length; from += itemInsertBatch) await manager.insert(InspectionItemEntity, items.slice(from, from + itemInsertBatch));
  }

  async saveResults(manager: EntityManager, items: InspectionItem[]): Promise<void> {
    for (const item of items) {
      await manager.update(
        InspectionItemEntity,
        { inspectionId: item.inspectionId, itemKey: item.itemKey },
        { condition: item.condition, measurement: item.measurement, notes: item.notes, inspectedBy: item.inspectedBy, inspectedAt: item.inspectedAt },
      );
    }
  }
}
