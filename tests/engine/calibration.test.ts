import { describe, expect, it } from 'vitest';
import { calibrate, calibrationMarkdown } from '../../src/engine/interview/calibration';
import { rubricCriteria, type RubricScore } from '../../src/engine/interview/rubric';
import { roundReportMarkdown } from '../../src/engine/interview/round-report';
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

  it('writes the comparison into the round report, naming what to talk through', () => {
    const md = roundReportMarkdown({
      title: s.title,
      scenarioId: s.id,
      mode: 'interview',
      level: 'normal',
      seed: 1,
      code: 'K7MP4Q',
      host: 'Ivy',
      participants: ['Cy'],
      anchor: s.clock,
      outcome: null,
      criteria,
      marks: first,
      notes: [],
      commands: [],
      second: { name: 'Sam', marks: second },
    });
    expect(md).toContain('## Calibration');
    expect(md).toContain("Sam scored the replay without seeing Ivy's marks. Both scored 3 of 11 criteria: 1 the same, 2 within one point, mean gap 1.0.");
    expect(md).toContain('| Criterion | Ivy | Sam | Gap | Agree? |');
    expect(md).toContain('| Acknowledge and set severity | 4 | 2 | −2 | **differs** |');
    expect(md).toContain('| Detect and scope | 3 | 3 | 0 | same |');
    expect(md).toContain('Talk these through: Acknowledge and set severity; Verify;');
    // Without a second marker there is no such section.
    expect(roundReportMarkdown({ title: s.title, scenarioId: s.id, mode: 'interview', level: 'normal', seed: 1, code: 'K7MP4Q', host: 'Ivy', participants: [], anchor: s.clock, outcome: null, criteria, marks: first, notes: [], commands: [] })).not.toContain('## Calibration');
  });

  it('says so when they agree everywhere', () => {
    expect(calibrationMarkdown(calibrate(criteria, first, first), { first: 'Ivy', second: 'Sam' }).at(-1)).toBe('They agree on every criterion.');
  });
});
