import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aliasTable, readPathAliases, resolveAlias } from './tsconfig-paths';

describe('tsconfig paths', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'adr-paths-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads tsconfig.base.json (with comments and baseUrl) and resolves like TypeScript: exact first, then the longest wildcard prefix', () => {
    writeFileSync(
      join(root, 'tsconfig.base.json'),
      `{
        // Nx writes these
        "compilerOptions": {
          "baseUrl": "./",
          "paths": {
            "@acme/ui": ["libs/ui/src/index.ts"],
            "@acme/*": ["libs/*/src/index.ts"],
            "@acme/ui/*": ["libs/ui/src/lib/*"],
          },
        },
      }`,
    );
    const table = aliasTable(readPathAliases(root));
    expect(resolveAlias(table, '@acme/ui')).toBe('libs/ui/src/index.ts');
    expect(resolveAlias(table, '@acme/ui/button')).toBe('libs/ui/src/lib/button');
    expect(resolveAlias(table, '@acme/billing')).toBe('libs/billing/src/index.ts');
    expect(resolveAlias(table, 'react')).toBeNull();
  });

  it('falls back to tsconfig.json, and to no aliases at all', () => {
    expect(readPathAliases(root)).toEqual([]);
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": { "baseUrl": "src", "paths": { "~/*": ["*"] } } }');
    expect(resolveAlias(aliasTable(readPathAliases(root)), '~/util/x')).toBe('src/util/x');
  });
});
