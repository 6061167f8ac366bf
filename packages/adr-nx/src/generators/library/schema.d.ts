export interface LibraryGeneratorSchema {
  /** Where the library goes (its project root), e.g. libs/payments/data. */
  directory: string;
  /** Comma-separated Nx tags, e.g. scope:payments,type:data. */
  tags?: string;
  /** Backstage owner (default: spec.owner of the workspace's catalog-info.yaml, else platform-team). */
  owner?: string;
  /** Backstage system (default: the value of the scope: tag, else spec.system of the workspace's catalog-info.yaml). */
  system?: string;
  description?: string;
  /** ADR folder (default: the plugin's adrDirectory, else docs/adr). */
  adrDirectory?: string;
  /** Options of @nx/js:library, passed through. */
  name?: string;
  unitTestRunner?: 'jest' | 'vitest' | 'none';
  linter?: 'eslint' | 'oxlint' | 'none';
  bundler?: 'swc' | 'tsc' | 'rollup' | 'vite' | 'esbuild' | 'none';
  importPath?: string;
  publishable?: boolean;
  buildable?: boolean;
  testEnvironment?: 'jsdom' | 'node';
  js?: boolean;
  strict?: boolean;
  minimal?: boolean;
  useProjectJson?: boolean;
  addPlugin?: boolean;
  skipFormat?: boolean;
  [passThrough: string]: unknown;
}
