import { describe, expect, it } from 'vitest';
import { gradeOf, parTimes, playBot, replay, scoreRun, type ScorePart, type ScoreReport } from '../../src/engine';
import type { Command, LogEntry } from '../../src/scenarios/schema';
import { scenarioRun, wrongDeclaration } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const par = parTimes(s, 1);
const modelLog = playBot(s, 'model', 1).log;

function score(log: readonly LogEntry[], seed = 1): ScoreReport {
  return scoreRun(s, replay(s, seed, log, s.clock.endS), seed === 1 ? par : parTimes(s, seed));
}

function part(report: ScoreReport, id: ScorePart['id']): number {
  return report.parts.find((p) => p.id === id)?.points ?? 0;
}

/** When the model log issues its first command matching `match`. */
function timeOf(match: (c: Command) => boolean): number {
  const entry = modelLog.find((e) => match(e.command));
  if (!entry) throw new Error('the model log has no such command');
  return entry.at;
}

/** The log with extra commands slipped in; at equal times the extras go first. */
function withExtra(log: readonly LogEntry[], extra: LogEntry[]): LogEntry[] {
  const ranked = [...extra.map((e, i) => ({ e, rank: i })), ...log.map((e, i) => ({ e, rank: extra.length + i }))];
  return ranked.sort((a, b) => a.e.at - b.e.at || a.rank - b.rank).map((x) => x.e);
}

const isTyped = (part: string) => (c: Command) => c.type === 'terminal.run' && c.line.includes(part);
const model = score(modelLog);

