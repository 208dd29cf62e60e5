import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { badInput, parseInput, type Principal } from '@cip/platform';
import { conditions, type Inspection, type InspectionItem } from '../data/inspection';
import type { Repositories } from '../data/repositories';
import { measurementUnits } from '../data/template';
import { isUuid, lockInspection, staffOf } from './access';
import { conditionFor } from './conditions';
import { assertStatus } from './status';

const resultsSchema = z
  .array(
    z.object({
      itemKey: z.string().min(1).max(100),
      condition: z.enum(conditions).nullish(),
      measurement: z.object({ value: z.number().finite(), unit: z.enum(measurementUnits) }).nullish(),
      notes: z.string().max(4000).nullish(),
    }),
  )
  .min(1, 'must hold at least one result')
  .max(500);

/** The technician's results, item by item. */
export class ItemResults {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
  ) {}

  /** Records results of an IN_PROGRESS inspection, all or nothing. */
  async record(principal: Principal | null, inspectionId: string, input: unknown): Promise<Inspection> {
    const [inspection] = isUuid(inspectionId) ? await this.repos.inspections.findByIds([inspectionId]) : [null];
    const staff = staffOf(principal, inspection, inspectionId);
    const results = parseInput(resultsSchema, input);
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, inspectionId);
      assertStatus(locked.status, ['IN_PROGRESS'], 'record results');
      const items = new Map((await this.repos.items.listForInspection(manager, locked.id)).map((item) => [item.itemKey, item]));
      const changed = new Map<string, InspectionItem>();
      results.forEach((result, index) => {
        const field = `results.${index}`;
        const item = changed.get(result.itemKey) ?? items.get(result.itemKey);
        if (!item) {
          throw badInput(`Item "${result.itemKey}" is not in this inspection's template (${locked.templateId} version ${locked.templateVersion}).`, { field: `${field}.itemKey` });
        }
        const next = { ...item, inspectedBy: staff.userId, inspectedAt: now };
        if (result.measurement) {
          if (item.kind !== 'MEASUREMENT') throw badInput(`Item "${item.itemKey}" takes a condition, not a measurement.`, { field: `${field}.measurement` });
          if (result.measurement.unit !== item.unit) {
            throw badInput(`Item "${item.itemKey}" is measured in ${item.unit}, not ${result.measurement.unit}.`, { field: `${field}.measurement.unit`, expectedUnit: item.unit });
          }
          next.measurement = result.measurement.value;
          if (item.thresholds) next.condition = conditionFor(result.measurement.value, item.thresholds);
        }
        if (result.condition) next.condition = result.condition;
        if (result.notes != null) next.notes = result.notes;
        changed.set(item.itemKey, next);
      });
      await this.repos.items.saveResults(manager, [...changed.values()]);
      return locked;
    });
  }
}
