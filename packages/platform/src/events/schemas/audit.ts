import { auditRecordSchema } from '../../audit/entry';
import { defineEvent } from '../definition';

export const auditEvents = [
  defineEvent({
    type: 'audit.recorded',
    version: 1,
    producer: 'gateway',
    subject: 'AuditEntry',
    description: "An action to append to its organization's audit log (the gateway records every mutation's outcome); shops appends it once, in order.",
    data: auditRecordSchema,
  }),
] as const;
