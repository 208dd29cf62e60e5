import { FlagAdmin, registerFlagSchema } from '@cip/platform';
import { builder } from '../builder';

builder.mutationType({});
registerFlagSchema(builder, (ctx) => new FlagAdmin({ dataSource: ctx.runtime.db.dataSource, outboxSchema: 'analytics', flags: ctx.runtime.flags }));
