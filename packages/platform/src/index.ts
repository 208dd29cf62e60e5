export * from './core';
export * from './server/subgraph-yoga';
export * from './server/subgraph-app';
export * from './server/gateway-only';
export * from './schema/builder';
export { visibilityTag, type CallerKind } from './schema/visibility';
export * from './limits/field-rate-limit';
