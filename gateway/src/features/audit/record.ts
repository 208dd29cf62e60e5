import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { auditActorOf, auditInputDigest, type AuditRecord } from '@cip/platform/core';
import type { GatewayContext } from '../../context';

const maxTargets = 50;
const idKey = /^(id|.*Id)$/;
const idsKey = /^.*Ids$/;

/** Ids named in the variables (`id`, `…Id`, `…Ids` at any depth) and the ids of what the field answered, in first-seen order. */
export function targetIdsOf(variables: Record<string, unknown>, data: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key: string | null, depth: number) => {
    if (found.size >= maxTargets || depth > 6 || value === null || value === undefined) return;
    if (typeof value === 'string') {
      if (key && idKey.test(key) && value.length <= 200) found.add(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key && idsKey.test(key) ? 'id' : null, depth + 1);
      return;
    }
    if (typeof value === 'object') for (const [name, inner] of Object.entries(value as Record<string, unknown>)) visit(inner, name, depth + 1);
  };
  visit(variables, null, 0);
  visit(data, null, 0);
  return [...found].slice(0, maxTargets);
}

function traceIdOf(context: GatewayContext): string | null {
  const active = trace.getActiveSpan()?.spanContext().traceId;
  if (active && !/^0+$/.test(active)) return active;
  const parent = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(context.traceHeaders.traceparent ?? '');
  return parent ? parent[1] : null;
}

function shopIdOf(variables: Record<string, unknown>): string | null {
  const input = variables.input as Record<string, unknown> | undefined;
  const candidate = variables.shopId ?? input?.shopId;
  return typeof candidate === 'string' && /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i.test(candidate) ? candidate : null;
}

/**
 * One audit record per root field of a mutation that ran: who called it, on what, the digest of the
 * variables (secrets taken out), and whether that field answered without an error.
 */
export function mutationAuditRecords(input: {
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  data: Record<string, unknown> | null | undefined;
  errors: readonly GraphQLFormattedError[];
  context: GatewayContext;
  occurredAt: Date;
}): AuditRecord[] {
  const { operation, variables, data, errors, context } = input;
  const actor = auditActorOf(context.principal);
  const digest = auditInputDigest(variables);
  const traceId = traceIdOf(context);
  const requestFailure = errors.find((error) => !error.path);
  return operation.selectionSet.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD || selection.name.value.startsWith('__')) return [];
    const key = selection.alias?.value ?? selection.name.value;
    const failure = requestFailure ?? errors.find((error) => error.path?.[0] === key);
    const code = failure?.extensions?.code;
    return [
      {
        id: randomUUID(),
        occurredAt: input.occurredAt.toISOString(),
        ...actor,
        shopId: shopIdOf(variables) ?? actor.shopId,
        type: 'MUTATION' as const,
        operation: selection.name.value,
        targetIds: targetIdsOf(variables, data?.[key]),
        inputDigest: digest,
        outcome: failure ? ('FAILURE' as const) : ('SUCCESS' as const),
        errorCode: failure ? (typeof code === 'string' ? code.slice(0, 100) : 'INTERNAL_SERVER_ERROR') : null,
        requestId: context.requestId ?? null,
        traceId,
        clientAddress: context.client?.address ?? null,
        userAgent: context.client?.userAgent ?? null,
      },
    ];
  });
}
