import { findBannedImport, matchesBannedImport, packageNameOf } from './imports';

describe('packageNameOf', () => {
  it.each([
    ['winston', 'winston'],
    ['winston/lib/x', 'winston'],
    ['@fx/logger', '@fx/logger'],
    ['@fx/logger/sub/path', '@fx/logger'],
    ['node:fs', 'fs'],
    ['node:fs/promises', 'fs'],
  ])('%s -> %s', (specifier, name) => expect(packageNameOf(specifier)).toBe(name));

  it.each(['./x', '../x', '/abs/x', 'C:\\x', '@scope', ''])('%s is not a package', (specifier) => expect(packageNameOf(specifier)).toBeNull());
});

describe('matchesBannedImport', () => {
  it('a package name bans the package and its deep imports, nothing else', () => {
    const entry = { name: 'winston' };
    expect(matchesBannedImport('winston', entry)).toBe(true);
    expect(matchesBannedImport('winston/lib/x', entry)).toBe(true);
    expect(matchesBannedImport('winston-transport', entry)).toBe(false);
    expect(matchesBannedImport('@x/winston', entry)).toBe(false);
    expect(matchesBannedImport('./winston', entry)).toBe(false);
  });

  it('a deep path bans that path and below, not the package', () => {
    const entry = { name: 'lodash/fp' };
    expect(matchesBannedImport('lodash/fp', entry)).toBe(true);
    expect(matchesBannedImport('lodash/fp/map', entry)).toBe(true);
    expect(matchesBannedImport('lodash', entry)).toBe(false);
  });

  it('a glob matches the specifier or its package name', () => {
    const entry = { name: '@aws-sdk/*' };
    expect(matchesBannedImport('@aws-sdk/client-s3', entry)).toBe(true);
    expect(matchesBannedImport('@aws-sdk/client-s3/dist/x', entry)).toBe(true);
    expect(matchesBannedImport('@aws-sdk', entry)).toBe(false);
    expect(matchesBannedImport('aws-sdk', entry)).toBe(false);
    expect(matchesBannedImport('moment-timezone/x', { name: 'moment*' })).toBe(true);
    expect(matchesBannedImport('lodash/fp', { name: 'lodash/*' })).toBe(true);
    expect(matchesBannedImport('lodash', { name: 'lodash/*' })).toBe(false);
  });

  it('node: built-ins match with or without the prefix', () => {
    expect(matchesBannedImport('node:child_process', { name: 'child_process' })).toBe(true);
    expect(matchesBannedImport('child_process', { name: 'node:child_process' })).toBe(true);
  });

  it('findBannedImport returns the first entry that bans the specifier', () => {
    const entries = [{ name: 'moment', use: 'date-fns' }, { name: 'winston', use: '@fx/logger' }];
    expect(findBannedImport('winston/lib/x', entries)?.use).toBe('@fx/logger');
    expect(findBannedImport('pino', entries)).toBeUndefined();
  });
});
