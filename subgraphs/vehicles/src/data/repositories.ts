import type { EntityManager } from 'typeorm';
import { MileageReadingRepository } from './mileage-reading';
import { TemplateOverrideRepository } from './template-override';
import { VehicleRepository } from './vehicle';

export function createRepositories(manager: EntityManager) {
  return {
    vehicles: new VehicleRepository(manager),
    mileage: new MileageReadingRepository(manager),
    templateOverrides: new TemplateOverrideRepository(manager),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
