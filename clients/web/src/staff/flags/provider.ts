import { ErrorCode, type EvaluationContext, type JsonValue, type Provider, type ResolutionDetails } from '@openfeature/web-sdk';

/** A flag as the gateway serves it (`clientFeatureFlags`), already evaluated for the signed-in user. */
export interface ServedFlag {
  key: string;
  value: unknown;
  variant?: string | null;
  reason: string;
}

/** Reads the served flags for an evaluation context (its `shopId` is the shop in view). */
export type FetchFlags = (context: EvaluationContext) => Promise<ServedFlag[]>;

/**
 * The web app's OpenFeature provider: the gateway evaluates the client-visible flags for the signed-in user
 * once per context (sign-in, shop switch); every evaluation then reads that answer without a request. A flag the
 * gateway did not serve, or of another type, answers the default the caller passed in.
 */
export class GatewayFlagProvider implements Provider {
  readonly metadata = { name: 'cip-gateway' } as const;
  readonly runsOn = 'client' as const;
  private flags = new Map<string, ServedFlag>();

  constructor(private readonly fetchFlags: FetchFlags) {}

  async initialize(context: EvaluationContext = {}): Promise<void> {
    await this.load(context);
  }

  async onContextChange(_old: EvaluationContext, next: EvaluationContext): Promise<void> {
    await this.load(next);
  }

  private async load(context: EvaluationContext) {
    const served = await this.fetchFlags(context);
    this.flags = new Map(served.map((flag) => [flag.key, flag]));
  }

  private resolve<T>(key: string, defaultValue: T, type: 'boolean' | 'string' | 'number' | 'object'): ResolutionDetails<T> {
    const flag = this.flags.get(key);
    if (!flag) return { value: defaultValue, reason: 'DEFAULT', errorCode: ErrorCode.FLAG_NOT_FOUND };
    if (typeof flag.value !== type || flag.value === null) return { value: defaultValue, reason: 'ERROR', errorCode: ErrorCode.TYPE_MISMATCH };
    return { value: flag.value as T, reason: flag.reason, ...(flag.variant ? { variant: flag.variant } : {}) };
  }

  resolveBooleanEvaluation(key: string, defaultValue: boolean) {
    return this.resolve(key, defaultValue, 'boolean');
  }
  resolveStringEvaluation(key: string, defaultValue: string) {
    return this.resolve(key, defaultValue, 'string');
  }
  resolveNumberEvaluation(key: string, defaultValue: number) {
    return this.resolve(key, defaultValue, 'number');
  }
  resolveObjectEvaluation<T extends JsonValue>(key: string, defaultValue: T) {
    return this.resolve(key, defaultValue, 'object');
  }
}
