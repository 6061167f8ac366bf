import type { NxJsonConfiguration } from '@nx/devkit';

export const PLUGIN_NAME = '@fx/adr-nx';
export const DEFAULT_ADR_DIRECTORY = 'docs/adr';

/** Options of the plugin entry in nx.json (`{ "plugin": "@fx/adr-nx", "options": {...} }`). */
export interface AdrNxPluginOptions {
  /** Where the ADRs live, relative to the workspace root. */
  adrDirectory?: string;
  /** Name of the inferred per-project check target. */
  targetName?: string;
  /** Name of the inferred workspace target that sends Nx task timings. */
  reportTimingsTargetName?: string;
  /** Name of the inferred workspace target that computes DORA metrics. */
  doraTargetName?: string;
  /** Record every Nx run's task timings for report-timings (postTasksExecution). Default true. */
  recordTimings?: boolean;
}

export type NormalizedPluginOptions = Required<AdrNxPluginOptions>;

/** `./docs/adr/` -> `docs/adr`; the workspace root itself is `.`. Every reader of the option goes through this. */
export function normalizeAdrDirectory(dir: string): string {
  return dir.trim().replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.';
}

export function normalizePluginOptions(options: AdrNxPluginOptions | undefined): NormalizedPluginOptions {
  return {
    adrDirectory: normalizeAdrDirectory(options?.adrDirectory ?? DEFAULT_ADR_DIRECTORY),
    targetName: options?.targetName ?? 'adr-check',
    reportTimingsTargetName: options?.reportTimingsTargetName ?? 'report-timings',
    doraTargetName: options?.doraTargetName ?? 'dora',
    recordTimings: options?.recordTimings ?? true,
  };
}

/** The options of this plugin's entry in nx.json, or undefined when it is not registered. */
export function findPluginEntry(nxJson: NxJsonConfiguration | null | undefined): AdrNxPluginOptions | undefined {
  for (const entry of nxJson?.plugins ?? []) {
    if (entry === PLUGIN_NAME) return {};
    if (typeof entry === 'object' && entry.plugin === PLUGIN_NAME) return (entry.options ?? {}) as AdrNxPluginOptions;
  }
  return undefined;
}

export function adrDirectoryFrom(nxJson: NxJsonConfiguration | null | undefined): string {
  return normalizePluginOptions(findPluginEntry(nxJson)).adrDirectory;
}
