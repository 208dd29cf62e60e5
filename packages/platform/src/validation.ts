import { z } from 'zod';
import { badInput } from './errors';

/** A validation problem as zod and Standard Schema report it: a message and the path to the bad value. */
export interface InputIssue {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[];
}

/** BAD_USER_INPUT naming every bad field (`input.title: must be at most 200 characters`), in `extensions.fields` too. */
export function inputError(issues: readonly InputIssue[]) {
  const fields = issues.map((issue) => ({
    path: (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.'),
    message: issue.message,
  }));
  return badInput(fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; '), { fields });
}

/** Validates input with zod outside the schema (event payloads, options); failures become BAD_USER_INPUT. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw inputError(result.error.issues);
}

// The one vocabulary every subgraph validates its arguments with, so the same kind of value is refused the
// same way everywhere, before it reaches the database.

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Embeddings and overrides (U+202A–U+202E, U+2066–U+2069) reorder what people read; they have no use in names or notes. */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;
const invisible = /[\s\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]|\u034F/gu;

/** Free text (notes, descriptions): no NUL or other control characters but line breaks and tabs, no bidi controls. */
function text(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !controlCharacters.test(value), 'must not contain control characters')
    .refine((value) => !bidiControls.test(value), 'must not contain bidirectional control characters');
}

/** A name people read (a shop, a template, a recommendation title): trimmed text with something visible in it. */
function name(max = 200) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .refine((value) => !/[\u0000-\u001F\u007F]/.test(value), 'must not contain control characters')
    .refine((value) => !bidiControls.test(value), 'must not contain bidirectional control characters')
    .refine((value) => value.replace(invisible, '').length > 0, 'must contain a visible character');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for strings that can be keys of a uuid column. */
export const isUuid = (id: string) => uuidPattern.test(id);

/** The id of an object (`typename` names it in the message), checked as a UUID before any query. */
function id(typename: string) {
  return z.string().regex(uuidPattern, `must be the id of a ${typename}`);
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO-4217 currency code in use (e.g. "USD"); made-up codes are refused rather than stored. */
function currency() {
  return z.string().refine((code) => currencies.has(code), 'must be an ISO-4217 currency code such as "USD"');
}

/** Money in integer cents: whole, not negative, within the range clients can represent exactly. */
function cents() {
  return z.number().int('must be a whole number of cents').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER, 'is too large');
}

/** A count or a whole quantity between `min` and `max`. */
function count(min: number, max: number) {
  return z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
}

/** A page size argument. */
function pageSize(max = 100) {
  return count(1, max);
}

/** The shared validation vocabulary, for `validate:` on arguments and input fields. */
export const valid = { text, name, id, currency, cents, count, pageSize };
