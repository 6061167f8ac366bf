import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { findPluginEntry, PLUGIN_NAME } from '../../../plugin-options';

/** Adds the plugin entry to nx.json unless one is there (its options are then left as they are). */
export function registerPlugin(tree: Tree, adrDirectory: string): boolean {
  const nxJson = readNxJson(tree) ?? {};
  if (findPluginEntry(nxJson) !== undefined) return false;
  nxJson.plugins = [...(nxJson.plugins ?? []), { plugin: PLUGIN_NAME, options: { adrDirectory, targetName: 'adr-check' } }];
  updateNxJson(tree, nxJson);
  return true;
}
