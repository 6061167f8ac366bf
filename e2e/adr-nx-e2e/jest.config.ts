/* eslint-disable */
// Real Nx workspaces made from the packed tarball: slow, so only run by the e2e target.
export default {
  displayName: 'adr-nx-e2e',
  rootDir: '.',
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/../../tools/jest-count-reporter.js'],
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  transform: {
    '^.+\\.[tj]s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/src/utils/global-setup.ts',
  testTimeout: 300_000,
};
