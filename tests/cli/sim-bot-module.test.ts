import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playBot, summarizeRun, viewPolicySteps, type PlayerView, type RunSummary } from '../../src/engine';
import type { Command } from '../../src/scenarios/schema';
import { repoRoot } from '../scenarios/malformed-cases';
import { scenarioRun } from '../support/sim-harness';
import { linesOf, runAll, stackFrame, type RunsByName } from './run-script';
import { expectSummaryShape, onlyJson } from './summary-shape';

const id = 'avro-schema-break';
const example = './docs/examples/first-responder-bot.mjs';
const tmp = mkdtempSync(join(tmpdir(), 'firedrill-bots-'));

/** Bots written for these tests, by name: the module's source. */
const bots = {
  // Fails the run unless every step's view is the player's: the scenario's public card, no hidden truth, no data accounting.
  probe: `export const everyS = 300;
export default function decide(view) {
  if (view.scenario.id !== '${id}' || typeof view.t !== 'number' || !Array.isArray(view.terminal)) throw new Error('not the player view');
  if ('hidden' in view || 'rootCause' in view.scenario || 'walkthrough' in view.scenario) throw new Error('saw hidden truth');
  if (Object.keys(view.metrics).some((k) => k.startsWith('records.'))) throw new Error('saw the data accounting');
  return [];
}`,
  prints: `export const everyS = 600;
export default async function decide(view) { console.log('bot says t =', view.t); return []; }`,
  badCommand: `export default (view) => (view.milestones.detected === null ? [] : [{ type: 'note.add', text: 'paged' }, { type: 'terminal.run' }]);`,
  unknownType: `export default () => [{ type: 'incident.fix-everything' }];`,
  throws: `let n = 0;
export default function decide() { n += 1; if (n === 3) throw new Error('boom'); return []; }`,
  spins: `let n = 0;
export default function decide() { n += 1; if (n === 2) for (;;) {} return []; }`,
  neverAnswers: `export default () => new Promise(() => {});`,
  notAnArray: `export default () => ({ type: 'incident.resolve' });`,
  hostCommand: `export default () => [{ type: 'facilitator.inject', inject: 'ceo-joins-unannounced' }];`,
  tooMany: `export default () => Array.from({ length: 51 }, () => ({ type: 'note.add', text: 'x' }));`,
  exits: `export default () => process.exit(3);`,
  noDecide: `export function decide() { return []; }`,
  syntaxError: `export default function decide( { return [] }`,
  badStep: `export const everyS = 0.5;
export default () => [];`,
} satisfies Record<string, string>;
type BotName = keyof typeof bots;

const botPath = (name: BotName) => join(tmp, `${name}.mjs`);
const readmeBot = join(tmp, 'readme.mjs');

/** The bot the README shows under "Bring your own bot", as written there. */
function readmeSnippet(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Bring your own bot'));
  const snippet = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!snippet) throw new Error('the README has no js example under "Bring your own bot"');
  return snippet;
}
const play = (policy: string, ...extra: string[]) => ['--scenario', id, '--policy', policy, '--seed', '1', '--json', ...extra];

/** Each malformed bot, the line sim must print about it, and the extra arguments it runs with. */
const malformed: [BotName, RegExp, string[]][] = [
  ['badCommand', /: step \d+ \(\d\d:\d\d:\d\d, t=[+-][^)]+\): command 2 of 2 \{"type":"terminal\.run"\} is not a command: line: Invalid input: expected string, received undefined$/, []],
  ['unknownType', /: step 1 \([^)]+\): command 1 of 1 \{"type":"incident\.fix-everything"\} is not a command: type: Invalid discriminator value/, []],
  ['throws', /: step 3 \([^)]+\): decide threw Error: boom$/, []],
  ['spins', /: step 2 \([^)]+\): decide did not answer within 3 s$/, ['--bot-timeout', '3']],
  ['neverAnswers', /: step 1 \([^)]+\): decide did not answer within 1\.5 s$/, ['--bot-timeout', '1.5']],
  ['notAnArray', /: step 1 \([^)]+\): decide must return an array of commands \(or a promise of one\), got an object$/, []],
  ['hostCommand', /: step 1 \([^)]+\): command 1 of 1 \{"type":"facilitator\.inject","inject":"ceo-joins-unannounced"\}: a player may not send facilitator\.inject/, []],
  ['tooMany', /: step 1 \([^)]+\): decide returned 51 commands; at most 50 a step$/, []],
  ['exits', /: step 1 \([^)]+\): exited \(code 3\) during decide$/, []],
  ['noDecide', /: has no default export function/, []],
  ['syntaxError', /: cannot be loaded: SyntaxError: /, []],
  ['badStep', /: everyS must be a whole number of seconds from 5 to 3600, got number 0\.5$/, []],
];

