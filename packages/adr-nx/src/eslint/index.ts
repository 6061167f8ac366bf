import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINTED_FILES, PLUGIN_PREFIX, recommendedRules, type RuleName } from './configs';
import { rules } from './rules';

/**
 * The ESLint plugin of @fx/adr-nx: `import adr from '@fx/adr-nx/eslint'` (flat config,
 * `adr.configs.recommended`) or `plugins: ['@fx/adr-nx']` with
 * `extends: ['plugin:@fx/adr-nx/legacy-recommended']` in .eslintrc (resolved through the
 * @fx/eslint-plugin-adr-nx package, which re-exports this object).
 */

function packageVersion(): string {
  // src/eslint/index.js -> ../../package.json, in the repo (ts) and the published package (js) alike.
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

interface FlatConfig {
  name: string;
  files: string[];
  plugins: Record<string, AdrNxEslintPlugin>;
  rules: Record<string, 'error' | 'warn'>;
}

interface LegacyConfig {
  plugins: string[];
  rules: Record<string, 'error' | 'warn'>;
}

/** ESLint's rule shape, loosely typed so the public types need neither eslint's nor typescript-eslint's. */
interface Rule {
  meta?: object;
  create(context: never): object;
}

interface AdrNxEslintPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleName, Rule>;
  configs: { recommended: FlatConfig; 'legacy-recommended': LegacyConfig };
}

const plugin: AdrNxEslintPlugin = {
  meta: { name: '@fx/adr-nx', version: packageVersion(), namespace: PLUGIN_PREFIX },
  rules,
  configs: {} as AdrNxEslintPlugin['configs'],
};

plugin.configs.recommended = {
  name: `${PLUGIN_PREFIX}/recommended`,
  files: LINTED_FILES,
  plugins: { [PLUGIN_PREFIX]: plugin },
  rules: recommendedRules(),
};
plugin.configs['legacy-recommended'] = {
  plugins: [PLUGIN_PREFIX],
  rules: recommendedRules(),
};

// CommonJS `module.exports = plugin`: what eslintrc's require() and flat config's default import both expect.
export = plugin;
