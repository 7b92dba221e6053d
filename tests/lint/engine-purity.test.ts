import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

// Lints `code` as if it lived at `filePath`, so the path-scoped engine rules apply.
async function ruleHits(code: string, filePath = 'src/engine/__fixture__.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('engine purity lint rule', () => {
  it('rejects Math.random in src/engine', async () => {
    const hits = await ruleHits('export const roll = (): number => Math.random();\n');
    expect(hits).toEqual([expect.stringMatching(/^no-restricted-properties: .*src\/engine is pure/)]);
  });

  it('rejects reading the wall clock in src/engine', async () => {
    const hits = await ruleHits(
      'export const now = (): number => Date.now();\nexport const t = (): number => performance.now();\n',
    );
    expect(hits).toHaveLength(2);
    for (const hit of hits) expect(hit).toMatch(/^no-restricted-globals: .*src\/engine is pure/);
  });

  it('rejects timers and the DOM in src/engine', async () => {
    const hits = await ruleHits(
      'export function f(): void {\n  setTimeout(() => document.title, 1);\n  window.localStorage.clear();\n}\n',
    );
    expect(hits).toHaveLength(3);
    for (const hit of hits) expect(hit).toMatch(/^no-restricted-globals: /);
  });

  it('rejects importing React or the UI into src/engine', async () => {
    const hits = await ruleHits(
      [
        "import { useState } from 'react';",
        "import { createRoot } from 'react-dom/client';",
        "import { create } from 'zustand';",
        "import { App } from '../ui/App';",
        'export const all = [useState, createRoot, create, App];',
        '',
      ].join('\n'),
    );
    expect(hits).toHaveLength(4);
    for (const hit of hits) expect(hit).toMatch(/^no-restricted-imports: .*src\/engine is pure/);
  });

  it('lets src/engine import the scenario schema but not scenario files', async () => {
    const hits = await ruleHits(
      [
        "import { schema } from '../scenarios/schema/commands';",
        "import lagging from '../scenarios/lagging-consumer';",
        'export const both = [schema, lagging];',
        '',
      ].join('\n'),
    );
    expect(hits).toEqual([expect.stringMatching(/^no-restricted-imports: .*scenario schema/)]);
  });

  it('accepts pure engine code', async () => {
    const hits = await ruleHits(
      [
        "import type { Command } from '../scenarios/schema/commands';",
        '// Advances a seeded PRNG held in state.',
        'export function next(seed: number): [number, number] {',
        '  const s = (seed * 1664525 + 1013904223) >>> 0;',
        '  return [s / 2 ** 32, s];',
        '}',
        'export type Log = readonly Command[];',
        '',
      ].join('\n'),
    );
    expect(hits).toEqual([]);
  });

  it('does not apply engine rules outside src/engine', async () => {
    const hits = await ruleHits(
      'export const roll = (): number => Math.random() + Date.now();\n',
      'src/ui/__fixture__.ts',
    );
    expect(hits).toEqual([]);
  });
});
