export * from './types';
export { detectFormat } from './detect';
export { mapStatus } from './status';
export { readSource } from './read-source';
export { ORIGINAL_STATUS_KEY, ORIGINAL_DATE_KEY, type ImportNote } from './convert';
export { planImport, type ImportPlan, type ImportSourceFile, type NumberingMode, type PlannedAdr, type PlanOptions } from './plan';
export { gitDateAdded } from './git-dates';
