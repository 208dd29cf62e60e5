import { EntitySchema, IsNull, type EntityManager } from 'typeorm';
import { findByIds } from '@cip/platform';

export const itemKinds = ['CONDITION', 'MEASUREMENT'] as const;
export type ItemKind = (typeof itemKinds)[number];

export const measurementUnits = ['MILLIMETERS', 'INCH_32NDS', 'PSI', 'VOLTS', 'PERCENT', 'COLD_CRANKING_AMPS', 'FAHRENHEIT'] as const;
export type MeasurementUnit = (typeof measurementUnits)[number];

export type ThresholdDirection = 'LOWER_IS_WORSE' | 'HIGHER_IS_WORSE';

export interface Thresholds {
  direction: ThresholdDirection;
  yellowAt: number;
  redAt: number;
}

/** How the shop words the recommendation an item gets when it is found yellow or red. */
export interface RecommendationWording {
  title: string;
  description: string;
}

export interface TemplateItem {
  key: string;
  name: string;
  kind: ItemKind;
  unit: MeasurementUnit | null;
  thresholds: Thresholds | null;
  /** Absent on items saved before wording existed, and when the shop keeps the default wording. */
  recommendation?: RecommendationWording | null;
}

export interface TemplateSection {
  key: string;
  name: string;
  items: TemplateItem[];
}

/** A template's current version; every version ever used is also kept in `template_version`. */
export interface Template {
  id: string;
  orgId: string | null;
  shopId: string | null;
  name: string;
  description: string;
  basedOnId: string | null;
  version: number;
  sections: TemplateSection[];
  createdAt: Date;
  updatedAt: Date;
}

export interface TemplateVersion {
  templateId: string;
  version: number;
  sections: TemplateSection[];
  createdAt: Date;
}

export const TemplateEntity = new EntitySchema<Template>({
  name: 'Template',
  tableName: 'template',
  columns: {
    id: { type: 'text', primary: true },
    orgId: { type: 'uuid', name: 'org_id', nullable: true },
    shopId: { type: 'uuid', name: 'shop_id', nullable: true },
    name: { type: 'text' },
    description: { type: 'text', default: '' },
    basedOnId: { type: 'text', name: 'based_on_id', nullable: true },
    version: { type: 'integer' },
    sections: { type: 'jsonb' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export const TemplateVersionEntity = new EntitySchema<TemplateVersion>({
  name: 'TemplateVersion',
  tableName: 'template_version',
  columns: {
    templateId: { type: 'text', name: 'template_id', primary: true },
    version: { type: 'integer', primary: true },
    sections: { type: 'jsonb' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const isBuiltIn = (template: Pick<Template, 'shopId'>) => template.shopId === null;

export class TemplateRepository {
  constructor(private readonly manager: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<(Template | null)[]> {
    return findByIds(this.manager, TemplateEntity, ids);
  }

  /** The built-in templates and the shop's own, built-in first, then by name. */
  listForShop(shopId: string): Promise<Template[]> {
    return this.manager.find(TemplateEntity, {
      where: [{ shopId: IsNull() }, { shopId }],
      order: { shopId: { direction: 'ASC', nulls: 'FIRST' }, name: 'ASC', id: 'ASC' },
      comment: 'templates.listForShop',
    });
  }

  /** Locks the template so two concurrent edits cannot both write the same next version. */
  findForUpdate(manager: EntityManager, id: string): Promise<Template | null> {
    return manager.findOne(TemplateEntity, { where: { id }, lock: { mode: 'pessimistic_write' }, comment: 'templates.findForUpdate' });
  }

  async create(manager: EntityManager, input: Omit<Template, 'version' | 'createdAt' | 'updatedAt'>): Promise<Template> {
    const template = await manager.save(TemplateEntity, manager.create(TemplateEntity, { ...input, version: 1 }));
    await manager.insert(TemplateVersionEntity, { templateId: template.id, version: 1, sections: template.sections });
    return template;
  }

  /** Writes the next version; inspections started on earlier versions keep theirs. */
  async update(manager: EntityManager, template: Template, changes: Partial<Pick<Template, 'name' | 'description' | 'sections'>>): Promise<Template> {
    const next = changes.sections ? template.version + 1 : template.version;
    await manager.update(TemplateEntity, { id: template.id }, { ...changes, version: next });
    if (changes.sections) await manager.insert(TemplateVersionEntity, { templateId: template.id, version: next, sections: changes.sections });
    return manager.findOneByOrFail(TemplateEntity, { id: template.id });
  }
}