describe('scoring', () => {
  it('gives the model walkthrough full marks and an A', () => {
    expect(model.total).toBe(100);
    expect(model.grade).toBe('A');
    expect(model.resolved).toBe(true);
    for (const p of model.parts) expect(p.points, p.id).toBe(p.max);
  });

  it('scores an idle player near zero, and the incident never resolves', () => {
    const idle = playBot(s, 'idle', 1);
    const report = scoreRun(s, idle.state, par);
    expect(report.resolved).toBe(false);
    expect(idle.state.milestones.resolved).toBeNull();
    expect(report.total).toBeLessThan(10);
    expect(report.grade).toBe('F');
    expect(part(report, 'mitigate')).toBe(0);
    expect(part(report, 'outcomes')).toBe(0);
  });

  it('costs decision and outcome points to reset offsets to latest, judged by the records it skipped', () => {
    const base = modelLog.filter((e) => !isTyped('flink run')(e.command));
    const resetAt = timeOf(isTyped('ERRORS_TOLERANCE=all')) - 10;
    const reset = 'kafka-consumer-groups --bootstrap-server kafka:9092 --group orders-enricher --reset-offsets --all-topics --to-latest --execute';
    const harmful = withExtra(base, [{ at: resetAt, command: { type: 'terminal.run', line: reset } }]);
    const control = score(base);
    const report = score(harmful);
    expect(report.outcomes.recordsLost).toBeGreaterThan(0);
    expect(control.outcomes.recordsLost).toBe(0);
    expect(part(report, 'decisions')).toBe(part(control, 'decisions') - 5);
    expect(part(report, 'outcomes')).toBeLessThanOrEqual(part(control, 'outcomes') - 7);
    expect(report.total).toBeLessThan(control.total);
    const judged = report.decisions.find((d) => d.action === reset);
    expect(judged?.verdict).toBe('harmful');
    expect(judged?.why).toContain(`lost ${report.outcomes.recordsLost.toLocaleString('en-US')} records`);
  });

  it('costs three points for each wrong root cause declared', () => {
    const correctAt = timeOf((c) => c.type === 'incident.declare-cause');
    const wrong: LogEntry[] = [wrongDeclaration(s, 'component'), wrongDeclaration(s, 'mechanism')].map((command) => ({ at: correctAt, command }));
    const report = score(withExtra(modelLog, wrong));
    expect(part(report, 'diagnose')).toBe(part(model, 'diagnose') - 6);
    expect(report.total).toBe(model.total - 6);
  });

  it('charges each revealed hint its cost', () => {
    const ackAt = timeOf((c) => c.type === 'alert.acknowledge');
    const hints: LogEntry[] = [0, 1].map(() => ({ at: ackAt, command: { type: 'hint.reveal' } }));
    const report = score(withExtra(modelLog, hints));
    const cost = (s.hints[0]?.cost ?? 0) + (s.hints[1]?.cost ?? 0);
    expect(cost).toBeGreaterThan(0);
    expect(part(report, 'hints')).toBe(-cost);
    expect(report.total).toBe(model.total - cost);
  });

  it('charges a hint released to one person the same as one to everyone', () => {
    const ackAt = timeOf((c) => c.type === 'alert.acknowledge');
    const toOne = score(withExtra(modelLog, [{ at: ackAt, command: { type: 'hint.reveal', to: 's-ops' } }]));
    const toAll = score(withExtra(modelLog, [{ at: ackAt, command: { type: 'hint.reveal' } }]));
    expect(part(toOne, 'hints')).toBe(-(s.hints[0]?.cost ?? 0));
    expect(toOne.total).toBe(toAll.total);
  });

  it('costs points to pick distractors as follow-ups', () => {
    const distractors = s.prevention.filter((p) => !p.correct).map((p) => p.id).slice(0, 2);
    // Owned like the rest, so only the prevention part sees them.
    const owned = (owners: Record<string, string> | undefined) => ({ ...owners, ...Object.fromEntries(distractors.map((d) => [d, 'data platform'])) });
    const log = modelLog.map((e) => (e.command.type === 'postmortem.submit' ? { ...e, command: { ...e.command, followUps: [...e.command.followUps, ...distractors], owners: owned(e.command.owners) } } : e));
    const report = score(log);
    expect(report.prevention.distractorsChosen).toEqual(distractors);
    expect(part(report, 'prevention')).toBe(part(model, 'prevention') - 3 * distractors.length);
    expect(report.total).toBe(model.total - 3 * distractors.length);
  });

  it('keeps every score between 0 and 100, whatever the player does', () => {
    const start: LogEntry = { at: s.clock.playerStartS, command: { type: 'session.start' } };
    const chaos: LogEntry[] = [start];
    let at = 120;
    const add = (command: Command) => chaos.push({ at: (at += 20), command });
    for (let nth = 0; nth < 4; nth++) add(wrongDeclaration(s, 'mechanism', nth));
    for (const action of s.actions.filter((a) => a.verdict.kind === 'harmful' || a.verdict.kind === 'red-herring')) add({ type: 'action.start', action: action.id });
    for (let i = 0; i < 6; i++) add({ type: 'incident.resolve' });
    for (const _hint of s.hints) add({ type: 'hint.reveal' });
    // Burning every hint and doing nothing else sums to less than zero before clamping.
    const hintsOnly = score([start, ...s.hints.map((): LogEntry => ({ at: 0, command: { type: 'hint.reveal' } }))]);
    const reports = [score(chaos), hintsOnly, ...[1, 2, 3, 4].map((seed) => scoreRun(s, playBot(s, 'random', seed).state, parTimes(s, seed)))];
    for (const report of reports) {
      expect(report.total).toBeGreaterThanOrEqual(0);
      expect(report.total).toBeLessThanOrEqual(100);
      expect(Number.isInteger(report.total)).toBe(true);
      expect(report.grade).toBe(gradeOf(report.total));
      for (const p of report.parts) expect(p.points, p.id).toBeLessThanOrEqual(p.max);
    }
    expect(hintsOnly.parts.reduce((sum, p) => sum + p.points, 0)).toBeLessThan(0);
    expect(hintsOnly.total).toBe(0);
    expect(reports[0]?.total).toBeLessThan(25);
  });
});
