import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { blockFieldSuggestionsDefaultOptions } from '@escape.tech/graphql-armor-block-field-suggestions';
import { ErrorCode } from '@cip/platform/core';

const publicCodes = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));
const graphqlCodes = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/**
 * What clients see of an error: its message and code when the code is one of ours or a GraphQL
 * request error; otherwise a generic internal error, so stack traces, SQL and hostnames never leak.
 */
export function formatGatewayError(original: GraphQLFormattedError): GraphQLFormattedError {
  const formatted = asLimitRefusal(original);
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  if (code && (publicCodes.has(code) || graphqlCodes.has(code))) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** Errors as they come from graphql-js (GraphQLError) or from a subgraph's JSON (plain objects), in their formatted shape. */
export function toFormattedErrors(errors: readonly unknown[]): GraphQLFormattedError[] {
  return errors.map((error) => {
    if (error instanceof GraphQLError) return error.toJSON();
    if (error && typeof error === 'object' && typeof (error as GraphQLFormattedError).message === 'string') return error as GraphQLFormattedError;
    return { message: String(error) };
  });
}

// graphql-js 16 words it "more that".
const tooManyTokens = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/**
 * Limit refusals keep one code whichever stage refused: Apollo Server recodes every validation error
 * GRAPHQL_VALIDATION_FAILED (the edge's rules mark theirs with `limit`), and the parser's token limit is a syntax error.
 */
function asLimitRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  if (extensions.code === 'GRAPHQL_VALIDATION_FAILED' && typeof extensions.limit === 'string') {
    return { ...formatted, extensions: { ...extensions, code: ErrorCode.QUERY_TOO_COMPLEX } };
  }
  const tokens = extensions.code === 'GRAPHQL_PARSE_FAILED' ? tooManyTokens.exec(formatted.message) : null;
  if (tokens) {
    return {
      message: `The document has more than ${tokens[1]} tokens; send a smaller one.`,
      extensions: { ...extensions, code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'tokens', max: Number(tokens[1]) },
    };
  }
  return formatted;
}

/** A message with graphql-js's field and type suggestions masked, as graphql-armor masks them over HTTP. */
export const withoutSuggestions = (message: string) => message.replace(/Did you mean ".+"/g, blockFieldSuggestionsDefaultOptions.mask);
