import type { EntityManager } from 'typeorm';
import { InspectionItemRepository, InspectionRepository } from '../data/inspection';
import { MediaRepository } from '../data/media';
import { RecommendationRepository } from '../data/recommendation';
import { ShareOpeningRepository } from '../data/share-opening';
import { ShopRateRepository } from '../data/shop-rate';
import { TemplateRepository } from '../data/template';
import { VehicleTemplateRepository } from '../data/vehicle-template';

export function createRepositories(manager: EntityManager) {
  return {
    templates: new TemplateRepository(manager),
    inspections: new InspectionRepository(manager),
    items: new InspectionItemRepository(manager),
    recommendations: new RecommendationRepository(manager),
    media: new MediaRepository(manager),
    vehicleTemplates: new VehicleTemplateRepository(manager),
    shopRates: new ShopRateRepository(manager),
    shareOpenings: new ShareOpeningRepository(),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
