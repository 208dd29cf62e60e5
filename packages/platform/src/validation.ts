import type { z } from 'zod';
import { badInput } from './errors';

/** Validates resolver input with zod; failures become BAD_USER_INPUT naming each field and problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw badInput(fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; '), { fields });
}
