import { describe, expect, it } from 'vitest';
import { calibrate, calibrationMarkdown } from '../../src/engine/interview/calibration';
import { rubricCriteria, type RubricScore } from '../../src/engine/interview/rubric';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const criteria = rubricCriteria(s.rubric);
const mark = (criterion: string, score: RubricScore | null) => ({ criterion, score, evidence: [], notes: [] });

const first = [mark('shared:detect-and-scope', 3), mark('shared:acknowledge-and-severity', 4), mark('shared:verify', 2), mark('scenario:0', 3)];
const second = [mark('shared:detect-and-scope', 3), mark('shared:acknowledge-and-severity', 2), mark('shared:verify', 3), mark('shared:communicate', 4)];

describe("a second interviewer's calibration", () => {
  const c = calibrate(criteria, first, second);

  it('puts both scores side by side in the rubric order, with the gap and where they differ', () => {
    expect(c.rows.map((r) => r.criterion)).toEqual(criteria.map((x) => x.id));
    const row = (id: string) => c.rows.find((r) => r.criterion === id);
    expect(row('shared:detect-and-scope')).toMatchObject({ first: 3, second: 3, gap: 0, differs: false });
    expect(row('shared:acknowledge-and-severity')).toMatchObject({ first: 4, second: 2, gap: -2, differs: true });
    expect(row('shared:verify')).toMatchObject({ first: 2, second: 3, gap: 1, differs: true });
    // Scored by one only: a difference with no gap.
    expect(row('scenario:0')).toMatchObject({ first: 3, second: null, gap: null, differs: true });
    expect(row('shared:communicate')).toMatchObject({ first: null, second: 4, gap: null, differs: true });
    expect(row('shared:prevent')).toMatchObject({ first: null, second: null, gap: null, differs: false });
  });

  it('measures the agreement over the criteria both scored', () => {
    expect(c).toMatchObject({ bothScored: 3, exact: 1, withinOne: 2 });
    expect(c.meanAbsGap).toBeCloseTo(1, 5);
    expect(calibrate(criteria, first, []).meanAbsGap).toBeNull();
  });

  it('tells a criterion neither scored from one they agree on', () => {
    const table = calibrationMarkdown(c, { first: 'Ivy', second: 'Sam' }).join('\n');
    expect(table).toContain('| Prevent | — | — | — | neither scored |');
    expect(table).toContain('| Detect and scope | 3 | 3 | 0 | same |');
  });

  it('says so when they agree everywhere', () => {
    expect(calibrationMarkdown(calibrate(criteria, first, first), { first: 'Ivy', second: 'Sam' }).at(-1)).toBe('They agree on every criterion.');
  });
});
