import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { enqueueEvents, notFound, parseInput, requireShopRole, type AccessRegistry, type Principal } from '@cip/platform';
import type { Inspection } from '../data/inspection';
import type { Repositories } from '../data/repositories';
import type { Template } from '../data/template';
import { advisors, isUuid, lockInspection, staffOf } from './access';
import type { Caller, ReferenceChecks } from './references';
import { actorOf, inspectionClosed, inspectionCompleted, inspectionStarted } from './events';
import { assertStatus, assertTransition } from './status';
import { autoRecommendations } from './workflow';

const startSchema = z.object({
  shopId: z.string(),
  vehicleId: z.string().uuid('must be a vehicle id'),
  customerId: z.string().uuid('must be a customer id'),
  templateId: z.string().min(1).max(100).nullish(),
  technicianId: z.string().uuid('must be a user id').nullish(),
  repairOrderNumber: z.string().trim().min(1).max(50).nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as "USD"').nullish(),
  draft: z.boolean().nullish(),
});

/** What closing does to the share link: it no longer opens, and the customer tokens it gave read nothing. */
export const linkEnded = { shareTokenHash: null, shareGrant: null } as const;

export type StartInput = { shopId: string } & Record<string, unknown>;

/** An inspection's life from opening to closing: each step checks who may take it, locks, writes and emits. */
export class InspectionWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
    private readonly access: AccessRegistry,
    private readonly references: ReferenceChecks,
  ) {}

  /** The template to start with: the one asked for, else the vehicle's recommended one, else the standard. */
  private async chooseTemplate(shopId: string, vehicleId: string, requested: string | null | undefined): Promise<Template> {
    const usable = (template: Template | null) => template && (template.shopId === null || template.shopId === shopId);
    if (requested) {
      const [template] = await this.repos.templates.findByIds([requested]);
      if (!usable(template)) throw notFound('Template', requested);
      return template!;
    }
    const projected = await this.repos.vehicleTemplates.find(vehicleId);
    const [template, standard] = await this.repos.templates.findByIds([projected?.templateId ?? 'tpl_standard', 'tpl_standard']);
    return usable(template) ? template! : standard!;
  }

  async start({ principal, authorization }: Caller, input: StartInput): Promise<Inspection> {
    const staff = requireShopRole(principal, input.shopId);
    const values = parseInput(startSchema, input);
    await this.references.assertAtShop(authorization, values.shopId, values);
    const template = await this.chooseTemplate(values.shopId, values.vehicleId, values.templateId);
    const technicianId = values.technicianId ?? (staff.roles[values.shopId] === 'TECHNICIAN' ? staff.userId : null);
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const previous = await this.repos.inspections.findPreviousForVehicle(manager, values.shopId, values.vehicleId);
      const created = await this.repos.inspections.create(manager, {
        orgId: staff.orgId,
        shopId: values.shopId,
        vehicleId: values.vehicleId,
        customerId: values.customerId,
        technicianId,
        templateId: template.id,
        templateVersion: template.version,
        previousInspectionId: previous?.id ?? null,
        repairOrderNumber: values.repairOrderNumber ?? null,
        status: values.draft ? 'DRAFT' : 'IN_PROGRESS',
        currency: values.currency ?? 'USD',
        shareTokenHash: null,
        shareGrant: null,
        shareExpiresAt: null,
        createdBy: staff.userId,
        startedAt: values.draft ? null : now,
        completedAt: null,
        sentAt: null,
        closedAt: null,
      });
      let position = 0;
      await this.repos.items.insertAll(
        manager,
        template.sections.flatMap((section) =>
          section.items.map((item) => ({
            inspectionId: created.id,
            itemKey: item.key,
            position: position++,
            sectionKey: section.key,
            sectionName: section.name,
            name: item.name,
            kind: item.kind,
            unit: item.unit,
            thresholds: item.thresholds,
            recommendation: item.recommendation ?? null,
          })),
        ),
      );
      if (!values.draft) await enqueueEvents(manager, 'inspections', [inspectionStarted(created, actorOf(principal))]);
      return created;
    });
  }

  /** Starts a DRAFT; a technician nobody assigned yet takes it. */
  async begin(principal: Principal | null, id: string): Promise<Inspection> {
    const staff = staffOf(principal, await this.readable(id), id);
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, id);
      assertTransition(locked.status, 'IN_PROGRESS');
      const selfAssign = !locked.technicianId && staff.roles[locked.shopId] === 'TECHNICIAN';
      const started = await this.repos.inspections.update(manager, locked.id, {
        status: 'IN_PROGRESS',
        startedAt: new Date(),
        ...(selfAssign ? { technicianId: staff.userId } : {}),
      });
      await enqueueEvents(manager, 'inspections', [inspectionStarted(started, actorOf(principal))]);
      return started;
    });
  }

  async assignTechnician({ principal, authorization }: Caller, id: string, technicianId: unknown): Promise<Inspection> {
    const inspection = await this.readable(id);
    staffOf(principal, inspection, id, advisors);
    const technician = parseInput(z.string().uuid('must be a user id').nullish(), technicianId) ?? null;
    await this.references.assertAtShop(authorization, inspection!.shopId, { technicianId: technician });
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, id);
      assertStatus(locked.status, ['DRAFT', 'IN_PROGRESS'], 'assign a technician');
      return this.repos.inspections.update(manager, locked.id, { technicianId: technician });
    });
  }

  /** Finishes the inspection; every yellow or red item without a recommendation gets an unpriced one. */
  async complete(principal: Principal | null, id: string): Promise<Inspection> {
    staffOf(principal, await this.readable(id), id);
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, id);
      assertTransition(locked.status, 'COMPLETED');
      const items = await this.repos.items.listForInspection(manager, locked.id);
      const existing = await this.repos.recommendations.listForInspection(manager, locked.id);
      const added = await this.repos.recommendations.createMany(manager, autoRecommendations(locked, items, existing));
      const completed = await this.repos.inspections.update(manager, locked.id, { status: 'COMPLETED', completedAt: new Date() });
      await enqueueEvents(manager, 'inspections', [inspectionCompleted(completed, items, [...existing, ...added], actorOf(principal))]);
      return completed;
    });
  }

  /** Closes a SENT inspection with what is undecided left as it is; its share link ends with it. */
  async close(principal: Principal | null, id: string): Promise<Inspection> {
    staffOf(principal, await this.readable(id), id, advisors);
    const { closed, grant } = await this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, id);
      assertTransition(locked.status, 'CLOSED');
      const recommendations = await this.repos.recommendations.listForInspection(manager, locked.id);
      const closed = await this.repos.inspections.update(manager, locked.id, { status: 'CLOSED', closedAt: new Date(), ...linkEnded });
      await enqueueEvents(manager, 'inspections', [inspectionClosed(closed, recommendations, actorOf(principal))]);
      return { closed, grant: locked.shareGrant };
    });
    if (grant) await this.access.endGrant(grant);
    return closed;
  }

  private async readable(id: string): Promise<Inspection | null> {
    if (!isUuid(id)) return null;
    const [inspection] = await this.repos.inspections.findByIds([id]);
    return inspection;
  }
}
