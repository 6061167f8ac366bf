import type { TSESLint } from '@typescript-eslint/utils';

/**
 * ESLint 10 removed `context.getFilename()`, `context.getSourceCode()` and `context.getCwd()`;
 * ESLint 8.40+ has the properties. Read the property first and fall back to the method, so the
 * rules run unchanged on ESLint 8.57, 9 and 10.
 */
type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type LegacyContext = {
  getFilename?: () => string;
  getPhysicalFilename?: () => string;
  getSourceCode?: () => TSESLint.SourceCode;
  getCwd?: () => string;
};

export function filenameOf(context: AnyContext): string {
  const legacy = context as unknown as LegacyContext;
  return context.physicalFilename ?? legacy.getPhysicalFilename?.() ?? context.filename ?? legacy.getFilename?.() ?? '<input>';
}

export function sourceCodeOf(context: AnyContext): Readonly<TSESLint.SourceCode> {
  const legacy = context as unknown as LegacyContext;
  if (context.sourceCode) return context.sourceCode;
  if (legacy.getSourceCode) return legacy.getSourceCode();
  throw new Error('@fx/adr-nx: this ESLint gives rules no source code (ESLint 8.57 or later is required)');
}

export function cwdOf(context: AnyContext): string {
  return context.cwd ?? (context as unknown as LegacyContext).getCwd?.() ?? process.cwd();
}
