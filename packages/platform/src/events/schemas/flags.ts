import { z } from 'zod';
import { defineEvent } from '../definition';

/** Flags are platform-wide: their events belong to no organization. */
export const platformOrgId = 'platform';

export const flagsEvents = [
  defineEvent({
    type: 'feature_flag.changed',
    version: 1,
    producer: 'analytics',
    subject: 'FeatureFlag',
    description: 'An operator changed a feature flag or dynamic setting (now, or scheduled for a time), with a reason.',
    data: z.object({
      key: z.string().describe('The flag.'),
      version: z.number().int().positive().describe('The change number; every process applies the highest it has seen.'),
      previousState: z.record(z.string(), z.unknown()).nullish().describe('The configuration in force before (null: none stored, the default in code).'),
      state: z.record(z.string(), z.unknown()).describe('The configuration in force now.'),
      scheduledState: z.record(z.string(), z.unknown()).nullable().describe('The configuration that takes over at scheduledAt.'),
      scheduledAt: z.iso.datetime({ offset: true }).nullable().describe('When scheduledState takes over.'),
      owner: z.string().describe('Who answers for the flag.'),
      expiresAt: z.iso.datetime({ offset: true }).nullable().describe('When the flag is due for removal (listed as stale after).'),
      reason: z.string().describe('Why the operator changed it.'),
      operator: z.string().describe('The operator who changed it.'),
    }),
  }),
] as const;

export const experimentEvents = [
  defineEvent({
    type: 'experiment.exposure_recorded',
    version: 1,
    producer: 'inspections',
    subject: 'ExperimentExposure',
    description: 'A unit (a sent report) was first shown a variant of an experiment; recorded once per unit.',
    data: z.object({
      flagKey: z.string().describe('The experiment flag.'),
      unitId: z.string().describe('The unit assigned (for report experiments, the inspection).'),
      variant: z.string().describe('The variant it was assigned.'),
    }),
  }),
] as const;
