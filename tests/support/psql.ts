import { expect } from 'vitest';
import type { SimState } from '../../src/engine';
import { runSql } from '../../src/engine/sql';
import type { Scenario } from '../../src/scenarios/schema';

/** A psql result split into its header and rows of cells (trimmed), failing the test when the query failed. */
export function psql(s: Scenario, state: SimState, query: string): { header: string[]; rows: string[][]; text: string; costS: number } {
  const r = runSql(s, state, query);
  if (!r.ok) throw new Error(`query failed: ${query}\n${r.text}`);
  const lines = r.text.split('\n');
  const rule = lines.findIndex((l) => /^-+(\+-+)*$/.test(l));
  expect(rule).toBeGreaterThan(0);
  const footer = lines.findIndex((l, i) => i > rule && /^\(\d+ rows?\)$/.test(l));
  const cells = (l: string) => l.split('|').map((c) => c.trim());
  return { header: cells(lines[rule - 1] as string), rows: lines.slice(rule + 1, footer).map(cells), text: r.text, costS: r.costS };
}

/** The single number a one-row, one-column query returns. */
export function scalar(s: Scenario, state: SimState, query: string): number {
  const { rows } = psql(s, state, query);
  expect(rows).toHaveLength(1);
  return Number(rows[0]?.[0]);
}
