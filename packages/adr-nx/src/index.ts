export * from './adr';
export * from './policy';
export { createNodes, createNodesV2, postTasksExecution } from './plugin';
export type { AdrNxPluginOptions } from './plugin-options';
export { initGenerator } from './generators/init/generator';
export { adrGenerator } from './generators/adr/generator';
export { importGenerator } from './generators/import/generator';
export { discussionGenerator } from './generators/discussion/generator';
export { libraryGenerator } from './generators/library/generator';
