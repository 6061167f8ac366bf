import { join } from 'node:path';

export const repoRoot = join(__dirname, '../../../..');
/** Everything e2e makes lives here (git-ignored), so a failed run can be inspected. */
export const e2eTmp = join(repoRoot, 'tmp', 'e2e');
export const tarballDir = join(e2eTmp, 'pack');
