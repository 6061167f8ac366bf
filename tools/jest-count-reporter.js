// Appends each Jest run's pass/fail counts to tmp/test-results/ so .ci/run can print one plain
// closing line ("N passed, N failed") for every suite that ran, unit and e2e alike.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class CountReporter {
  constructor(globalConfig) {
    this.rootDir = join(__dirname, '..');
    this.name = (globalConfig.rootDir || 'jest').split(/[\\/]/).slice(-2).join('-');
  }
  onRunComplete(_contexts, results) {
    const dir = join(this.rootDir, 'tmp', 'test-results');
    mkdirSync(dir, { recursive: true });
    const counts = { passed: results.numPassedTests, failed: results.numFailedTests + results.numRuntimeErrorTestSuites, skipped: results.numPendingTests + results.numTodoTests };
    writeFileSync(join(dir, `${this.name}-${process.pid}.json`), JSON.stringify(counts));
  }
}
module.exports = CountReporter;
