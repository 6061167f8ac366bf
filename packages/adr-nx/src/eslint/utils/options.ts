import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** Options every rule accepts; also read from `settings['@fx/adr-nx']` so they can be set once for all rules. */
export interface AdrRuleOptions {
  /**
   * Where messages link to: a base URL the ADR's file name is appended to (e.g. Backstage's
   * `.../adrs?record=`), or a template with `{file}`, `{path}`, `{id}` or `{number}`. Default:
   * the ADR's path in the workspace.
   */
  adrBaseUrl?: string;
  /** The ADR folder, relative to the workspace root. Default: the plugin option in nx.json, else docs/adr. */
  adrDirectory?: string;
  /** Also report what proposed ADRs would forbid, marked as a preview (default false: only accepted ADRs). */
  preview?: boolean;
}

export const SETTINGS_KEY = '@fx/adr-nx';
const NO_OPTIONS: AdrRuleOptions = Object.freeze({});

export const adrRuleOptionsSchema: JSONSchema4 = {
  type: 'object',
  properties: {
    adrBaseUrl: { type: 'string', description: 'Base URL (or template with {file}, {path}, {id}, {number}) that messages link ADRs to.' },
    adrDirectory: { type: 'string', description: 'ADR folder relative to the workspace root (default: nx.json plugin option, else docs/adr).' },
    preview: { type: 'boolean', description: 'Also report what proposed ADRs would forbid, as a preview.' },
  },
  additionalProperties: false,
};

/** Rule options over shared settings over defaults. */
export function resolveOptions(ruleOptions: AdrRuleOptions | undefined, settings: Record<string, unknown> | undefined): AdrRuleOptions {
  const shared = settings?.[SETTINGS_KEY] as AdrRuleOptions | undefined;
  if (!shared) return ruleOptions ?? NO_OPTIONS;
  return ruleOptions ? { ...shared, ...ruleOptions } : shared;
}
