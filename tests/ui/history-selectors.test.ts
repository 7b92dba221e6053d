import { describe, expect, it } from 'vitest';
import { gradeOf } from '../../src/engine';
import type { AttemptRecord } from '../../src/ui/history/attempt-record';
import { mttrTrendText, scenarioHistories, scoreTrendText } from '../../src/ui/history/history-selectors';

let n = 0;
/** An attempt finished `day` days into March 2025, scoring `total`, resolved in `mttrS` (null: never). */
function attempt(scenarioId: string, day: number, total: number, mttrS: number | null, extra: Partial<AttemptRecord> = {}): AttemptRecord {
  n += 1;
  return {
    recordVersion: 2,
    level: 'normal',
    id: `${scenarioId}-${n}`,
    scenarioId,
    scenarioVersion: 1,
    scenarioTitle: `Title of ${scenarioId}`,
    seed: n,
    log: [],
    score: { total, maxScore: 100, grade: gradeOf(total) },
    times: { mttdS: 60, mttaS: 120, mttmS: mttrS === null ? null : mttrS / 2, mttrS },
    records: { lost: 0, duplicates: 0 },
    resolved: mttrS !== null,
    endedReason: mttrS === null ? 'timed-out' : 'completed',
    stateHash: 'abc',
    finishedAt: `2025-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    ...extra,
  };
}

describe('history selectors', () => {
  it('keeps each level of a scenario apart, since runs are compared only within a level', () => {
    const histories = scenarioHistories([attempt('a', 1, 90, 1200), attempt('a', 2, 40, null, { level: 'hard' }), attempt('a', 3, 70, 1500)]);
    expect(histories.map((h) => [h.scenarioId, h.level, h.count, h.best.score.total])).toEqual([
      ['a', 'normal', 2, 90],
      ['a', 'hard', 1, 40],
    ]);
  });

  it('groups attempts per scenario, oldest first, with the most recently played scenario first', () => {
    const all = [attempt('b', 3, 50, 600), attempt('a', 1, 40, null), attempt('a', 5, 70, 1200), attempt('b', 2, 60, 900)];
    const histories = scenarioHistories(all);
    expect(histories.map((h) => h.scenarioId)).toEqual(['a', 'b']);
    expect(histories[0]?.attempts.map((r) => r.finishedAt.slice(8, 10))).toEqual(['01', '05']);
    expect(histories[1]?.count).toBe(2);
    expect(histories[1]?.latest.finishedAt.slice(8, 10)).toBe('03');
  });

  it('picks the best score, the earliest of equal bests, and the fastest MTTR', () => {
    const first88 = attempt('a', 2, 88, 1800);
    const [h] = scenarioHistories([attempt('a', 1, 42, null), first88, attempt('a', 3, 88, 1500), attempt('a', 4, 75, 2400)]);
    expect(h?.best).toBe(first88);
    expect(h?.fastestMttrS).toBe(1500);
  });

  it('never takes an imported run as the best while the player has runs of their own', () => {
    const imported = attempt('a', 2, 98, 900, { imported: { fileName: 'alex.json' } });
    expect(scenarioHistories([attempt('a', 1, 60, 1500), imported])[0]?.best.score.total).toBe(60);
    expect(scenarioHistories([imported])[0]?.best.score.total).toBe(98);
  });

  it('numbers the trend by attempt, with MTTR in minutes and a gap where there is none', () => {
    const [h] = scenarioHistories([attempt('a', 1, 42, null), attempt('a', 2, 61, 2890), attempt('a', 3, 88, 1260)]);
    expect(h?.trend).toEqual([
      { attempt: 1, score: 42, mttrMin: null },
      { attempt: 2, score: 61, mttrMin: 48.2 },
      { attempt: 3, score: 88, mttrMin: 21 },
    ]);
  });

  it("prefers the app's current title, then the newest saved title, then the id", () => {
    const migrated = attempt('old', 1, 50, null, { scenarioTitle: 'old', stateHash: '' });
    expect(scenarioHistories([migrated])[0]?.title).toBe('old');
    expect(scenarioHistories([attempt('old', 0, 10, null), migrated])[0]?.title).toBe('Title of old');
    expect(scenarioHistories([migrated], (id) => (id === 'old' ? 'Current title' : undefined))[0]?.title).toBe('Current title');
  });

  it('states the score trend in words', () => {
    const scores = [42, 91, 70, 77, 88];
    const [h] = scenarioHistories(scores.map((s, i) => attempt('a', i + 1, s, 1200)));
    if (!h) throw new Error('no history');
    expect(scoreTrendText(h)).toBe('Score over 5 attempts: from 42 to 88, best 91.');
    const [one] = scenarioHistories([attempt('a', 1, 64, null)]);
    if (!one) throw new Error('no history');
    expect(scoreTrendText(one)).toBe('Score over 1 attempt: 64.');
  });

  it('states the MTTR trend in words, counting attempts without one', () => {
    const [h] = scenarioHistories([attempt('a', 1, 30, null), attempt('a', 2, 60, 2890), attempt('a', 3, 70, null), attempt('a', 4, 88, 1260)]);
    if (!h) throw new Error('no history');
    expect(mttrTrendText(h)).toBe('MTTR over 4 attempts: from 48.2 min to 21 min; not resolved in 2.');

    const migrated = attempt('a', 5, 80, null, { resolved: true, stateHash: '' });
    const [withOld] = scenarioHistories([migrated, attempt('a', 6, 90, 900)]);
    if (!withOld) throw new Error('no history');
    expect(mttrTrendText(withOld)).toBe('MTTR over 2 attempts: 15 min in attempt 2; not recorded for 1.');

    const [never] = scenarioHistories([attempt('a', 1, 10, null), attempt('a', 2, 20, null)]);
    if (!never) throw new Error('no history');
    expect(mttrTrendText(never)).toBe('MTTR over 2 attempts: not resolved in any.');

    const [single] = scenarioHistories([attempt('a', 1, 70, 2610)]);
    if (!single) throw new Error('no history');
    expect(mttrTrendText(single)).toBe('MTTR over 1 attempt: 43.5 min.');
  });
});
