import type { Scenario } from '../../scenarios/schema';
import { deliverMessage } from '../messages';
import { planSqlCost, runSql } from '../sql';
import type { SimState, TerminalEntry } from '../state';
import { applyEffect } from '../world/apply-effect';
import { lineDurationS, runLine } from './run-line';

/** Output past this many characters is cut, with a note saying how to see the rest. */
export const maxOutputChars = 60_000;

/** The two prompts a responder types at: the shell and the SQL prompt; each runs one thing at a time per responder (a room's seats each have their own). */
export type Prompt = 'terminal' | 'sql';

/** Starts a typed command line or query by a seat (undefined: the solo responder); it runs for its tools' time, then prints. Returns why it can't start, or null. */
export function startTyped(s: Scenario, state: SimState, prompt: Prompt, text: string, by?: string): string | null {
  const transcript = (state[prompt] ??= []);
  const busy = transcript.find((e) => e.output === null && e.by === by);
  if (busy) return `"${busy.line}" is still running`;
  const trimmed = text.trim();
  if (trimmed === '') return prompt === 'sql' ? 'the query is empty' : 'the command line is empty';
  // A query's cost depends on what it scans, so it is planned against the world as it is now.
  const durationS = prompt === 'sql' ? Math.max(1, planSqlCost(s, state, trimmed)) : lineDurationS(trimmed);
  transcript.push({ id: transcript.length + 1, line: trimmed, startedAt: state.t, endsAt: state.t + durationS, output: null, exit: null, logIndex: state.log.length - 1, ...(by !== undefined && { by }) });
  return null;
}

/** When the next running command or query finishes (Infinity when none runs); in a room several seats' lines may run at once. */
export function nextTypedEnd(state: SimState): number {
  let end = Infinity;
  for (const transcript of [state.terminal, state.sql]) {
    if (!transcript) continue;
    // The solo responder runs one line at a time, so nothing before its last finished line still runs; a room's seats' lines finish in any order.
    for (let i = transcript.length - 1; i >= 0; i -= 1) {
      const e = transcript[i] as TerminalEntry;
      if (e.output === null) {
        if (e.endsAt < end) end = e.endsAt;
      } else if (e.by === undefined) break;
    }
  }
  return end;
}

/** Completes every command or query whose time has come: it runs against the world as it is now, then applies what it changed. */
export function completeTyped(s: Scenario, state: SimState): boolean {
  let done = false;
  for (const prompt of ['terminal', 'sql'] as const) {
    for (const entry of state[prompt] ?? []) {
      if (entry.output !== null || entry.endsAt > state.t) continue;
      if (prompt === 'sql') finishQuery(s, state, entry);
      else finishLine(s, state, entry);
      done = true;
    }
  }
  return done;
}

function cut(output: string): string {
  return output.length > maxOutputChars ? `${output.slice(0, maxOutputChars)}\n… output cut at ${maxOutputChars} characters (${lineCount(output)} lines): narrow it with grep, head or tail.\n` : output;
}

// As many as `text.split('\n')` has, without building them: a cut output is long.
function lineCount(text: string): number {
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n += 1;
  return n;
}

function finishLine(s: Scenario, state: SimState, entry: TerminalEntry): void {
  const result = runLine({ s, state }, entry.line);
  entry.output = cut(result.output);
  entry.exit = result.exit;
  for (const effect of result.effects) applyEffect(s, state, effect, (id) => deliverMessage(s, state, id));
  if (result.effects.length > 0) entry.changed = result.changed.length > 0 ? result.changed : [entry.line];
  for (const text of result.changed) state.timeline.push({ at: state.t, kind: 'action-completed', text });
}

function finishQuery(s: Scenario, state: SimState, entry: TerminalEntry): void {
  const result = runSql(s, state, entry.line);
  entry.output = cut(result.text);
  entry.exit = result.ok ? 0 : 1;
}
