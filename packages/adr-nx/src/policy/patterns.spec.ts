import { globProblem, hasAnyTag, hasTag, isGlob, matchesExternalImportPattern, tagPatternProblem, wildcardToRegExp } from './patterns';

describe('tag patterns (the meaning @nx/enforce-module-boundaries gives them)', () => {
  it('"*" matches every project, even one without tags', () => {
    expect(hasTag([], '*')).toBe(true);
    expect(hasTag(undefined, '*')).toBe(true);
  });

  it('a plain tag matches only that exact tag', () => {
    expect(hasTag(['scope:shared'], 'scope:shared')).toBe(true);
    expect(hasTag(['scope:shared-ui'], 'scope:shared')).toBe(false);
    expect(hasTag([], 'scope:shared')).toBe(false);
  });

  it('a wildcard matches any characters, "/" and ":" included, anchored at both ends', () => {
    expect(hasTag(['scope:shared'], 'scope:*')).toBe(true);
    expect(hasTag(['scope:shared/ui'], 'scope:*')).toBe(true);
    expect(hasTag(['type:ui'], 'scope:*')).toBe(false);
    expect(hasTag(['x-scope:a'], 'scope:*')).toBe(false);
    expect(hasTag(['type:feature-lib'], '*-lib')).toBe(true);
    expect(hasTag(['type:feature-lib'], 'type:**')).toBe(true);
  });

  it('other regex characters in a wildcard are literal', () => {
    expect(hasTag(['type:ui.lib'], 'type:ui.*')).toBe(true);
    expect(hasTag(['type:uiXlib'], 'type:ui.l*')).toBe(false);
    expect(wildcardToRegExp('a(b)*').test('a(b)c')).toBe(true);
  });

  it('/regex/ is tested unanchored against each tag', () => {
    expect(hasTag(['scope:shared'], '/^scope:/')).toBe(true);
    expect(hasTag(['platform:scope:x'], '/scope/')).toBe(true);
    expect(hasTag(['type:ui'], '/^scope:/')).toBe(false);
  });

  it('an invalid regex is reported and matches nothing', () => {
    expect(tagPatternProblem('/[a/')).toMatch(/^"\/\[a\/" is not a valid regular expression \(/);
    expect(hasTag(['[a'], '/[a/')).toBe(false);
    expect(tagPatternProblem('scope:*')).toBeNull();
    expect(tagPatternProblem('/^ok$/')).toBeNull();
    expect(tagPatternProblem('/')).toBeNull();
  });

  it('hasAnyTag is true when one pattern matches', () => {
    expect(hasAnyTag(['type:ui'], ['scope:*', 'type:ui'])).toBe(true);
    expect(hasAnyTag(['type:ui'], ['scope:*'])).toBe(false);
    expect(hasAnyTag(['type:ui'], [])).toBe(false);
  });
});

describe('external import patterns and globs', () => {
  it('matches Nx wildcards in bannedExternalImports', () => {
    expect(matchesExternalImportPattern('lodash', 'lodash')).toBe(true);
    expect(matchesExternalImportPattern('lodash', 'lodash/fp')).toBe(false);
    expect(matchesExternalImportPattern('lodash*', 'lodash/fp')).toBe(true);
    expect(matchesExternalImportPattern('@aws-sdk/*', '@aws-sdk/client-s3')).toBe(true);
  });

  it('tells globs from package names', () => {
    expect(isGlob('@fx/logger')).toBe(false);
    expect(isGlob('winston')).toBe(false);
    expect(isGlob('@aws-sdk/*')).toBe(true);
    expect(isGlob('{a,b}')).toBe(true);
    expect(isGlob('@(a|b)')).toBe(true);
    expect(isGlob('apps/*-lambda/**')).toBe(true);
  });

  it('reports a glob picomatch cannot use', () => {
    expect(globProblem('apps/*-lambda/**')).toBeNull();
    expect(globProblem('')).toMatch(/is not a valid glob/);
  });
});
