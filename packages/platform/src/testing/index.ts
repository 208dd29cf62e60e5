export * from './database';
export * from './keys';
export * from './subgraph';
export * from './ports';
export * from './processes';
