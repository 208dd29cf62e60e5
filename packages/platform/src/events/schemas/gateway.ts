import { z } from 'zod';
import { defineEvent } from '../definition';
import { id } from './fields';

export const gatewayEvents = [
  defineEvent({
    type: 'webhook.endpoint_disabled',
    version: 1,
    producer: 'gateway',
    subject: 'WebhookEndpoint',
    description: 'A webhook endpoint failed too many deliveries in a row and was turned off.',
    data: z.object({
      endpointId: id.describe('The endpoint.'),
      owner: z.record(z.string(), z.unknown()).describe('Who registered it.'),
      url: z.string().describe('Where it delivered.'),
      failures: z.number().int().describe('Failed attempts in a row.'),
      message: z.string().describe('What to do about it.'),
    }),
  }),
  defineEvent({
    type: 'webhook.endpoint_paused',
    version: 1,
    producer: 'gateway',
    subject: 'WebhookEndpoint',
    description: "A webhook endpoint's registrant lost the access it was registered with (removed from a shop or demoted below manager), so its deliveries stopped.",
    data: z.object({
      endpointId: id.describe('The endpoint.'),
      registrantId: id.describe('The staff user who registered it.'),
      url: z.string().describe('Where it delivered.'),
      shopIds: z.array(z.string()).describe('The shops it covers.'),
      reason: z.string().describe('Which access was lost, and what to do about it.'),
    }),
  }),
] as const;
