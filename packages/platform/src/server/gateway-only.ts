import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { BREAK, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { fromGateway, gatewayCredentialHeader } from '../auth/client';
import { appError, ErrorCode } from '../errors';

/** What a subgraph accepts from whoever calls it directly. */
export interface SubgraphEdgeOptions {
  /** The credential the gateway sends (`gateway-authorization`); config.gatewaySecret. */
  gatewaySecret?: string;
  /** Refuse GraphQL requests without the credential (production). Elsewhere a missing one is accepted, a wrong one is not. */
  requireGateway: boolean;
  /** Introspection for callers without the credential (config.introspection); the gateway may always introspect. */
  introspection: boolean;
  /** Largest request body, in bytes. */
  maxBodyBytes?: number;
  /** Deepest selection a document may nest. */
  maxDepth?: number;
}

export const subgraphLimits = { maxBodyBytes: 1024 * 1024, maxDepth: 20 } as const;

const graphqlPath = '/graphql';

const refusal = (status: number, code: ErrorCode, message: string) =>
  Response.json({ errors: [{ message, extensions: { code } }] }, { status });

const tooLarge = (limit: number) =>
  appError(ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${limit} bytes.`, { http: { status: 413 }, limit });

/**
 * The edge of a subgraph: only the gateway may call it (in production), with bodies and documents of
 * bounded size. The gateway's own limits are tighter; these hold for anyone who reaches a subgraph's
 * port without going through it.
 */
export function useSubgraphEdge(options: SubgraphEdgeOptions): Plugin[] {
  const maxBodyBytes = options.maxBodyBytes ?? subgraphLimits.maxBodyBytes;
  return [
    {
      onRequest({ request, url, endResponse }) {
        if (url.pathname !== graphqlPath) return;
        const valid = fromGatewayWithSecret(request.headers, options.gatewaySecret);
        const wrong = Boolean(options.gatewaySecret) && request.headers.has(gatewayCredentialHeader) && !valid;
        if (wrong || (options.requireGateway && !valid)) {
          return endResponse(refusal(401, ErrorCode.UNAUTHENTICATED, 'This service accepts requests from the gateway only.'));
        }
        if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) {
          return endResponse(refusal(413, ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${maxBodyBytes} bytes.`));
        }
      },
      // A body sent without a length is read up to the limit before Yoga parses it.
      onRequestParse({ request, requestParser, setRequestParser }) {
        if (!request.body || request.headers.has('content-length') || !requestParser) return;
        setRequestParser(async (original) => {
          const body = await readAtMost(original, maxBodyBytes);
          return requestParser(new Request(original.url, { method: original.method, headers: original.headers, body }));
        });
      },
      // At execution, not validation: Yoga caches validation results per document, whoever sent it.
      onExecute({ args, setResultAndStopExecution }) {
        if (options.introspection || fromGatewayWithSecret((args.contextValue as { request: Request }).request.headers, options.gatewaySecret)) return;
        if (introspects(args.document)) setResultAndStopExecution({ errors: [appError(ErrorCode.FORBIDDEN, 'Introspection is served to the gateway only.')] });
      },
    },
    // Fragments count as levels: nesting `... on Query` is as costly to walk as nesting fields.
    maxDepthPlugin({
      n: options.maxDepth ?? subgraphLimits.maxDepth,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [(context, error) => context?.reportError(appError(ErrorCode.QUERY_TOO_COMPLEX, error.message.replace(/^Syntax Error: /, '')))],
    }) as Plugin,
  ];
}

/** Whether the request carries the configured credential (never, when none is configured). */
const fromGatewayWithSecret = (headers: Headers, secret: string | undefined) => Boolean(secret) && fromGateway(headers, secret);

async function readAtMost(request: Request, limit: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(field) {
      if (field.name.value !== '__schema' && field.name.value !== '__type') return;
      found = true;
      return BREAK;
    },
  });
  return found;
}
