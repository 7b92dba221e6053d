import type { Effect, Scenario } from '../../scenarios/schema';
import { interventions } from '../scoring/consequences';
import { replay } from '../session';
import type { SimState } from '../state';

/** Whether an effect replays records with overwrite semantics. */
function overwrites(e: Effect): e is Extract<Effect, { op: 'job.backfill' | 'job.reset-offsets' }> {
  return (e.op === 'job.backfill' || e.op === 'job.reset-offsets') && e.overwrite === true;
}

const naiveCache = new WeakMap<Scenario, Scenario>();

const overwriteFlag = /--sink-mode(?:=|\s+)overwrite\b/;

/** The same scenario with every overwrite replay turned into a plain append. */
function naiveTwin(s: Scenario): Scenario {
  const hit = naiveCache.get(s);
  if (hit) return hit;
  const twin: Scenario = {
    ...s,
    actions: s.actions.map((a) =>
      a.effects.some(overwrites) ? { ...a, effects: a.effects.map((e): Effect => (overwrites(e) ? { ...e, overwrite: false } : e)) } : a,
    ),
  };
  naiveCache.set(s, twin);
  return twin;
}

/**
 * How many duplicate rows the player's overwrite replays kept out of the sinks: the same log
 * replayed with every overwrite replay made a naive append, minus the duplicates the run really
 * has. Zero when the run used no overwrite replay (nothing was avoided, and the debrief says so).
 */
export function duplicatesAvoided(s: Scenario, state: SimState): number {
  const usedAction = state.decisions.some((d) => d.completedAt !== null && s.actions.find((a) => a.id === d.action)?.effects.some(overwrites));
  // A typed re-read that overwrote: the same line in append mode is the naive one.
  const typed = new Set(interventions(state).filter((e) => overwriteFlag.test(e.line)).map((e) => e.logIndex));
  if (!usedAction && typed.size === 0) return 0;
  const log = state.log.map((entry, i) => (typed.has(i) && entry.command.type === 'terminal.run' ? { ...entry, command: { ...entry.command, line: entry.command.line.replace(overwriteFlag, '--sink-mode append') } } : entry));
  const naive = replay(naiveTwin(s), state.seed, log, state.t);
  return Math.max(0, (naive.metrics['records.duplicates'] ?? 0) - (state.metrics['records.duplicates'] ?? 0));
}
