import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from './front-matter.schema.json';

let validator: ValidateFunction | undefined;

/** The compiled front-matter validator (compiled once per process). */
export function frontMatterValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    validator = ajv.compile(schema);
  }
  return validator;
}

export { schema as frontMatterSchema };

export interface SchemaProblem {
  /** Path into the front-matter, e.g. ['enforcement', 'bannedImports', 0, 'name']. */
  path: Array<string | number>;
  message: string;
  /** The problem is the key itself (unknown key), not its value. */
  atKey: boolean;
}

function pathOf(error: ErrorObject): Array<string | number> {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (error.keyword === 'additionalProperties') parts.push((error.params as { additionalProperty: string }).additionalProperty);
  return parts;
}

function describe(error: ErrorObject): string {
  const where = pathOf(error).join('.') || 'front-matter';
  switch (error.keyword) {
    case 'enum':
      return `${where} must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'required':
      return `missing required key "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `unknown key "${(error.params as { additionalProperty: string }).additionalProperty}" in ${pathOf(error).slice(0, -1).join('.') || 'front-matter'}`;
    case 'pattern':
      if (where === 'date') return 'date must be YYYY-MM-DD';
      if (where === 'discussion') return 'discussion must be an http(s) URL';
      return `${where} ${error.message}`;
    case 'oneOf':
      return `${where} needs exactly one of sourceTag or allSourceTags`;
    default:
      return `${where} ${error.message}`;
  }
}

/** Validates parsed front-matter against the package's JSON Schema. */
export function validateFrontMatter(data: unknown): SchemaProblem[] {
  const validate = frontMatterValidator();
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter(
    // oneOf also reports each failed branch's "required": keep only the summary.
    (e, _i, all) => !(e.keyword === 'required' && all.some((o) => o.keyword === 'oneOf' && e.schemaPath.startsWith(o.schemaPath))),
  );
  return errors.map((e) => ({ path: pathOf(e), message: describe(e), atKey: e.keyword === 'additionalProperties' }));
}
