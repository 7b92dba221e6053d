// Headless runner: plays a scenario with a bot policy and prints the result.
// Usage: npm run -s sim -- --list [--json]
//        npm run -s sim -- (--scenario <id> | --file <path>) --policy <model|idle|random|./bot.mjs> --seed <n> [--level easy|normal|hard] [--bot-timeout <s>] [--json]
import { existsSync, readFileSync } from 'node:fs';
import { formatDuration, levelNames, playBot, policies, prepareRun, runInfo, summarizeRun, type BotRun, type Level, type PolicyName } from '../src/engine/index.ts';
import { formatProblems, loadScenario } from '../src/scenarios/load-scenario.ts';
import type { Scenario } from '../src/scenarios/schema/index.ts';
import { BotError, BotModule } from './lib/bot-module.ts';
import { builtinRegistry } from './lib/builtin-scenarios.ts';
import { parseArgs, UsageError } from './lib/cli-args.ts';
import { playBotModule } from './lib/play-bot-module.ts';

/** How long a bot module may take to answer one step, unless --bot-timeout says otherwise (loading gets at least 10 s). */
const defaultBotTimeoutS = 10;

// A policy is a built-in bot's name, or the path of a module that exports decide(view).
function isModulePath(policy: string): boolean {
  return /[\\/]/.test(policy) || /\.(mjs|cjs|js)$/.test(policy);
}

function botTimeoutMs(args: Map<string, string | true>): number {
  const text = args.get('bot-timeout');
  if (text === undefined) return defaultBotTimeoutS * 1000;
  const value = typeof text === 'string' && /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0 && value <= 600)) throw new UsageError('--bot-timeout must be a number of seconds, more than 0 and at most 600');
  return value * 1000;
}

async function playModule(s: Scenario, seed: number, path: string, timeoutMs: number): Promise<BotRun> {
  if (!existsSync(path)) throw new UsageError(`no bot module at ${path}`);
  try {
    const bot = await BotModule.load(path, timeoutMs);
    try {
      return await playBotModule(s, seed, bot);
    } finally {
      await bot.close();
    }
  } catch (error) {
    if (error instanceof BotError) throw new BotError(`bot ${path}: ${error.message}`);
    throw error;
  }
}

function loadTarget(args: Map<string, string | true>): Scenario {
  const id = args.get('scenario');
  const file = args.get('file');
  if (id !== undefined && file !== undefined) throw new UsageError('give --scenario or --file, not both');
  if (typeof file === 'string') {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`cannot read ${file}`);
    }
    const result = loadScenario(text);
    if (!result.ok) throw new UsageError(`${file} is not a valid scenario: ${formatProblems(file, result.problems)[0] ?? ''}${result.problems.length > 1 ? ` (and ${result.problems.length - 1} more; run scenario:check)` : ''}`);
    return result.scenario;
  }
  if (typeof id !== 'string') throw new UsageError('missing --scenario <id> or --file <path> (or --list)');
  const scenario = builtinRegistry().byId(id);
  if (!scenario) throw new UsageError(`no scenario "${id}"; try --list`);
  return scenario;
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['scenario', 'file', 'policy', 'seed', 'level', 'bot-timeout'], ['list', 'json']);
  const json = args.get('json') === true;
  if (args.get('list')) {
    const { scenarios } = builtinRegistry();
    const list = scenarios.map((s) => ({ id: s.id, version: s.version, title: s.title, difficulty: s.difficulty }));
    const causes = (id: string) => scenarios.find((s) => s.id === id)?.variants.length ?? 0;
    console.log(json ? JSON.stringify(list) : list.map((s) => `${s.id.padEnd(28)} v${s.version}  ${s.difficulty.padEnd(7)} ${s.title}${causes(s.id) > 1 ? ` (${causes(s.id)} possible root causes)` : ''}`).join('\n'));
    return;
  }
  const base = loadTarget(args);
  const policy = args.get('policy');
  const builtIn = typeof policy === 'string' && (policies as readonly string[]).includes(policy);
  if (typeof policy !== 'string' || !(builtIn || isModulePath(policy))) throw new UsageError(`--policy must be one of ${policies.join(', ')}, or the path of a bot module (./my-bot.mjs)`);
  const timeoutMs = botTimeoutMs(args);
  const seedText = args.get('seed');
  if (typeof seedText !== 'string' || !/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) throw new UsageError('--seed must be an integer');
  const levelText = args.get('level') ?? 'normal';
  if (typeof levelText !== 'string' || !(levelNames as readonly string[]).includes(levelText)) throw new UsageError(`--level must be one of ${levelNames.join(', ')}`);
  const seed = Number(seedText);
  const prepared = prepareRun(base, seed, levelText as Level);
  const run = builtIn ? playBot(prepared, policy as PolicyName, seed) : await playModule(prepared, seed, policy, timeoutMs);
  const { summary, report } = summarizeRun(prepared, run.state, policy);
  const variant = runInfo(prepared).variant;
  if (json) {
    console.log(JSON.stringify(summary));
    return;
  }
  const t = (x: number | null) => (x === null ? 'never' : formatDuration(x));
  console.log(
    [
      `${base.title} (${base.id} v${base.version}), policy ${policy}, seed ${summary.seed}, level ${levelText}${variant ? `, root cause variant "${variant.label}"` : ''}`,
      `Result: ${summary.resolved ? 'resolved' : 'NOT resolved'}, score ${summary.score}/${summary.maxScore}, grade ${summary.grade}`,
      `MTTD ${t(summary.mttdS)}  MTTA ${t(summary.mttaS)}  MTTM ${t(summary.mttmS)}  MTTR ${t(summary.mttrS)}`,
      `Records: ${summary.records.produced} produced, ${summary.records.delivered} delivered, ${summary.records.pending} pending, ${summary.records.dlq} in DLQ, ${summary.records.lost} lost, ${summary.records.duplicates} duplicates`,
      '',
      ...report.parts.map((p) => `  ${p.label.padEnd(28)} ${String(p.points).padStart(5)} / ${p.max}   ${p.detail}`),
      '',
      `State hash ${summary.stateHash}`,
    ].join('\n'),
  );
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof BotError) {
    console.error(`sim: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  throw error;
}
