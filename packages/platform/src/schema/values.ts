import { GraphQLError, Kind, valueFromASTUntyped } from 'graphql';
import { ErrorCode } from '../errors';

export interface MoneyShape {
  amountCents: number;
  currency: string;
}

/** An amount in integer cents with its currency: the one way every subgraph builds a `Money` value. */
export const money = (amountCents: number, currency: string): MoneyShape => ({ amountCents, currency });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the builder of any subgraph's context
type AnyBuilder = PothosSchemaTypes.SchemaBuilder<any>;

/** `DateTime`, `Cents` and `Money`, declared identically by every subgraph. */
export function registerValueTypes(builder: AnyBuilder) {
  builder.scalarType('DateTime', {
    description: 'An instant in time, as an ISO-8601 string in UTC (e.g. "2026-03-01T14:30:00.000Z").',
    serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value as string).toISOString()),
    parseValue: (value) => parseDate(value),
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
  });

  builder.scalarType('Cents', {
    description: 'A whole number of the smallest currency unit (e.g. 12999 is $129.99). Never fractional, never beyond 2^53 − 1.',
    serialize: (value) => value,
    parseValue: (value) => parseCents(value),
    parseLiteral: (ast) => parseCents(ast.kind === Kind.INT ? Number(ast.value) : null),
  });

  const Money = builder.objectRef<MoneyShape>('Money').implement({
    description: 'An amount of money: integer cents and an ISO-4217 currency code.',
    shareable: true,
    fields: (t) => ({
      amountCents: t.expose('amountCents', { type: 'Cents', description: 'The amount in the smallest currency unit.' }),
      currency: t.exposeString('currency', { description: 'ISO-4217 currency code, e.g. "USD".' }),
    }),
  });
  return { Money };
}

/** `JSON`, declared identically by every subgraph that carries free-form values (flag states, WebAuthn ceremonies, audit details). */
export function registerJsonScalar(builder: AnyBuilder) {
  builder.scalarType('JSON', {
    description: 'Any JSON value.',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: (ast) => (ast.kind === Kind.NULL ? null : valueFromASTUntyped(ast)),
  });
}

/**
 * An enum whose values are the strings of `values` (as stored), each with the description clients read:
 * `describedEnum(builder, 'InspectionStatus', 'Where …', { DRAFT: 'Opened …', … })`.
 */
export function describedEnum<V extends string>(builder: AnyBuilder, name: string, description: string, values: Record<V, string>) {
  const entries = Object.entries(values) as [V, string][];
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(entries.map(([value, text]) => [value, { value, description: text }])) as Record<V, { value: V; description: string }>,
  });
}

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO-8601 string.', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  return date;
}

function parseCents(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new GraphQLError('Cents must be a whole number of the smallest currency unit.', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  return value;
}
