import { z } from 'zod';
import { defineEvent } from '../definition';
import { id } from './fields';

export const securityEventTypes = [
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'NEW_DEVICE',
  'CREDENTIAL_STUFFING',
  'REFRESH_TOKEN_REUSE',
  'MFA_FAILED',
  'API_KEY_NEW_ADDRESS',
  'PERMISSION_DENIED_BURST',
] as const;
export type SecurityEventType = (typeof securityEventTypes)[number];

export const securitySeverities = ['INFO', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type SecuritySeverity = (typeof securitySeverities)[number];

const securityEventData = z.object({
  type: z.enum(securityEventTypes).describe('What happened.'),
  severity: z.enum(securitySeverities).describe('How much it matters: HIGH calls for attention now.'),
  userId: id.nullable().describe('The staff user it concerns, when one.'),
  actorId: z.string().nullable().describe('The API key or other caller it concerns, when not a user.'),
  clientAddress: z.string().nullable().describe('The client address the gateway saw.'),
  userAgent: z.string().nullable().describe("The client's user agent."),
  description: z.string().describe('What happened, in a sentence.'),
});

export const securityEvents = [
  defineEvent({
    type: 'security.event_raised',
    version: 1,
    producer: 'shops',
    subject: 'SecurityEvent',
    organizationLevel: true,
    description: "A security event in the organization (sign-ins, new devices, credential stuffing, token reuse, MFA failures, permission-denied bursts), with its severity; HIGH ones call for the owner's attention.",
    data: securityEventData,
  }),
  defineEvent({
    type: 'security.alert_raised',
    version: 1,
    producer: 'shops',
    subject: 'SecurityEvent',
    entity: 'SecurityAlert',
    organizationLevel: true,
    description: "A HIGH security event (credential stuffing, refresh-token reuse, a permission-denied burst) that calls for the owner's attention now, with what to do about it; sent in the transaction that raised the event, beside `security.event_raised`.",
    data: securityEventData.extend({ advice: z.string().describe('What the owner should do about it.') }),
  }),
] as const;
