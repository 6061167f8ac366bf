/** Bad input the user can fix (not a git repository, shallow clone, no tags...): printed as is, exit code 1. */
export class DoraInputError extends Error {
  override name = 'DoraInputError';
}

/** A shallow clone: refused even with --events, since lead times from it would be wrong, not missing. */
export class ShallowCloneError extends DoraInputError {}
