/* eslint-disable */
export default {
  displayName: 'adr-nx',
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/../../tools/jest-count-reporter.js'],
  transform: {
    '^.+\\.[tj]s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageDirectory: '../../coverage/packages/adr-nx',
};
