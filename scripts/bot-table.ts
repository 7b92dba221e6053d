// Plays every scenario at every level over seeds with each bot policy and prints the score table
// (median and max per policy, and the worst scenario for each): the measure of whether only
// responding well earns a high score. `npm run -s bots:table -- --seeds 10 [--level normal] [--json]`.
import { levelNames, playBot, prepareRun, summarizeRun, type Level, type PolicyName } from '../src/engine';
import { builtinRegistry } from './lib/builtin-scenarios';
import { parseArgs, UsageError } from './lib/cli-args';

const shown: PolicyName[] = ['model', 'position', 'shotgun', 'guesser', 'random', 'idle', 'silent', 'slow-1', 'slow-5', 'slow-10', 'slow-20'];

let args: Map<string, string | true>;
try {
  args = parseArgs(process.argv.slice(2), ['seeds', 'level'], ['json']);
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(`bots:table: ${e.message}`);
  process.exit(2);
}
const seedCount = Number(args.get('seeds') ?? 10);
const levelArg = args.get('level');
if (!Number.isInteger(seedCount) || seedCount < 1 || seedCount > 200) {
  console.error('bots:table: --seeds must be a whole number from 1 to 200');
  process.exit(2);
}
if (levelArg !== undefined && !levelNames.includes(levelArg as Level)) {
  console.error(`bots:table: --level must be one of ${levelNames.join(', ')}`);
  process.exit(2);
}
const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
const levels: readonly Level[] = typeof levelArg === 'string' ? [levelArg as Level] : levelNames;
const { scenarios } = builtinRegistry();

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const rows: { scenario: string; level: Level; policy: PolicyName; median: number; max: number }[] = [];
for (const base of scenarios) {
  for (const level of levels) {
    for (const policy of shown) {
      const scores = seeds.map((seed) => {
        const s = prepareRun(base, seed, level);
        return summarizeRun(s, playBot(s, policy, seed).state, policy === 'model' ? 'model' : 'player').summary.score;
      });
      rows.push({ scenario: base.id, level, policy, median: median(scores), max: Math.max(...scores) });
    }
  }
}

if (args.get('json') === true) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log(`Bots over seeds 1-${seeds.length}, levels ${levels.join(', ')}, ${scenarios.length} scenarios\n`);
  console.log('policy     median of medians  highest median (scenario)                 max (scenario)');
  for (const policy of shown) {
    const mine = rows.filter((r) => r.policy === policy);
    const worstMedian = mine.reduce((a, b) => (b.median > a.median ? b : a));
    const worstMax = mine.reduce((a, b) => (b.max > a.max ? b : a));
    console.log(
      `${policy.padEnd(10)} ${String(median(mine.map((r) => r.median))).padStart(17)}  ${`${worstMedian.median} (${worstMedian.scenario}, ${worstMedian.level})`.padEnd(42)} ${worstMax.max} (${worstMax.scenario}, ${worstMax.level})`,
    );
  }
}
