import SchemaBuilder, { BasePlugin, type FieldNullability, type InputFieldMap, type PothosOutputFieldConfig, type SchemaTypes, type TypeParam } from '@pothos/core';
import type { Principal } from '../auth/principal';

/** The kinds of caller a token can describe. */
export type CallerKind = Principal['kind'];

/** The `@tag` a field visible only to some caller kinds carries, one per kind, so the supergraph says who sees it. */
export const visibilityTag = (kind: CallerKind) => `visible-to-${kind}`;

const pluginName = 'callerVisibility';

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      callerVisibility: CallerVisibilityPlugin<Types>;
    }
    interface FieldOptions<
      Types extends SchemaTypes = SchemaTypes,
      ParentShape = unknown,
      Type extends TypeParam<Types> = TypeParam<Types>,
      Nullable extends FieldNullability<Type> = FieldNullability<Type>,
      Args extends InputFieldMap = InputFieldMap,
      ResolveShape = unknown,
      ResolveReturnShape = unknown,
    > {
      /**
       * The only caller kinds that may read this field (others get FORBIDDEN, no token UNAUTHENTICATED).
       * Declared here once: it becomes the field's scope check and its `@tag`s in the supergraph.
       */
      visibleTo?: readonly CallerKind[];
    }
  }
}

/**
 * Field visibility by caller kind, declared on the field with `visibleTo`. Listed after scope-auth and
 * federation, so it sees each field first; they then enforce the scopes and print the tags it adds.
 */
export class CallerVisibilityPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const options = fieldConfig.pothosOptions as typeof fieldConfig.pothosOptions & { visibleTo?: readonly CallerKind[]; authScopes?: unknown; tag?: string | string[] };
    const kinds = options.visibleTo;
    if (!kinds) return fieldConfig;
    if (kinds.length === 0) throw new Error(`${fieldConfig.parentType}.${fieldConfig.name}: visibleTo names no caller kind`);
    if (typeof options.authScopes === 'function') {
      throw new Error(`${fieldConfig.parentType}.${fieldConfig.name}: declare visibleTo with an authScopes map, not a function`);
    }
    const byKind = { $any: Object.fromEntries(kinds.map((kind) => [kind, true])) };
    const authScopes = options.authScopes ? { $all: { ...byKind, $all: options.authScopes } } : byKind;
    const tags = [options.tag ?? []].flat();
    return { ...fieldConfig, pothosOptions: { ...options, authScopes, tag: [...tags, ...kinds.map(visibilityTag)] } } as PothosOutputFieldConfig<Types>;
  }
}

SchemaBuilder.registerPlugin(pluginName, CallerVisibilityPlugin);

export default pluginName;
