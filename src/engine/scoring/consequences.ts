import type { LogEntry, Scenario } from '../../scenarios/schema';
import { advanceInPlace, applyEntryInPlace, createInitialState } from '../session';
import type { SimState, TerminalEntry } from '../state';

/** What the world's data and impact looked like at one moment. */
export interface WorldReading {
  lost: number;
  duplicates: number;
  dlq: number;
  /** Seconds of SLA breach so far. */
  impactS: number;
  resolved: boolean;
}

/** How a typed intervention changed the world: the run with it minus the same run without it. */
export interface ConsequenceDelta {
  lost: number;
  duplicates: number;
  dlq: number;
  impactS: number;
}

/** A typed command that changed the world, judged by what it did rather than by what it is called. */
export interface JudgedIntervention {
  line: string;
  at: number;
  /** The session log's entry that typed it. */
  logIndex: number;
  verdict: 'helpful' | 'harmful' | 'no-effect';
  why: string;
  /** Within `momentS` of finishing. */
  atMoment: ConsequenceDelta;
  /** At the end of the run. */
  atEnd: ConsequenceDelta;
}

/** How long after a command finishes its immediate consequences are read. */
export const momentS = 600;

/** Interventions judged per run at most; later ones are listed as not judged (a shotgun run cannot make scoring slow). */
export const maxJudged = 40;

function read(state: SimState): WorldReading {
  const m = state.metrics;
  return { lost: m['records.lost'] ?? 0, duplicates: m['records.duplicates'] ?? 0, dlq: m['records.dlq'] ?? 0, impactS: state.impactS, resolved: state.milestones.resolved !== null };
}

/** Replays a log without the entries in `skip`, reading the world at each of `times` (ascending) and at `end`. */
function readings(s: Scenario, seed: number, log: readonly LogEntry[], skip: ReadonlySet<number>, times: readonly number[], end: number): WorldReading[] {
  const state = createInitialState(s, seed);
  const out: WorldReading[] = [];
  let next = 0;
  const readBefore = (t: number) => {
    while (next < times.length && (times[next] as number) < t) {
      advanceInPlace(s, state, times[next] as number);
      out.push(read(state));
      next++;
    }
  };
  log.forEach((entry, i) => {
    readBefore(entry.at);
    if (!skip.has(i)) applyEntryInPlace(s, state, entry);
  });
  readBefore(end + 1);
  advanceInPlace(s, state, end);
  out.push(read(state));
  return out;
}

/** Differences in impact shorter than this are the world's tick-by-tick jitter, not a consequence. */
const impactToleranceS = 60;

function minus(a: WorldReading, b: WorldReading): ConsequenceDelta {
  const impactS = a.impactS - b.impactS;
  return { lost: a.lost - b.lost, duplicates: a.duplicates - b.duplicates, dlq: a.dlq - b.dlq, impactS: Math.abs(impactS) < impactToleranceS ? 0 : impactS };
}

const count = (n: number) => n.toLocaleString('en-US');

function verdictOf(moment: ConsequenceDelta, end: ConsequenceDelta, resolvedOnlyWith: boolean): Pick<JudgedIntervention, 'verdict' | 'why'> {
  const harms: string[] = [];
  const lost = Math.max(moment.lost, end.lost);
  const duplicates = Math.max(moment.duplicates, end.duplicates);
  const evenedOut = ' at the time (by the end a later step had evened it out)';
  if (lost > 0) harms.push(`lost ${count(lost)} records${end.lost > 0 ? '' : evenedOut}`);
  if (duplicates > 0) harms.push(`wrote ${count(duplicates)} duplicate rows${end.duplicates > 0 ? '' : evenedOut}`);
  if (end.impactS > 0) harms.push(`kept the impact going ${Math.round(end.impactS / 60)} min longer`);
  if (harms.length > 0) return { verdict: 'harmful', why: `Compared with the same run without it, it ${harms.join(', ')}.` };
  const helps: string[] = [];
  if (end.impactS < 0) helps.push(`shortened the impact by ${Math.round(-end.impactS / 60)} min`);
  if (end.lost < 0) helps.push(`recovered ${count(-end.lost)} records`);
  if (end.duplicates < 0) helps.push(`kept ${count(-end.duplicates)} duplicate rows out`);
  if (end.dlq < 0) helps.push(`brought ${count(-end.dlq)} parked records back`);
  if (resolvedOnlyWith) helps.push('was needed for the resolution');
  if (moment.impactS < 0 && helps.length === 0) helps.push('shortened the impact at the time');
  if (helps.length > 0) return { verdict: 'helpful', why: `Compared with the same run without it, it ${helps.join(', ')}.` };
  return { verdict: 'no-effect', why: 'No effect: without it, the same records were lost, duplicated and parked, and the impact lasted as long.' };
}

/** The typed lines that changed the world, in the order they finished. */
export function interventions(state: SimState): (TerminalEntry & { logIndex: number })[] {
  return (state.terminal ?? []).filter((e): e is TerminalEntry & { logIndex: number } => e.changed !== undefined && e.logIndex !== undefined && e.output !== null);
}

const cache = new WeakMap<SimState, JudgedIntervention[]>();

/**
 * Judges every typed intervention of a finished run by its consequences: the run is replayed
 * without it, and the two worlds are compared shortly after it finished and at the end. Harm is
 * what it did (records lost, duplicates written, impact prolonged), never what it is called.
 */
export function judgeInterventions(s: Scenario, state: SimState): JudgedIntervention[] {
  const hit = cache.get(state);
  if (hit) return hit;
  const acts = interventions(state).slice(0, maxJudged);
  if (acts.length === 0) return [];
  const end = state.t;
  const moments = acts.map((a) => Math.min(end, a.endsAt + momentS));
  const sortedMoments = [...new Set(moments)].sort((a, b) => a - b);
  // Queries and read-only command lines change nothing, so both worlds are replayed without them (they are the slow part).
  const readOnly = new Set<number>();
  state.log.forEach((entry, i) => {
    if (entry.command.type === 'sql.run') readOnly.add(i);
  });
  for (const e of state.terminal ?? []) if (e.changed === undefined && e.logIndex !== undefined) readOnly.add(e.logIndex);
  const actual = readings(s, state.seed, state.log, readOnly, sortedMoments, end);
  const actualEnd = actual.at(-1) as WorldReading;
  const judged = acts.map((act, i) => {
    const moment = moments[i] as number;
    const without = readings(s, state.seed, state.log, new Set([...readOnly, act.logIndex]), [moment], end);
    const atMoment = minus(actual[sortedMoments.indexOf(moment)] as WorldReading, without[0] as WorldReading);
    const atEnd = minus(actualEnd, without[1] as WorldReading);
    const resolvedOnlyWith = actualEnd.resolved && !(without[1] as WorldReading).resolved;
    return { line: act.line, at: act.startedAt, logIndex: act.logIndex, ...verdictOf(atMoment, atEnd, resolvedOnlyWith), atMoment, atEnd };
  });
  cache.set(state, judged);
  return judged;
}
