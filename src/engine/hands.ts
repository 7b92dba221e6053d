import type { ActionSpec, Scenario } from '../scenarios/schema';
import type { SimState } from './state';
import { formatDuration, timeOfDay } from './wall-clock';

/*
 * A responder's hands. A command (a typed line, a query, an action or procedure) holds the one
 * who sent it while it runs and they read what it printed; a job it starts (a backfill, a DAG
 * run, a redeploy) then runs on the platform without them. Nobody does more than two things at
 * once, so spraying commands in parallel cannot beat par. In a room each participant has their
 * own pair of hands, keyed by the seat that sent the command; solo play has one responder.
 */

/** How many commands one responder can have in hand at once. */
export const handsPerResponder = 2;

/** The longest an action holds its sender: after starting and checking on it, a longer one runs as a job on its own. */
export const actionHoldCapS = 120;

/** One command held in a responder's hands until a sim time. */
export interface Hold {
  /** The seat that sent it (absent in solo play: the one responder). */
  by?: string;
  /** The command in words: the line typed, the query, the action's label. */
  what: string;
  from: number;
  until: number;
}

/** How long an action holds its sender: its whole run when short, else the time to start it and see it going. */
export function actionHoldS(spec: Pick<ActionSpec, 'durationS'>): number {
  return Math.min(spec.durationS, actionHoldCapS);
}

/** The commands a responder holds at `t`, the one that frees first first. */
export function heldAt(holds: readonly Hold[] | undefined, by: string | undefined, t: number): Hold[] {
  return (holds ?? []).filter((h) => h.by === by && h.until > t).sort((a, b) => a.until - b.until || a.from - b.from);
}

function shortened(what: string): string {
  const line = what.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Why a responder cannot take on another command now (both hands are full), or null when they can. */
export function handsRefusal(clock: Scenario['clock'], holds: readonly Hold[] | undefined, by: string | undefined, t: number): string | null {
  const held = heldAt(holds, by, t);
  if (held.length < handsPerResponder) return null;
  const first = held[0] as Hold;
  const busy = held.map((h) => `"${shortened(h.what)}"`).join(' and ');
  return `You are busy with ${busy}; one responder does at most ${handsPerResponder} things at once. A hand frees at ${timeOfDay(clock, first.until)} (in ${formatDuration(first.until - t)})`;
}

/** Puts a command in its sender's hands until `until`; holds that have ended are dropped. */
export function takeHold(state: SimState, hold: Hold): void {
  const live = (state.hands ?? []).filter((h) => h.until > state.t);
  if (hold.until > state.t) live.push(hold);
  state.hands = live;
}
