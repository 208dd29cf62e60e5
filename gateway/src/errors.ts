import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@cip/platform';

const publicCodes = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));
const graphqlCodes = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/**
 * What clients see of an error: its message and code when the code is one of ours or a GraphQL
 * request error; otherwise a generic internal error, so stack traces, SQL and hostnames never leak.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
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
