import { z } from 'zod';

export type FlagValueType = 'boolean' | 'string' | 'number' | 'object';
/** What a flag is for: a release toggle, an experiment's variants, or an operational setting read at run time. */
export type FlagKind = 'release' | 'experiment' | 'setting';

/** A flag as the code knows it: its default is what every evaluation answers when the store has nothing usable. */
export interface FlagDefinition<T = unknown> {
  key: string;
  type: FlagValueType;
  kind: FlagKind;
  description: string;
  /** Who to ask before changing or removing it. */
  owner: string;
  defaultValue: T;
  /** Every value an operator sets is parsed with it; a value it refuses is never stored. */
  schema: z.ZodType<T>;
  /** Served to browsers (`clientFeatureFlags`), evaluated for the signed-in user; never a setting or a secret. */
  clientVisible?: boolean;
  /** Experiments only: the metric the experiment is judged by. */
  metric?: 'report_approval_rate';
}

export const flagKeyPattern = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;

const typeOf = (value: unknown): FlagValueType =>
  typeof value === 'boolean' ? 'boolean' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'object';

export function defineFlag<T>(definition: Omit<FlagDefinition<T>, 'type'> & { type?: FlagValueType }): FlagDefinition<T> {
  if (!flagKeyPattern.test(definition.key)) throw new Error(`flag key ${definition.key} must be lower-case words joined by "." or "-"`);
  const parsed = definition.schema.safeParse(definition.defaultValue);
  if (!parsed.success) throw new Error(`the default of flag ${definition.key} does not match its schema`);
  return { ...definition, type: definition.type ?? typeOf(definition.defaultValue) };
}
