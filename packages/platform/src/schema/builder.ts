import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import { GraphQLError, Kind } from 'graphql';

export interface MoneyShape {
  amountCents: number;
  currency: string;
}

export interface BuilderTypes<Ctx extends object> {
  Context: Ctx;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    Cents: { Input: number; Output: number };
  };
}

const federationVersion = 'https://specs.apollo.dev/federation/v2.6';

/**
 * The Pothos builder every subgraph starts from: the federation plugin, non-null fields by default,
 * and the shared value types (`DateTime`, `Cents`, `Money`) that every subgraph declares identically.
 */
export function createSubgraphBuilder<Ctx extends object>() {
  const builder = new SchemaBuilder<BuilderTypes<Ctx>>({
    plugins: [DirectivePlugin, FederationPlugin],
    defaultFieldNullability: false,
  });

  builder.scalarType('DateTime', {
    description: 'An instant in time, as an ISO-8601 string in UTC (e.g. "2026-03-01T14:30:00.000Z").',
    serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
    parseValue: (value) => parseDate(value),
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
  });

  builder.scalarType('Cents', {
    description: 'A whole number of the smallest currency unit (e.g. 12999 is $129.99). Never fractional.',
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

  builder.queryType({});

  return {
    builder,
    Money,
    toSchema: () => builder.toSubGraphSchema({ linkUrl: federationVersion }),
  };
}

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO-8601 string.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

function parseCents(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new GraphQLError('Cents must be a whole number of the smallest currency unit.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}
