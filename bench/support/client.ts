export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One GraphQL request over HTTP, as a client sends it. */
export async function request<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResult<T>, 'status'>) };
}

/** Like `request`, but returns the data and throws on any error. */
export async function mustRequest<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers?: Record<string, string>): Promise<T> {
  const result = await request<T>(url, query, variables, token, headers);
  if (result.errors?.length || !result.data) throw new Error(`${query.trim().split('\n')[0]} failed (${result.status}): ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Runs `task` for every item, at most `concurrency` at a time, and returns the results in order. */
export async function inBatches<T, R>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index], index);
      }
    }),
  );
  return results;
}
