import { ErrorCode, OpenFeatureEventEmitter, ProviderEvents, type EvaluationContext, type JsonValue, type Provider, type ResolutionDetails } from '@openfeature/web-sdk';

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
 * once per context (sign-in, shop switch) and again on `refresh()`; every evaluation then reads that answer
 * without a request. A flag the gateway did not serve, or of another type, answers the default the caller
 * passed in.
 */
export class GatewayFlagProvider implements Provider {
  readonly metadata = { name: 'cip-gateway' } as const;
  readonly runsOn = 'client' as const;
  readonly events = new OpenFeatureEventEmitter();
  private flags = new Map<string, ServedFlag>();
  private context: EvaluationContext = {};

  constructor(private readonly fetchFlags: FetchFlags) {}

  async initialize(context: EvaluationContext = {}): Promise<void> {
    await this.load(context);
  }

  async onContextChange(_old: EvaluationContext, next: EvaluationContext): Promise<void> {
    await this.load(next);
  }

  /** Reads the served flags again; flags whose answer changed are announced, so open screens show them without a reload. */
  async refresh(): Promise<void> {
    const changed = await this.load(this.context);
    if (changed.length > 0) this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: changed });
  }

  /** Loads the flags for `context` and returns the keys whose answer changed; an answer for a context since replaced is dropped. */
  private async load(context: EvaluationContext): Promise<string[]> {
    this.context = context;
    const served = new Map((await this.fetchFlags(context)).map((flag) => [flag.key, flag]));
    if (this.context !== context) return [];
    const keys = new Set([...this.flags.keys(), ...served.keys()]);
    const changed = [...keys].filter((key) => JSON.stringify(this.flags.get(key)) !== JSON.stringify(served.get(key)));
    this.flags = served;
    return changed;
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
