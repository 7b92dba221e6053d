import { describe, expect, it } from 'vitest';
import { levelNames, playBot, prepareRun, summarizeRun, type PolicyName } from '../../src/engine';
import { actionHoldCapS } from '../../src/engine/hands';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

const { scenarios } = builtinRegistry();
const seeds = Array.from({ length: 10 }, (_, i) => i + 1);

function scores(base: (typeof scenarios)[number], level: (typeof levelNames)[number], policy: PolicyName, over: readonly number[]) {
  return over.map((seed) => {
    const s = prepareRun(base, seed, level);
    const { summary, report } = summarizeRun(s, playBot(s, policy, seed).state, 'player');
    return { seed, score: summary.score, report };
  });
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const cases = scenarios.flatMap((s) => levelNames.map((level) => [`${s.id} (${level})`, s, level] as const));

describe.each(cases)('bots that read only the console, on %s', (_name, base, level) => {
  it.each(['position', 'shotgun', 'guesser'] as const)('the %s bot scores at most 50 median and never 70 over ten seeds', (policy) => {
    const run = scores(base, level, policy, seeds);
    const values = run.map((r) => r.score);
    expect(median(values), values.join(', ')).toBeLessThanOrEqual(50);
    expect(Math.max(...values), values.join(', ')).toBeLessThan(70);
    // Thirty replays of hundreds of commands: a guard against a hang, not a speed target (bench measures speed).
  }, 120_000);

  it('the model without status updates loses every communication point and nothing else', () => {
    for (const seed of [1, 2]) {
      const [silent] = scores(base, level, 'silent', [seed]);
      const [model] = scores(base, level, 'model', [seed]);
      const points = (r: typeof silent) => Object.fromEntries((r?.report.parts ?? []).filter((p) => p.id !== 'communication').map((p) => [p.id, p.points]));
      expect(silent?.report.parts.find((p) => p.id === 'communication')?.points, `seed ${seed}`).toBe(0);
      expect(points(silent), `seed ${seed}`).toEqual(points(model));
      expect(silent?.score, `seed ${seed}`).toBeLessThan(model?.score ?? 0);
    }
  });

  it('the model played late scores less the later it is', () => {
    const late = (['model', 'slow-5', 'slow-10', 'slow-20'] as const).map((policy) => scores(base, level, policy, [1])[0]?.score ?? NaN);
    for (let i = 1; i < late.length; i += 1) expect(late[i], late.join(' → ')).toBeLessThan(late[i - 1] as number);
  });
});

describe('hands slow the bots that spray commands', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('the shotgun bot on %s gets through its commands no faster than two at a time', (_id, base) => {
    const s = prepareRun(base, 1, 'normal');
    const { state } = playBot(s, 'shotgun', 1);
    const holds = [
      ...state.decisions.map((d) => ({ from: d.startedAt, heldS: Math.min(actionHoldCapS, s.actions.find((a) => a.id === d.action)?.durationS ?? 0) })),
      ...[...(state.terminal ?? []), ...(state.sql ?? [])].map((e) => ({ from: e.startedAt, heldS: e.endsAt - e.startedAt })),
    ].sort((a, b) => a.from - b.from);
    expect(holds.length).toBeGreaterThan(2);
    // Every command it sent waited for a free hand: none was refused for busy hands.
    expect(state.rejected.filter((r) => r.reason.startsWith('You are busy with'))).toEqual([]);
    // With two hands, everything but the last command and one other finished before the last one started.
    const span = (holds.at(-1)?.from ?? 0) - (holds[0]?.from ?? 0);
    const total = holds.reduce((sum, h) => sum + h.heldS, 0);
    const longest = Math.max(...holds.slice(0, -1).map((h) => h.heldS));
    expect(span).toBeGreaterThanOrEqual((total - (holds.at(-1)?.heldS ?? 0) - longest) / 2);
  });
});
