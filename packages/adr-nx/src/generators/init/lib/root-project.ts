import { readJson, updateJson, type Tree } from '@nx/devkit';

/**
 * report-timings and dora are inferred on the workspace's root project. Make sure there is one:
 * a root project.json, or a root package.json with an "nx" key (how Nx marks the root a project).
 */
export function ensureRootProject(tree: Tree): boolean {
  if (tree.exists('project.json')) return false;
  if (!tree.exists('package.json')) {
    tree.write('project.json', JSON.stringify({ name: 'workspace', $schema: 'node_modules/nx/schemas/project-schema.json', targets: {} }, null, 2) + '\n');
    return true;
  }
  const pkg = readJson(tree, 'package.json');
  if (pkg.nx !== undefined) return false;
  updateJson(tree, 'package.json', (json) => {
    if (!json.name) json.name = 'workspace';
    // includedScripts: [] keeps root scripts such as "test": "nx run-many -t test" from
    // becoming targets of the root project, which would make run-many call itself.
    json.nx = { includedScripts: [] };
    return json;
  });
  return true;
}