let result: RunsByName;
const idleRun = scenarioRun(id);
const idleScore = summarizeRun(idleRun, playBot(idleRun, 'idle', 1).state, 'idle').summary.score;

beforeAll(async () => {
  for (const [name, source] of Object.entries(bots)) writeFileSync(botPath(name as BotName), source);
  writeFileSync(readmeBot, readmeSnippet());
  const runs: [string, string[]][] = [
    ['example', play(example)],
    ['readme', play(readmeBot)],
    ['probe', play(botPath('probe'))],
    ['prints', play(botPath('prints'))],
    ['missing', play(join(tmp, 'no-such-bot.mjs'))],
    ...malformed.map(([name, , extra]): [string, string[]] => [name, play(botPath(name), ...extra)]),
  ];
  // Four processes at a time, so a crowded machine does not eat into a bot's timeout.
  result = await runAll('sim', runs, 4);
}, 240_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The example bot played in this process through the same steps, with the module's own decide. */
async function exampleInProcess(): Promise<RunSummary> {
  const module = (await import(pathToFileURL(join(repoRoot, example)).href)) as { default: (view: PlayerView) => Command[]; everyS: number };
  const s = scenarioRun(id);
  const steps = viewPolicySteps(s, 1, module.everyS);
  let next = steps.next([]);
  while (!next.done) next = steps.next(module.default(structuredClone(next.value.view)));
  return summarizeRun(s, next.value.state, example).summary;
}

describe('sim --policy <bot module>', () => {
  it('plays the README example bot and prints the one-line JSON contract', () => {
    const summary = expectSummaryShape(onlyJson(result('example')));
    expect(summary).toMatchObject({ scenarioId: id, seed: 1, policy: example, resolved: false });
  });

  it.each(['example', 'readme'])('acknowledges the page within one step and earns more than doing nothing (%s)', (name) => {
    const summary = onlyJson(result(name)) as RunSummary;
    const { detected, acknowledged } = summary.milestones;
    expect(detected).not.toBeNull();
    expect(acknowledged).not.toBeNull();
    expect((acknowledged ?? Infinity) - (detected ?? 0)).toBeLessThanOrEqual(20);
    expect(summary.score).toBeGreaterThan(idleScore);
  });

  it('plays exactly what the engine plays for the same bot in-process, down to the state hash', async () => {
    expect(onlyJson(result('example'))).toEqual(await exampleInProcess());
  });

  it('hands the bot the player view at every step, with no hidden truth or data accounting', () => {
    expect(expectSummaryShape(onlyJson(result('probe'))).policy).toBe(botPath('probe'));
  });

  it("sends what the bot prints to stderr and keeps stdout to the one JSON line", () => {
    const run = result('prints');
    expect(run.code).toBe(0);
    expect(linesOf(run.stdout)).toHaveLength(1);
    expectSummaryShape(JSON.parse(run.stdout));
    expect(run.stderr).toMatch(/^bot says t = -60$/m);
  });

  it('exits 2 with one "sim: " line when the module does not exist', () => {
    const run = result('missing');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)).toEqual([`sim: no bot module at ${join(tmp, 'no-such-bot.mjs')}`]);
  });
});

describe('sim --policy <malformed bot module>', () => {
  it.each(malformed)('exits 1 with one line naming the step and what is wrong (%s)', (name, message) => {
    const run = result(name);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(stackFrame);
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(`sim: bot ${botPath(name)}: `), lines[0]).toBe(true);
    expect(lines[0]).toMatch(message);
  });
});
