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
] as const;
