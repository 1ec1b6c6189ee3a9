export * from './network.ts';
export * from './auth.ts';
export * from './platform.ts';
export * from './meetings.ts';
export * from './mapping.ts';
export * from './strategy.ts';
export * from './portfolio.ts';
export * from './projects.ts';
