export * from './types';
export * from './patterns';
export * from './imports';
export * from './dependency-constraints';
export * from './build-policy';
export * from './load-policy';
