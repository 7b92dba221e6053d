import type { Scenario } from '../../scenarios/schema';
import { deliverMessage } from '../messages';
import type { SimState, TerminalEntry } from '../state';
import { applyEffect } from '../world/apply-effect';
import { lineDurationS, runLine } from './run-line';

/** Output past this many characters is cut, with a note saying how to see the rest. */
export const maxOutputChars = 60_000;

/** Starts a typed command line; it runs for its tools' time, then prints. Returns why it can't start, or null. */
export function startTerminalCommand(state: SimState, line: string): string | null {
  const transcript = (state.terminal ??= []);
  const busy = transcript.find((e) => e.output === null);
  if (busy) return `"${busy.line}" is still running`;
  const trimmed = line.trim();
  if (trimmed === '') return 'the command line is empty';
  transcript.push({ id: transcript.length + 1, line: trimmed, startedAt: state.t, endsAt: state.t + lineDurationS(trimmed), output: null, exit: null });
  return null;
}

/** Completes every command whose time has come: it runs against the world as it is now, then applies what it changed. */
export function completeTerminalCommands(s: Scenario, state: SimState): boolean {
  const due = (state.terminal ?? []).filter((e) => e.output === null && e.endsAt <= state.t);
  for (const entry of due) finish(s, state, entry);
  return due.length > 0;
}

function finish(s: Scenario, state: SimState, entry: TerminalEntry): void {
  const result = runLine({ s, state }, entry.line);
  entry.output = result.output.length > maxOutputChars ? `${result.output.slice(0, maxOutputChars)}\n… output cut at ${maxOutputChars} characters (${result.output.split('\n').length} lines): narrow it with grep, head or tail.\n` : result.output;
  entry.exit = result.exit;
  for (const effect of result.effects) applyEffect(s, state, effect, (id) => deliverMessage(s, state, id));
  for (const text of result.changed) state.timeline.push({ at: state.t, kind: 'action-completed', text });
}
