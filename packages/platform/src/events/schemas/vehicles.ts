import { z } from 'zod';
import { defineEvent } from '../definition';
import { id } from './fields';

const vehicleId = id.describe('The vehicle.');
const recommendedTemplateId = z.string().describe('The inspection template recommended for it.');

export const vehiclesEvents = [
  defineEvent({
    type: 'vehicle.added',
    version: 1,
    producer: 'vehicles',
    subject: 'Vehicle',
    description: "A vehicle was added to a customer's record, its VIN decoded.",
    data: z.object({
      vehicleId,
      customerId: id.describe('Its owner.'),
      vin: z.string().describe('The VIN.'),
      year: z.number().int().nullable().describe('Model year, when decoded.'),
      make: z.string().nullable().describe('Make, when decoded.'),
      model: z.string().nullable().describe('Model, when decoded.'),
      recommendedTemplateId,
    }),
  }),
  defineEvent({
    type: 'vehicle.template_changed',
    version: 1,
    producer: 'vehicles',
    subject: 'Vehicle',
    description: "A vehicle's recommended template changed (a shop override, or late VIN data).",
    data: z.object({ vehicleId, recommendedTemplateId }),
  }),
] as const;
