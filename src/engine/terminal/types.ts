import type { Effect, Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import type { ShellNames } from './platform';

/** What a tool sees: the scenario and the world at the moment the command runs. */
export interface ToolContext {
  s: Scenario;
  state: SimState;
}

/** What one stage of a command line produced, as a process would: streams, an exit code, and what it changed. */
export interface ToolResult {
  out: string;
  err: string;
  exit: number;
  /** Changes to the world, applied when the command completes. */
  effects: Effect[];
  /** A line for the incident timeline when the command changed something. */
  changed?: string;
}

/** A command-line tool of the simulated platform. */
export interface Tool {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** Sim seconds the command takes to run and read (parsed, not executed: no world access). */
  durationS: (args: readonly string[]) => number;
  run: (ctx: ToolContext, args: readonly string[], stdin: string) => ToolResult;
  /** Candidates for the word being typed, given the words before it. */
  complete?: (names: ShellNames, before: readonly string[]) => readonly string[];
}

/** A successful result with no side effects. */
export function printed(out: string): ToolResult {
  return { out: out.endsWith('\n') || out === '' ? out : `${out}\n`, err: '', exit: 0, effects: [] };
}

/** A failed result: the message goes to stderr. */
export function failed(err: string, exit = 1): ToolResult {
  return { out: '', err: err === '' || err.endsWith('\n') ? err : `${err}\n`, exit, effects: [] };
}
