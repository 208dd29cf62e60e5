import { ErrorCode, OpenFeature, type JsonValue, type Provider, type ResolutionDetails } from '@openfeature/server-sdk';
import type { FlagDefinition } from './definition';
import { resolveState, valuesOf, type FlagContext, type Resolution } from './rules';
import type { StoredFlag } from './store';

type Evaluation = { value: unknown; variant?: string; reason: Resolution['reason'] | 'ERROR'; errorCode?: ErrorCode };

/**
 * The platform's OpenFeature provider: evaluates the process's snapshot of the flag store in memory. A flag
 * the store lacks, has turned off, or serves nothing for this unit answers the default the caller passed in.
 */
export class PlatformFlagProvider implements Provider {
  readonly metadata = { name: 'cip-platform' } as const;
  readonly runsOn = 'server' as const;
  private flags = new Map<string, StoredFlag>();

  constructor(private readonly definitions: ReadonlyMap<string, FlagDefinition>) {}

  /** Swaps the snapshot; returns the keys whose stored version changed. Rows whose values the code's schema refuses are left out. */
  replace(rows: StoredFlag[]): string[] {
    const next = new Map<string, StoredFlag>();
    for (const row of rows) {
      const definition = this.definitions.get(row.key);
      if (!definition) continue;
      const states = [row.state, ...(row.scheduledState ? [row.scheduledState] : [])];
      if (states.every((state) => valuesOf(state).every((value) => definition.schema.safeParse(value).success))) next.set(row.key, row);
    }
    const changed = [...new Set([...next.keys(), ...this.flags.keys()])].filter((key) => next.get(key)?.version !== this.flags.get(key)?.version);
    this.flags = next;
    return changed.sort();
  }

  stored(key: string): StoredFlag | undefined {
    return this.flags.get(key);
  }

  resolve(key: string, defaultValue: unknown, context: FlagContext, now = Date.now()): Evaluation {
    const flag = this.flags.get(key);
    if (!flag) return { value: defaultValue, reason: this.definitions.has(key) ? 'DEFAULT' : 'ERROR', ...(this.definitions.has(key) ? {} : { errorCode: ErrorCode.FLAG_NOT_FOUND }) };
    const state = flag.scheduledState && flag.scheduledAt && now >= flag.scheduledAt.getTime() ? flag.scheduledState : flag.state;
    const resolution = resolveState(key, state, context);
    if (!resolution || resolution.reason === 'DISABLED' || resolution.value === undefined) return { value: defaultValue, reason: resolution?.reason ?? 'DEFAULT' };
    if (typeof resolution.value !== typeof defaultValue) return { value: defaultValue, reason: 'ERROR', errorCode: ErrorCode.TYPE_MISMATCH };
    return resolution;
  }

  private details<T>(key: string, defaultValue: T, context: FlagContext): Promise<ResolutionDetails<T>> {
    const { value, variant, reason, errorCode } = this.resolve(key, defaultValue, context);
    return Promise.resolve({ value: value as T, reason, ...(variant ? { variant } : {}), ...(errorCode ? { errorCode } : {}) });
  }

  resolveBooleanEvaluation(key: string, defaultValue: boolean, context: FlagContext) {
    return this.details(key, defaultValue, context);
  }
  resolveStringEvaluation(key: string, defaultValue: string, context: FlagContext) {
    return this.details(key, defaultValue, context);
  }
  resolveNumberEvaluation(key: string, defaultValue: number, context: FlagContext) {
    return this.details(key, defaultValue, context);
  }
  resolveObjectEvaluation<T extends JsonValue>(key: string, defaultValue: T, context: FlagContext) {
    return this.details(key, defaultValue, context);
  }
}

/** An OpenFeature client evaluating through `provider` alone (its own domain), e.g. for a benchmark or a tool. */
export async function openFeatureClient(provider: Provider, domain: string) {
  await OpenFeature.setProviderAndWait(domain, provider);
  return OpenFeature.getClient(domain);
}
