import type { LogEntry, Scenario } from '../scenarios/schema';
import { quietAlert } from './alerts';
import { applyCommand } from './commands';
import { advanceFlow, initialFlow, stageOf } from './flow/session-machine';
import { deepCopy } from './deep-copy';
import { emptySeries } from './metrics/series';
import { nextInt, seedRng } from './rng';
import type { SimState } from './state';
import { completeTyped, nextTypedEnd } from './terminal/terminal-session';
import { refreshMetrics, tick } from './tick';
import { createWorld } from './world/create-world';

/** A session: everything needed to reproduce a game exactly. */
export interface Session {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  log: LogEntry[];
}

const preRollCache = new WeakMap<Scenario, Map<number, SimState>>();
const preRollCacheSize = 16;

/**
 * The state at the player's start: the world has been simulated from its start up to the
 * moment the player takes the console, with the seed's draws for fault times and offsets.
 * A pure function of scenario and seed, so recent results are kept and handed out as copies:
 * scrubbing a debrief replays the same seed many times.
 */
export function createInitialState(s: Scenario, seed: number): SimState {
  // One slice as long as the whole pre-roll: the stepped version, run to its end without pausing.
  const steps = createInitialStateInSteps(s, seed, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Seconds of world time a stepped pre-roll or replay runs between two pauses, unless its host asks for others. */
export const replaySliceS = 120;

/**
 * `createInitialState`, pausing after each `sliceS` seconds of the world's pre-roll: the same
 * state, for a host that must not hold the page while hours of world time are simulated.
 */
export function* createInitialStateInSteps(s: Scenario, seed: number, sliceS = replaySliceS): Generator<void, SimState, void> {
  const cached = preRollCache.get(s)?.get(seed);
  if (cached) return copyState(cached);
  const state = worldAtStart(s, seed);
  // Building the world (its machines, rules and schemas) is a step of its own.
  yield;
  while (state.t + sliceS < s.clock.playerStartS) {
    advanceInPlace(s, state, state.t + sliceS);
    yield;
  }
  advanceInPlace(s, state, s.clock.playerStartS);
  return copyState(keepPreRoll(s, seed, state));
}

/**
 * Copies a state, so that callers never see a state change under them (it is plain JSON data).
 * The state object itself stays in V8's fast mode: `deepCopy` adds keys one by one, and an object
 * given that many keys that way becomes a hash table, so every `state.t` or `state.world` of the
 * replay after it would be a hash lookup. A spread copies the original's layout; its fields are
 * then copied deep.
 */
function copyState(state: SimState): SimState {
  const out = { ...state } as Record<string, unknown>;
  for (const key in out) {
    const v = out[key];
    if (v !== null && typeof v === 'object') out[key] = deepCopy(v);
  }
  return out as unknown as SimState;
}

function keepPreRoll(s: Scenario, seed: number, state: SimState): SimState {
  let bySeed = preRollCache.get(s);
  if (!bySeed) {
    bySeed = new Map();
    preRollCache.set(s, bySeed);
  }
  if (bySeed.size >= preRollCacheSize) bySeed.delete(bySeed.keys().next().value as number);
  bySeed.set(seed, state);
  return state;
}

/** The world at its start, before any tick: the seed's draws made, nothing simulated yet. */
function worldAtStart(s: Scenario, seed: number): SimState {
  const holder = { rng: seedRng(seed) };
  const faultTimes: Record<string, number> = {};
  for (const fault of s.faults) faultTimes[fault.id] = fault.atS + (fault.jitterS > 0 ? nextInt(holder, -fault.jitterS, fault.jitterS) : 0);
  const world = createWorld(s, holder);
  const impactFault = s.faults.find((f) => f.startsImpact);
  const state: SimState = {
    scenarioId: s.id,
    scenarioVersion: s.version,
    seed,
    rng: holder.rng,
    t: s.clock.worldStartS,
    nextTickAt: s.clock.worldStartS,
    flow: initialFlow(),
    world,
    metrics: {},
    series: emptySeries(),
    alerts: Object.fromEntries(s.alerts.map((a) => [a.id, quietAlert()])),
    running: [],
    decisions: [],
    outputs: [],
    messages: [],
    sentMessages: [],
    timeline: [],
    notes: [],
    hintsUsed: 0,
    severity: null,
    causeDeclarations: [],
    resolveAttempts: [],
    mitigationDeclaredAt: null,
    postmortem: null,
    injects: [],
    milestones: {
      impactStart: impactFault ? (faultTimes[impactFault.id] ?? null) : null,
      detected: null,
      acknowledged: null,
      diagnosed: null,
      mitigated: null,
      resolved: null,
    },
    faultTimes,
    faultsApplied: [],
    impactObserved: false,
    impactS: 0,
    ended: null,
    rejected: [],
    log: [],
    // The keys a run sets later (laterStateKeys) are there from the start, unset, which JSON leaves
    // out. Added as a run went, in the order it first used them, they gave one run's state up to five
    // shapes, and other scenarios' runs others: the code reading a state went megamorphic.
    terminal: undefined,
    hands: undefined,
    replies: undefined,
    sql: undefined,
    plans: undefined,
  };
  return state;
}

/** Moves time forward to `until`, ticking the world; stops at the session's end. */
export function advanceInPlace(s: Scenario, state: SimState, until: number): void {
  const target = Math.min(until, s.clock.endS);
  while (stageOf(state.flow) !== 'debrief') {
    // A typed command finishes at its own second, between the world's ticks.
    const typedEnd = nextTypedEnd(state);
    if (typedEnd < state.nextTickAt && typedEnd <= target) {
      state.t = Math.max(state.t, typedEnd);
      if (completeTyped(s, state)) refreshMetrics(s, state, false);
      continue;
    }
    // Written so that a target that is not a number ticks nothing, as the old loop's guard did.
    if (!(state.nextTickAt <= target)) break;
    state.t = state.nextTickAt;
    tick(s, state);
    state.nextTickAt += s.clock.tickS;
  }
  if (stageOf(state.flow) !== 'debrief' && target > state.t) state.t = target;
  if (state.t >= s.clock.endS && stageOf(state.flow) !== 'debrief') {
    state.flow = advanceFlow(state.flow, { type: 'session.time-up' });
    state.ended = { at: state.t, reason: 'timed-out' };
    state.timeline.push({ at: state.t, kind: 'system', text: 'Time is up: the session has ended.' });
  }
}

/** Applies one log entry in place: time moves to its stamp, then the command runs. */
export function applyEntryInPlace(s: Scenario, state: SimState, entry: LogEntry): void {
  state.log.push(entry);
  if (entry.at < state.t) {
    state.rejected.push({ at: state.t, command: entry.command, reason: `it is stamped ${entry.at}s, before the current time ${state.t}s` });
    return;
  }
  if (entry.at > s.clock.endS) {
    state.rejected.push({ at: state.t, command: entry.command, reason: `it is stamped ${entry.at}s, after the session's end at ${s.clock.endS}s` });
    return;
  }
  advanceInPlace(s, state, entry.at);
  if (stageOf(state.flow) === 'debrief' && entry.command.type !== 'note.add') {
    state.rejected.push({ at: state.t, command: entry.command, reason: 'the session is over' });
    return;
  }
  applyCommand(s, state, entry);
  refreshMetrics(s, state, false);
}

/** Returns the state after one more log entry (pure: the input state is untouched). */
export function applyEntry(s: Scenario, state: SimState, entry: LogEntry): SimState {
  const next = copyState(state);
  applyEntryInPlace(s, next, entry);
  return next;
}

/** Returns the state at a later time with no new commands (pure). */
export function advance(s: Scenario, state: SimState, until: number): SimState {
  const next = copyState(state);
  advanceInPlace(s, next, until);
  return next;
}

/**
 * The heart of the game: the state is a pure function of scenario, seed and log. Time runs to
 * the last command (or to `until`, when given and later).
 */
export function replay(s: Scenario, seed: number, log: readonly LogEntry[], until?: number): SimState {
  const state = createInitialState(s, seed);
  for (const entry of log) applyEntryInPlace(s, state, entry);
  if (until !== undefined) advanceInPlace(s, state, until);
  return state;
}

/** Plays the session to its end: to the debrief, or to the time limit. */
export function finish(s: Scenario, state: SimState): SimState {
  return advance(s, state, s.clock.endS);
}
