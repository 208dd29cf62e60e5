import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** The error's other extensions (an MFA challenge, a retry delay …). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Persisted = { __meta__?: { hash?: string }; definitions?: { kind: string; name?: { value: string } }[] };

/**
 * One GraphQL request by the operation's published hash alone (the gateway holds the text in its
 * persisted-operations manifest), so a page that needs no cache ships neither a client library nor
 * the documents' text.
 */
export async function request<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { token?: string; endpoint?: string } = {},
): Promise<TData> {
  const hash = (document as unknown as Persisted).__meta__?.hash;
  const operationName = (document as unknown as Persisted).definitions?.find((d) => d.kind === 'OperationDefinition')?.name?.value;
  if (!hash) throw new Error('document has no persisted hash: run npm run codegen');
  const response = await fetch(options.endpoint ?? '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  const body = (await response.json()) as { data?: TData; errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors[0].message, body.errors[0].extensions?.code, body.errors[0].extensions);
  if (!body.data) throw new GraphQLRequestError(`The server answered ${response.status}.`, undefined);
  return body.data;
}
