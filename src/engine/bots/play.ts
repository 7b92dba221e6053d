import type { Command, LogEntry, Scenario } from '../../scenarios/schema';
import { advanceInPlace, applyEntryInPlace, createInitialState } from '../session';
import type { SimState } from '../state';

/** A bot's finished game: the log it wrote and the final state. */
export interface BotRun {
  log: LogEntry[];
  state: SimState;
}

/** A bot's seat at the table: it sees the state and issues commands, exactly as a person does. */
export class BotTable {
  readonly log: LogEntry[] = [];
  readonly state: SimState;

  constructor(private readonly scenario: Scenario, seed: number) {
    this.state = createInitialState(scenario, seed);
  }

  /** Issues a command at sim time `at` (never earlier than now). */
  act(at: number, command: Command): void {
    const entry = { at: Math.max(at, this.state.t), command };
    this.log.push(entry);
    applyEntryInPlace(this.scenario, this.state, entry);
  }

  /** Lets time pass without acting. */
  wait(until: number): void {
    advanceInPlace(this.scenario, this.state, until);
  }

  /** Plays out the clock and returns the run. */
  finish(): BotRun {
    advanceInPlace(this.scenario, this.state, this.scenario.clock.endS);
    return { log: this.log, state: this.state };
  }
}
