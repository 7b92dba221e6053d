import { expect } from 'vitest';
import { applyEntry, advance, createInitialState, currentPhase, prepareRun, type Level, type PhaseOrStage, type SimState } from '../../src/engine';
import { mechanismIds, type Command, type LogEntry, type Scenario } from '../../src/scenarios/schema';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

/** A built-in scenario by id, as written (prepare it for a run with `prepareRun`), failing the test if it does not load. */
export function scenario(id: string): Scenario {
  const found = builtinRegistry().byId(id);
  if (!found) throw new Error(`built-in scenario "${id}" did not load`);
  return found;
}

type Declaration = Extract<Command, { type: 'incident.declare-cause' }>;

/** The root cause as the model walkthrough declares it: component, mechanism and the evidence it pinned. */
export function modelDeclaration(s: Scenario): Declaration {
  const step = s.walkthrough.find((w) => w.command.type === 'incident.declare-cause');
  if (!step || step.command.type !== 'incident.declare-cause') throw new Error(`${s.id} declares no cause in its walkthrough`);
  return step.command;
}

/** The model's declaration with one part wrong: another component, or a mechanism from the taxonomy that is not the cause. */
export function wrongDeclaration(s: Scenario, part: 'component' | 'mechanism', nth = 0): Declaration {
  const right = modelDeclaration(s);
  if (part === 'mechanism') {
    const mechanism = mechanismIds.filter((m) => !s.rootCause.mechanisms.includes(m))[nth];
    if (!mechanism) throw new Error('no wrong mechanism left');
    return { ...right, mechanism };
  }
  const component = [...s.world.topics.map((t) => `topic:${t.id}`), ...s.world.producers.map((p) => `producer:${p.id}`)].filter((c) => !s.rootCause.components.includes(c))[nth];
  if (!component) throw new Error('no wrong component left');
  return { ...right, component };
}

/** A built-in scenario prepared for one run: the seed's root-cause variant at the level. */
export function scenarioRun(id: string, seed = 1, level: Level = 'normal'): Scenario {
  return prepareRun(scenario(id), seed, level);
}

/**
 * A test harness that reads like the incident: `sim.start().waitForPage().ack().act('read-job-logs').advance(60)`.
 * Every step goes through the engine's public, pure API.
 */
export class Sim {
  state: SimState;
  readonly log: LogEntry[] = [];

  constructor(readonly scenario: Scenario, seed = 1) {
    this.state = createInitialState(scenario, seed);
  }

  /** Issues a command now. */
  send(command: Command): this {
    const entry = { at: this.state.t, command };
    this.log.push(entry);
    this.state = applyEntry(this.scenario, this.state, entry);
    return this;
  }

  start(): this {
    return this.send({ type: 'session.start' });
  }

  /** Starts an action from the catalogue. */
  act(action: string): this {
    return this.send({ type: 'action.start', action });
  }

  /** Starts an action and waits until it has completed. */
  complete(action: string): this {
    this.act(action);
    const spec = this.scenario.actions.find((a) => a.id === action);
    return this.advance((spec?.durationS ?? 0) + this.scenario.clock.tickS);
  }

  /** Types a command line at the shell and waits until it has printed; returns what it printed. */
  type(line: string): string {
    this.send({ type: 'terminal.run', line });
    const entry = this.state.terminal?.at(-1);
    if (!entry || entry.line !== line.trim()) throw new Error(`the shell refused "${line}": ${this.state.rejected.at(-1)?.reason ?? 'no entry'}`);
    while (this.state.terminal?.at(-1)?.output === null) this.advance(this.scenario.clock.tickS);
    return this.state.terminal?.at(-1)?.output ?? '';
  }

  /** Types every line of a step, each after the one before has printed. */
  typeAll(lines: readonly string[]): this {
    for (const line of lines) this.type(line);
    return this;
  }

  advance(seconds: number): this {
    this.state = advance(this.scenario, this.state, this.state.t + seconds);
    return this;
  }

  /** Advances tick by tick until the first page fires (or the session ends). */
  waitForPage(): this {
    while (this.state.milestones.detected === null && !this.state.ended) this.advance(this.scenario.clock.tickS);
    return this;
  }

  /** Acknowledges the first firing page. */
  ack(): this {
    const page = this.scenario.alerts.find((a) => a.severity === 'page' && this.state.alerts[a.id]?.status === 'firing');
    if (!page) throw new Error('no page is firing');
    return this.send({ type: 'alert.acknowledge', alert: page.id });
  }

  metric(key: string): number {
    const value = this.state.metrics[key];
    if (value === undefined) throw new Error(`no metric ${key}`);
    return value;
  }

  expectPhase(phase: PhaseOrStage): this {
    expect(currentPhase(this.state)).toBe(phase);
    return this;
  }

  /** Asserts the data-accounting invariant over the critical pipeline. */
  expectBalanced(): this {
    const m = this.state.metrics;
    expect(m['records.pending']! + m['records.delivered']! + m['records.dlq']! + m['records.lost']!).toBe(m['records.produced']);
    return this;
  }
}
