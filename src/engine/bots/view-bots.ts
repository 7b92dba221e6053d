import type { Command, Scenario } from '../../scenarios/schema';
import { stageOf } from '../flow/session-machine';
import { nextInt, seedRng, type RngHolder } from '../rng';
import type { PaletteEntry } from '../terminal/palette';
import { timeOfDay } from '../wall-clock';
import { playerView, type PlayerView } from '../views';
import { handsPerResponder, heldAt } from '../hands';
import { seenTexts } from '../diagnosis';
import { BotTable, type BotRun } from './play';

/*
 * Bots that read only what a person's console shows (the player view) and exploit the order
 * and the breadth of what it offers, never the answer. A score is worth something only if they
 * stay far below the model.
 */

const gapS = 30;

/**
 * Sends a command that takes a hand as a person would: once a hand is free and, for a typed
 * line, once the prompt has printed the last one (both as the console shows them). Returns when it was sent.
 */
function actWithFreeHand(s: Scenario, table: BotTable, at: number, command: Command): number {
  let t = Math.max(at, table.state.t);
  for (;;) {
    const view = playerView(s, table.state);
    const held = heldAt(view.hands, undefined, t);
    const prompt = command.type === 'terminal.run' ? view.terminal : command.type === 'sql.run' ? view.sql : [];
    const typing = prompt.at(-1)?.output === null ? (prompt.at(-1)?.endsAt ?? t) : t;
    const free = Math.max(held.length >= handsPerResponder ? (held[0]?.until ?? t) : t, typing);
    if (free <= t || table.state.ended || free > s.clock.endS) break;
    table.wait(free);
    t = Math.max(free, table.state.t);
  }
  table.act(t, command);
  return t;
}

/** Waits, a tick at a time, until the view shows a page; returns when, or null if none ever fires. */
function awaitPage(s: Scenario, table: BotTable): number | null {
  const paged = () => Object.values(table.state.alerts).some((a) => a.status === 'firing');
  while (!paged() && !table.state.ended && table.state.t < s.clock.endS) table.wait(table.state.t + s.clock.tickS);
  return paged() ? table.state.t : null;
}

/** Acknowledges every firing alert the view shows, in its order. */
function ackAll(table: BotTable, view: PlayerView, at: number): number {
  let t = at;
  for (const [id, alert] of Object.entries(view.alerts)) {
    if (alert.status === 'firing' && alert.ackedAt === null) table.act((t += 5), { type: 'alert.acknowledge', alert: id });
  }
  return t;
}

/** Takes the console, waits for the page and acknowledges what fires; `at` is when it is done, null when no page came. */
function takeThePage(s: Scenario, seed: number): { table: BotTable; at: number | null } {
  const table = new BotTable(s, seed);
  table.act(s.clock.playerStartS, { type: 'session.start' });
  const paged = awaitPage(s, table);
  return { table, at: paged === null ? null : ackAll(table, playerView(s, table.state), paged) };
}

/** A palette form filled with its first choices; a typed blank gets a plausible value, or the form is skipped. */
function filled(view: PlayerView, entry: PaletteEntry, choiceIndex = 0): string | null {
  let line = entry.template;
  for (const p of entry.params) {
    let value: string | undefined;
    if (p.choices) value = p.choices[Math.min(choiceIndex, p.choices.length - 1)];
    else if (p.placeholder?.startsWith('YYYY')) value = `${view.scenario.clock.dateAtZero}T${timeOfDay(view.scenario.clock, view.t - 3600)}`;
    else if (p.placeholder && /number/.test(p.placeholder)) value = '1';
    else if (p.optional) value = '';
    if (value === undefined) return null;
    line = line.replace(`{${p.name}}`, value);
  }
  return line.replace(/\s+/g, ' ').trim();
}

/** Every line the view's outputs have shown, for evidence pinned without reading. */
function seenLines(view: PlayerView): string[] {
  return seenTexts(view)
    .flatMap((t) => t.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length >= 8);
}

function ended(table: BotTable): boolean {
  return table.state.ended !== null;
}

/** Resolves, then writes the postmortem with the given follow-ups if it got there. */
function resolveAndClose(table: BotTable, at: number, followUps: (view: PlayerView) => string[], s: Scenario, attempts: number): void {
  let t = at;
  for (let i = 0; i < attempts && !ended(table) && stageOf(table.state.flow) === 'running'; i += 1) {
    table.act(t, { type: 'incident.resolve' });
    t += 300;
  }
  if (stageOf(table.state.flow) === 'prevent') table.act(t, { type: 'postmortem.submit', rootCause: 'Something upstream changed.', followUps: followUps(playerView(s, table.state)) });
}

