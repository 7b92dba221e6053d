import { describe, expect, it } from 'vitest';
import { playBot, prepareRun, seedsForVariants } from '../../src/engine';
import { formatLogLines } from '../../src/engine/reveal/job-output';
import type { JobLogLine } from '../../src/engine/state';
import { deepCopy } from '../../src/engine/deep-copy';
import { runLine } from '../../src/engine/terminal/run-line';
import { completeTyped, maxOutputChars, startTyped } from '../../src/engine/terminal/terminal-session';
import { scenario } from '../support/sim-harness';

// A rebalance storm fills the loader's log with long lines, many of them in the same second.
const base = scenario('double-counted-revenue');
const seed = seedsForVariants(base).find((v) => v.variant === 'rebalance-storm')?.seed ?? 1;
const s = prepareRun(base, seed);
const state = playBot(s, 'model', seed).state;
const logs = state.world.jobs['orders-loader']?.logs ?? [];

describe('a window of a job log', () => {
  it('stamps each kept line as the whole log stamps it', () => {
    expect(logs.length).toBeGreaterThan(100);
    const all = formatLogLines(s, logs);
    const windows: ((l: JobLogLine) => boolean)[] = [
      (l) => l.t >= state.t - 1800,
      (l) => l.t >= state.t - 60,
      (l) => l.level === 'ERROR',
      (l) => l.text.startsWith('Caused by:') || l.t % 20 === 0,
      () => false,
    ];
    for (const keep of windows) {
      const kept = formatLogLines(s, logs, keep);
      expect(kept).toEqual(all.filter((_, i) => keep(logs[i] as JobLogLine)));
    }
    expect(formatLogLines(s, logs, (l) => l.t >= state.t - 1800).length).toBeGreaterThan(0);
  });

  it('prints with kubectl logs --since the lines of the whole log that are that recent, stamps included', () => {
    const out = runLine({ s, state }, 'kubectl logs deployment/orders-loader --since=30m').output;
    const recent = formatLogLines(s, logs).filter((_, i) => (logs[i] as JobLogLine).t >= state.t - 1800);
    expect(recent.length).toBeGreaterThan(0);
    expect(out).toBe(`${recent.join('\n')}\n`);
  });

  it('greps a long log whose last line ends the text, as before', () => {
    const errors = runLine({ s, state }, `kubectl logs deployment/orders-loader --since=3h | grep -c ERROR`).output;
    expect(Number(errors.trim())).toBe(formatLogLines(s, logs).filter((line, i) => (logs[i] as JobLogLine).t >= state.t - 10_800 && line.includes('ERROR')).length);
  });

  it('cuts a long output and says how many lines the whole output had', () => {
    const line = 'kubectl logs deployment/orders-loader --since=3h';
    const at = deepCopy(state);
    expect(startTyped(s, at, 'terminal', line)).toBeNull();
    const entry = at.terminal?.at(-1);
    at.t = entry?.endsAt ?? at.t;
    const whole = runLine({ s, state: at }, line).output;
    expect(whole.length).toBeGreaterThan(maxOutputChars);
    completeTyped(s, at);
    expect(entry?.output).toBe(`${whole.slice(0, maxOutputChars)}\n… output cut at ${maxOutputChars} characters (${whole.split('\n').length} lines): narrow it with grep, head or tail.\n`);
  });
});
