import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationContext } from 'graphql';
import { ErrorCode } from '@cip/platform/core';
import { withoutSuggestions } from '../../errors';
import type { GatewayFeature } from '../feature';

/** What one document may hold before it is planned (docs/integration.md, "Limits"). */
export interface EdgeLimits {
  /** Lexical tokens in the document; the parser stops at the first one past it. */
  maxTokens: number;
  /** Aliased fields, fragments spread in place. */
  maxAliases: number;
  /** Directives (`@include`, `@skip`, …) in the document. */
  maxDirectives: number;
  /** Fields nested in fields, fragments spread in place. */
  maxDepth: number;
  /** graphql-armor's cost: 2 per object field, 1 per scalar, multiplied by 1.5 per level, fragments spread in place. */
  maxCost: number;
}

// maxCost admits every published operation (the shop board costs about 18,500; a test checks them all).
export const defaultEdgeLimits: EdgeLimits = { maxTokens: 2_000, maxAliases: 15, maxDirectives: 50, maxDepth: 12, maxCost: 30_000 };

export interface ArmorOptions {
  limits?: Partial<EdgeLimits>;
  /** Take "Did you mean …" out of error messages (they map the schema for whoever cannot introspect it). Default: in production. */
  blockFieldSuggestions?: boolean;
}

/**
 * The edge's guard against expensive documents, from graphql-armor: tokens are counted while parsing,
 * aliases, directives, depth and cost while validating, so a refused document is never planned or sent to a
 * subgraph. Every refusal is QUERY_TOO_COMPLEX (400) with `extensions.limit` naming the limit and its value.
 * The page-aware cost of the limits feature still applies to what gets through.
 */
export function armorFeature(options: ArmorOptions = {}): GatewayFeature {
  return {
    name: 'armor',
    setup({ config }) {
      const limits = { ...defaultEdgeLimits, ...options.limits };
      const refuse =
        (limit: string, value: number): GraphQLArmorRejectCallback =>
        (context: ValidationContext | null, error: GraphQLError) =>
          context?.reportError(
            new GraphQLError(withoutSuggestions(error.message), { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, max: value, http: { status: 400 } } }),
          );
      const rule = (limit: string, value: number) => ({ propagateOnRejection: false, onReject: [refuse(limit, value)] });
      const { plugins, validationRules } = new ApolloArmor({
        blockFieldSuggestion: { enabled: options.blockFieldSuggestions ?? config.deployed },
        // Counted by graphql-js's own parser (parseOptions below), which answers 400 rather than failing the request.
        maxTokens: { enabled: false },
        maxAliases: { n: limits.maxAliases, ...rule('aliases', limits.maxAliases) },
        maxDirectives: { n: limits.maxDirectives, ...rule('directives', limits.maxDirectives) },
        maxDepth: { n: limits.maxDepth, flattenFragments: true, ...rule('depth', limits.maxDepth) },
        costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...rule('cost', limits.maxCost) },
      }).protect();
      return { plugins: plugins as never, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
    },
  };
}
