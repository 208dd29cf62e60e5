import { registerFlagSchema } from '@cip/platform';
import { builder } from '../builder';
import { flagAdminOf } from '../domain/feature-flags';

builder.mutationType({});
registerFlagSchema(builder, (ctx) => flagAdminOf(ctx.runtime), (ctx) => ctx.runtime.flags);
