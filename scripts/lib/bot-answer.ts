import type { z } from 'zod';
import { mayCommand } from '../../src/rooms/permissions.ts';
import { commandSchema, type Command } from '../../src/scenarios/schema/index.ts';
import { BotError } from './bot-module.ts';

/** The most commands a bot may send in one step. */
export const maxCommandsPerStep = 50;

/** The shortest and longest step a bot module may ask for with `everyS`, and the step when it does not. */
export const everySRange = { min: 5, max: 3600, default: 30 } as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function issuesText(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(the command)'}: ${issue.message}`).join('; ');
}

/** The step a bot module asks for, checked: its `everyS` export, or the default when it has none. */
export function stepSeconds(everyS: unknown): number {
  if (everyS === undefined) return everySRange.default;
  if (typeof everyS !== 'number' || !Number.isInteger(everyS) || everyS < everySRange.min || everyS > everySRange.max) {
    throw new BotError(`everyS must be a whole number of seconds from ${everySRange.min} to ${everySRange.max}, got ${describe(everyS)}`);
  }
  return everyS;
}

/**
 * What a bot's `decide` returned, checked against the command API a player's console uses: an
 * array of at most `maxCommandsPerStep` commands, each valid and one a player may send. Throws a
 * BotError naming the first bad command and what is wrong with it.
 */
export function commandsFrom(answer: unknown): Command[] {
  if (!Array.isArray(answer)) throw new BotError(`decide must return an array of commands (or a promise of one), got ${describe(answer)}`);
  if (answer.length > maxCommandsPerStep) throw new BotError(`decide returned ${answer.length} commands; at most ${maxCommandsPerStep} a step`);
  return answer.map((raw: unknown, i) => {
    const which = `command ${i + 1} of ${answer.length} ${preview(raw)}`;
    const parsed = commandSchema.safeParse(raw);
    if (!parsed.success) throw new BotError(`${which} is not a command: ${issuesText(parsed.error)}`);
    const type = parsed.data.type;
    if (!mayCommand('player', type)) throw new BotError(`${which}: a player may not send ${type} (${type === 'session.start' ? 'the runner starts the session before the first step' : "the facilitator's command"})`);
    return parsed.data;
  });
}
