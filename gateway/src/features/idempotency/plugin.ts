import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { appError, badInput, ErrorCode, type KeyValueStore, type Principal } from '@cip/platform/core';
import type { GatewayContext } from '../../context';

const header = 'idempotency-key';
const validKey = /^[\x21-\x7e]{1,255}$/;

/** Whose keys these are: a key names a retry of one caller's request, never anyone else's. */
function callerOf(principal: Principal | null): string {
  switch (principal?.kind) {
    case 'staff':
      return `staff:${principal.userId}`;
    case 'customer':
      return `customer:${principal.inspectionId}:${principal.customerId}`;
    case 'partner':
      return `partner:${principal.keyId}`;
    case 'operator':
      return `operator:${principal.operator}`;
    default:
      return 'anonymous';
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Results that say the operation may not have run (or may run differently next time) are not kept: a retry runs it. */
const transientCodes = new Set<string>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SUBGRAPH_UNAVAILABLE, ErrorCode.SUBGRAPH_TIMEOUT, ErrorCode.RATE_LIMITED, ErrorCode.SERVICE_UNAVAILABLE]);

interface Kept {
  /** The operation and variables the key was first used with. */
  fingerprint: string;
  result?: FormattedExecutionResult;
}

/**
 * Answers a mutation sent again with the same `Idempotency-Key` from the kept result. A key is claimed with an
 * atomic increment, so of two copies sent at once only one runs (the other is told CONFLICT and may retry).
 */
export function idempotencyPlugin(store: KeyValueStore, ttlSeconds: number): ApolloServerPlugin<GatewayContext> {
  const keysOf = (ctx: GraphQLRequestContext<GatewayContext>) => {
    const key = ctx.request.http?.headers.get(header);
    if (key === undefined || ctx.operation?.operation !== 'mutation') return null;
    if (!validKey.test(key)) throw badInput('Idempotency-Key must be 1 to 255 printable ASCII characters.', { http: { status: 400 } });
    const scope = sha256(`${callerOf(ctx.contextValue.principal)}\n${key}`);
    return { record: `idempotency:${scope}`, claim: `idempotency:${scope}:claim` };
  };
  const fingerprintOf = (ctx: GraphQLRequestContext<GatewayContext>) =>
    sha256(`${ctx.request.operationName ?? ''}\n${ctx.source ?? ''}\n${JSON.stringify(ctx.request.variables ?? {})}`);

  return {
    async requestDidStart() {
      let claimed: { record: string; claim: string; fingerprint: string } | undefined;
      let replay: FormattedExecutionResult | undefined;
      return {
        // Refusals are thrown here, once the operation is known: Apollo Server answers them with their own status.
        async didResolveOperation(ctx) {
          const keys = keysOf(ctx);
          if (!keys) return;
          const fingerprint = fingerprintOf(ctx);
          if ((await store.increment(keys.claim, ttlSeconds)) === 1) {
            await store.set(keys.record, JSON.stringify({ fingerprint } satisfies Kept), ttlSeconds);
            claimed = { ...keys, fingerprint };
            return;
          }
          const kept = JSON.parse((await store.get(keys.record)) ?? 'null') as Kept | null;
          if (kept && kept.fingerprint !== fingerprint) {
            throw appError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used for another operation or other variables; use a new key for a new request.', {
              http: { status: 422 },
            });
          }
          if (!kept?.result) {
            throw appError(ErrorCode.CONFLICT, 'A request with this Idempotency-Key is still running; retry once it has finished.', { http: { status: 409 } });
          }
          replay = kept.result;
        },
        async responseForOperation() {
          if (!replay) return null;
          return { http: { status: 200, headers: new HeaderMap([['idempotent-replayed', 'true']]) }, body: { kind: 'single', singleResult: replay } };
        },
        async willSendResponse({ response }) {
          if (!claimed || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          const transient = singleResult.errors?.some((error) => transientCodes.has(String(error.extensions?.code)));
          if (transient) {
            await store.delete(claimed.claim);
            await store.delete(claimed.record);
            return;
          }
          const kept: Kept = { fingerprint: claimed.fingerprint, result: { data: singleResult.data, ...(singleResult.errors ? { errors: singleResult.errors } : {}) } };
          await store.set(claimed.record, JSON.stringify(kept), ttlSeconds);
        },
      };
    },
  };
}
