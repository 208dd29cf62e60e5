import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { badInput, notFound, parseInput, requireShopRole, type Principal } from '@cip/platform';
import type { Repositories } from '../data/repositories';
import { itemKinds, measurementUnits, type Template, type TemplateSection } from '../data/template';
import { canReadTemplate, editors } from './access';

const key = z.string().trim().regex(/^[a-z0-9_.]{1,80}$/, 'must be 1 to 80 lower-case letters, digits, "_" or "."');
const thresholdsSchema = z
  .object({ direction: z.enum(['LOWER_IS_WORSE', 'HIGHER_IS_WORSE']), yellowAt: z.number().finite(), redAt: z.number().finite() })
  .refine((t) => (t.direction === 'LOWER_IS_WORSE' ? t.redAt < t.yellowAt : t.redAt > t.yellowAt), 'redAt must be past yellowAt in the direction that is worse');
const itemSchema = z
  .object({
    key: key.nullish(),
    name: z.string().trim().min(1).max(200),
    kind: z.enum(itemKinds),
    unit: z.enum(measurementUnits).nullish(),
    thresholds: thresholdsSchema.nullish(),
    recommendation: z.object({ title: z.string().trim().min(1).max(150), description: z.string().trim().max(2000).nullish() }).nullish(),
  })
  .refine((i) => (i.kind === 'MEASUREMENT' ? Boolean(i.unit && i.thresholds) : !i.unit && !i.thresholds), 'a measurement needs a unit and thresholds; a condition item has neither');
const sectionsSchema = z
  .array(z.object({ key: key.nullish(), name: z.string().trim().min(1).max(200), items: z.array(itemSchema).min(1).max(200) }))
  .min(1)
  .max(50);
const nameSchema = z.string().trim().min(1).max(200);

/** Validates sections and fills missing keys; keys must be unique across the template. */
function parseSections(input: unknown): TemplateSection[] {
  const sections = parseInput(sectionsSchema, input).map((s) => ({
    key: s.key ?? `s_${randomUUID().slice(0, 8)}`,
    name: s.name,
    items: s.items.map((i) => ({
      key: i.key ?? `i_${randomUUID().slice(0, 8)}`,
      name: i.name,
      kind: i.kind,
      unit: i.unit ?? null,
      thresholds: i.thresholds ?? null,
      recommendation: i.recommendation ? { title: i.recommendation.title, description: i.recommendation.description ?? '' } : null,
    })),
  }));
  const seen = new Set<string>();
  for (const itemKey of sections.flatMap((s) => s.items.map((i) => i.key))) {
    if (seen.has(itemKey)) throw badInput(`Item key "${itemKey}" is used twice; item keys must be unique in a template.`, { field: 'sections' });
    seen.add(itemKey);
  }
  return sections;
}

export interface TemplateChanges {
  name?: string | null;
  description?: string | null;
  sections?: unknown;
}

/** The built-in templates and the shops' own, in versions. */
export class TemplateLibrary {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
  ) {}

  /** The built-ins first, then the shop's own by name. Staff of the shop. */
  list(principal: Principal | null, shopId: string): Promise<Template[]> {
    requireShopRole(principal, shopId);
    return this.repos.templates.listForShop(shopId);
  }

  /** Copies a built-in or the shop's own template into a new template of the shop, at version 1. */
  async copy(principal: Principal | null, shopId: string, templateId: string, name: string | null | undefined): Promise<Template> {
    const staff = requireShopRole(principal, shopId, editors);
    const [source] = await this.repos.templates.findByIds([templateId]);
    if (!source || (source.shopId !== null && source.shopId !== shopId)) throw notFound('Template', templateId);
    const copyName = parseInput(nameSchema, name ?? `${source.name} (copy)`);
    return this.dataSource.transaction((manager) =>
      this.repos.templates.create(manager, { id: randomUUID(), orgId: staff.orgId, shopId, name: copyName, description: source.description, basedOnId: source.id, sections: source.sections }),
    );
  }

  /** Renames a shop template or replaces its sections (a new version). Built-ins cannot be edited. */
  async update(principal: Principal | null, id: string, input: TemplateChanges): Promise<Template> {
    const [template] = await this.repos.templates.findByIds([id]);
    if (!template || !canReadTemplate(principal, template)) throw notFound('Template', id);
    if (!template.shopId) throw badInput('Built-in templates cannot be edited; copy it with copyTemplate and edit the copy.', { field: 'id' });
    requireShopRole(principal, template.shopId, editors);
    const changes = {
      ...(input.name != null ? { name: parseInput(nameSchema, input.name) } : {}),
      ...(input.description != null ? { description: parseInput(z.string().max(2000), input.description) } : {}),
      ...(input.sections != null ? { sections: parseSections(input.sections) } : {}),
    };
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.repos.templates.findForUpdate(manager, template.id);
      return this.repos.templates.update(manager, locked!, changes);
    });
  }
}
