import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The catalogue is the first screen: what `src/ui/main.tsx` imports statically is what every visit
// downloads and parses before anything shows. The engine, the scenario schema's validators and the
// charts come with the screens that need them (dynamic imports), so a phone opens the catalogue fast.

const root = resolve(__dirname, '../..');

/** The modules a file imports for their values (type-only imports are erased; dynamic imports load later). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specs: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specs;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  // A folder (`../../engine`) resolves to its index, as the bundler resolves it.
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => statSync(p, { throwIfNoEntry: false })?.isFile()) ?? null;
}

/** Every project file and package the entry pulls in before the first screen can run. */
function firstScreenClosure(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [join(root, 'src/ui/main.tsx')];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of valueImports(file)) {
      if (spec.endsWith('.css')) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = resolveLocal(file, spec);
      if (target) pending.push(target);
    }
  }
  return { files: new Set([...files].map((f) => relative(root, f))), packages };
}

describe('the first screen', () => {
  const { files, packages } = firstScreenClosure();

  it('is reached through more than a handful of modules (the walk follows imports)', () => {
    expect(files.has('src/ui/screens/catalogue/CatalogueScreen.tsx')).toBe(true);
    expect(packages.has('react')).toBe(true);
  });

  it('loads without the engine, the scenario validators, the state machine or the charts', () => {
    for (const heavy of ['zod', 'yaml', 'xstate', 'recharts']) expect([...packages], heavy).not.toContain(heavy);
    for (const entry of ['src/engine/index.ts', 'src/engine/tick.ts', 'src/scenarios/schema/index.ts', 'src/ui/store/session-actions.ts']) expect([...files], entry).not.toContain(entry);
  });
});