/**
 * The position bot: acts on list and completion order only. The first half of every list the
 * console shows (actions, palette forms with their first choices, follow-ups), the first
 * component and the first mechanism, one short update.
 */
export function playPosition(s: Scenario, seed: number): BotRun {
  const { table, at } = takeThePage(s, seed);
  if (at === null) return table.finish();
  let t = at;
  let view = playerView(s, table.state);
  table.act((t += gapS), { type: 'comms.post', text: 'Investigating.' });
  const firstHalf = <T>(items: readonly T[]) => items.slice(0, Math.ceil(items.length / 2));
  for (const action of firstHalf(view.scenario.actions)) t = actWithFreeHand(s, table, t + gapS, { type: 'action.start', action: action.id });
  for (const entry of firstHalf(view.scenario.palette ?? [])) {
    const line = filled(playerView(s, table.state), entry);
    if (line) t = actWithFreeHand(s, table, t + gapS, { type: 'terminal.run', line });
  }
  view = playerView(s, table.state);
  const component = view.scenario.components[0];
  const mechanism = view.scenario.mechanisms[0];
  const evidence = seenLines(view)[0];
  if (component && mechanism && evidence && view.scenario.kind !== 'decision') table.act((t += gapS), { type: 'incident.declare-cause', component: component.id, mechanism: mechanism.id, evidence: [evidence] });
  resolveAndClose(table, t + gapS, (v) => firstHalf(v.scenario.prevention).map((p) => p.id), s, 6);
  return table.finish();
}

/**
 * The shotgun bot: runs every action and every command line it can form from the palette (every
 * choice of the first blank), declares every component with every mechanism, and resolves.
 */
export function playShotgun(s: Scenario, seed: number): BotRun {
  const { table, at } = takeThePage(s, seed);
  if (at === null) return table.finish();
  let t = at;
  let view = playerView(s, table.state);
  for (const action of view.scenario.actions) t = actWithFreeHand(s, table, t + 10, { type: 'action.start', action: action.id });
  for (const entry of view.scenario.palette ?? []) {
    const choices = entry.params[0]?.choices?.length ?? 1;
    for (let i = 0; i < choices; i += 1) {
      const line = filled(playerView(s, table.state), entry, i);
      if (line) t = actWithFreeHand(s, table, t + 10, { type: 'terminal.run', line });
      if (ended(table)) return table.finish();
    }
  }
  view = playerView(s, table.state);
  const evidence = seenLines(view).slice(0, 3);
  if (evidence.length > 0 && view.scenario.kind !== 'decision') {
    for (const component of view.scenario.components) {
      for (const mechanism of view.scenario.mechanisms) table.act((t += 1), { type: 'incident.declare-cause', component: component.id, mechanism: mechanism.id, evidence });
    }
  }
  resolveAndClose(table, t + gapS, (v) => v.scenario.prevention.map((p) => p.id), s, 10);
  return table.finish();
}

/** The guesser: acknowledges, declares a seeded guess from the lists, resolves, and guesses again. */
export function playGuesser(s: Scenario, seed: number): BotRun {
  const rng: RngHolder = { rng: seedRng(seed ^ 0x2c1b3c6d) };
  const { table, at } = takeThePage(s, seed);
  if (at === null) return table.finish();
  let t = at;
  for (let guess = 0; guess < 5 && !ended(table) && stageOf(table.state.flow) === 'running'; guess += 1) {
    const view = playerView(s, table.state);
    const component = view.scenario.components[nextInt(rng, 0, view.scenario.components.length - 1)];
    const mechanism = view.scenario.mechanisms[nextInt(rng, 0, view.scenario.mechanisms.length - 1)];
    const evidence = seenLines(view)[0] ?? view.alerts[Object.keys(view.alerts)[0] ?? '']?.status ?? 'firing';
    const declare: Command | null = component && mechanism && view.scenario.kind !== 'decision' ? { type: 'incident.declare-cause', component: component.id, mechanism: mechanism.id, evidence: [evidence] } : null;
    if (declare) table.act((t += 120), declare);
    table.act((t += 60), { type: 'incident.resolve' });
    t += 600;
  }
  resolveAndClose(table, t, () => [], s, 1);
  return table.finish();
}
