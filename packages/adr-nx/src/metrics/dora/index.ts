export { computeDora, type DoraOptions } from './compute';
export { DoraInputError } from './errors';
export { reportJson, type DoraReport, type GroupReport } from './report';
export { resolveWindow } from './time';
export { FAILURE_SIGNALS, type FailureSignal, type Tier } from './types';
