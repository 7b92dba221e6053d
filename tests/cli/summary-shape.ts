import { expect } from 'vitest';
import type { RunSummary } from '../../src/engine';
import { linesOf, type ScriptRun } from './run-script';

const summaryKeys = ['scenarioId', 'seed', 'policy', 'resolved', 'milestones', 'mttdS', 'mttaS', 'mttmS', 'mttrS', 'records', 'score', 'maxScore', 'grade', 'stateHash'];
const milestoneKeys = ['impactStart', 'detected', 'acknowledged', 'diagnosed', 'mitigated', 'resolved'];
const recordKeys = ['produced', 'pending', 'delivered', 'dlq', 'lost', 'duplicates'];

/** Checks that a value is the `sim --json` run summary, with times that agree with its milestones. */
export function expectSummaryShape(value: unknown): RunSummary {
  expect(Object.keys(value as object).sort()).toEqual([...summaryKeys].sort());
  const summary = value as RunSummary;
  expect(Object.keys(summary.milestones).sort()).toEqual([...milestoneKeys].sort());
  expect(Object.keys(summary.records).sort()).toEqual([...recordKeys].sort());
  const m = summary.milestones;
  const since = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  expect({ mttdS: summary.mttdS, mttaS: summary.mttaS, mttmS: summary.mttmS, mttrS: summary.mttrS }).toEqual({
    mttdS: since(m.detected, m.impactStart),
    mttaS: since(m.acknowledged, m.detected),
    mttmS: since(m.mitigated, m.impactStart),
    mttrS: since(m.resolved, m.impactStart),
  });
  expect(summary.stateHash).toMatch(/^[0-9a-f]{14}$/);
  return summary;
}

/** Parses a run's stdout as exactly one JSON value, after checking that it exited cleanly. */
export function onlyJson(run: ScriptRun): unknown {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  expect(linesOf(run.stdout)).toHaveLength(1);
  return JSON.parse(run.stdout);
}
