export * from './adr';
export * from './policy';
export { createNodes, createNodesV2 } from './plugin';
export type { AdrNxPluginOptions } from './plugin-options';
export { initGenerator } from './generators/init/generator';
export { adrGenerator } from './generators/adr/generator';
