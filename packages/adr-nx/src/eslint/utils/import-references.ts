import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type ImportKind = 'import' | 'export' | 'dynamic-import' | 'require' | 'import-equals';

/** One module specifier written in the file, with the string node holding it (for fixes). */
export interface ImportReference {
  specifier: string;
  kind: ImportKind;
  /** The string literal (or expression-free template literal) that spells the specifier. */
  source: TSESTree.StringLiteral | TSESTree.TemplateLiteral;
}

/** The string a literal or an expression-free template literal spells, or null. */
function staticString(node: TSESTree.Node | null | undefined): { value: string; node: ImportReference['source'] } | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return { value: node.value, node: node as TSESTree.StringLiteral };
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis.length === 1) {
    return { value: node.quasis[0].value.cooked ?? node.quasis[0].value.raw, node };
  }
  return null;
}

/**
 * Listeners that call `onImport` for every way a file can depend on a module: `import`,
 * `export ... from`, `import()`, `require()` and TypeScript's `import x = require()`. Shared by
 * no-banned-imports and module-boundaries so both see the same imports.
 */
export function importListeners(onImport: (ref: ImportReference) => void): TSESLint.RuleListener {
  const emit = (kind: ImportKind, node: TSESTree.Node | null | undefined) => {
    const found = staticString(node);
    if (found) onImport({ specifier: found.value, kind, source: found.node });
  };
  return {
    ImportDeclaration: (node) => emit('import', node.source),
    ExportNamedDeclaration: (node) => emit('export', node.source),
    ExportAllDeclaration: (node) => emit('export', node.source),
    ImportExpression: (node) => emit('dynamic-import', node.source),
    CallExpression(node) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length >= 1) {
        emit('require', node.arguments[0]);
      }
    },
    TSImportEqualsDeclaration(node) {
      if (node.moduleReference.type === 'TSExternalModuleReference') emit('import-equals', node.moduleReference.expression);
    },
  };
}

/** The source text of a string node rewritten to `value`, keeping its quote style. */
export function respell(node: ImportReference['source'], raw: string, value: string): string {
  if (node.type === 'TemplateLiteral') return `\`${value.replace(/[`\\$]/g, '\\$&')}\``;
  const quote = raw[0] === "'" ? "'" : '"';
  return `${quote}${value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
}
