import { describe, expect, it } from 'vitest';
import { facilitatorView, playBot, relativeTime, timeOfDay } from '../../src/engine';
import { rubricCriteria } from '../../src/engine/interview/rubric';
import { roundOutcome } from '../../src/engine/facilitator/round-outcome';
import { roundReportMarkdown, type RoundReportInput } from '../../src/engine/interview/round-report';
import { commandFeed } from '../../src/rooms/command-feed';
import type { Attribution } from '../../src/rooms';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const { state } = playBot(s, 'model', 1);
const view = facilitatorView(s, state);
const outcome = roundOutcome(s, state);
const cy = { seat: 's1', name: 'Cy', role: 'candidate' as const };
const attribution: Attribution[] = view.log.map((e) => ({ seq: e.seq, at: e.at, type: e.type, by: e.type === 'session.start' ? { seat: 'host', name: 'Ivy', role: 'host' as const } : cy }));
const feed = commandFeed(view, attribution, 'interview');
const typed = feed.find((f) => f.type === 'terminal.run');
if (!typed) throw new Error('the model types no command');

function input(over: Partial<RoundReportInput> = {}): RoundReportInput {
  return {
    title: s.title,
    scenarioId: s.id,
    mode: 'interview',
    level: 'normal',
    seed: 1,
    code: 'K7MP4Q',
    host: 'Ivy',
    participants: ['Cy'],
    anchor: s.clock,
    outcome,
    criteria: rubricCriteria(s.rubric),
    marks: [
      { criterion: 'shared:diagnose-from-hypotheses', score: 3, evidence: [typed!.seq], notes: ['n1'] },
      { criterion: 'scenario:0', score: 4, evidence: [], notes: [] },
    ],
    notes: [{ id: 'n1', at: typed!.at + 30, text: 'Read the lag before the logs; asked why.', seq: typed!.seq }],
    commands: feed.map((f) => ({ seq: f.seq, at: f.at, by: f.by?.name ?? null, text: f.text })),
    ...over,
  };
}

describe('the live feed', () => {
  it('gives every command its sender and the output that command printed', () => {
    expect(typed.by?.name).toBe('Cy');
    expect(typed.output).toBe(view.terminal.find((t) => t.logIndex === typed.seq)?.output);
    expect(typed.output).not.toBeNull();
    expect(feed.some((f) => f.type === 'session.start')).toBe(false);
    const ack = feed.find((f) => f.type === 'alert.acknowledge');
    expect(ack?.output).toBeNull();
    expect(ack?.text).toMatch(/^Acknowledge the page/);
  });
});

describe("the host's round report", () => {
  const md = roundReportMarkdown(input());

  it('gives the engine score, the times and the key steps against the model', () => {
    expect(md).toContain(`**${outcome?.report.total} / 100**`);
    expect(md).toContain('### Times against the model');
    expect(md).toMatch(/\| MTTA \| \d+s \| \d+s \| \+0s \|/);
    for (const k of outcome?.keySteps ?? []) expect(md).toContain(k.label.replace(/\|/g, '\\|'));
  });

  it('shows each rubric mark with its anchor and evidence, and the criteria left unscored', () => {
    const diagnose = rubricCriteria(s.rubric).find((c) => c.id === 'shared:diagnose-from-hypotheses');
    expect(md).toContain('### Diagnose from hypotheses (shared): 3 / 4');
    expect(md).toContain(`> ${diagnose?.anchors[2]}`);
    expect(md).toContain(`- ${timeOfDay(s.clock, typed.at)} (${relativeTime(typed.at)}) Cy: \`${typed.text}\``);
    expect(md).toContain(`### ${s.rubric[0]?.criterion} (this scenario): 4 / 4`);
    expect(md).toContain('### Verify (shared): not scored');
    expect(md).toContain('2 of 11 criteria scored, average 3.5 of 4.');
  });

  it('lists the notes at their sim times, with the command they are about', () => {
    expect(md).toContain(`- **${timeOfDay(s.clock, typed.at + 30)} (${relativeTime(typed.at + 30)})** Read the lag before the logs; asked why. (about`);
    expect(md).toContain(`- Note at ${timeOfDay(s.clock, typed.at + 30)}`);
  });

  it("sets a second interviewer's independent scores beside the first's, naming what to talk through", () => {
    const mark = (criterion: string, score: 1 | 2 | 3 | 4) => ({ criterion, score, evidence: [], notes: [] });
    const withSecond = roundReportMarkdown(input({ second: { name: 'Sam', marks: [mark('shared:diagnose-from-hypotheses', 1), mark('scenario:0', 4)] } }));
    expect(withSecond).toContain('## Calibration');
    expect(withSecond).toContain("Sam scored the replay without seeing Ivy's marks. Both scored 2 of 11 criteria: 1 the same, 1 within one point, mean gap 1.0.");
    expect(withSecond).toContain('| Criterion | Ivy | Sam | Gap | Agree? |');
    expect(withSecond).toContain('| Diagnose from hypotheses | 3 | 1 | −2 | **differs** |');
    expect(withSecond).toContain('Talk these through: Diagnose from hypotheses.');
    // Without a second marker there is no such section.
    expect(md).not.toContain('## Calibration');
  });

  it('says the score is to come while the round runs', () => {
    const mid = roundReportMarkdown(input({ outcome: null, marks: [], notes: [] }));
    expect(mid).toContain('The round is still running');
    expect(mid).toContain('No notes were written.');
    expect(mid).toContain('0 of 11 criteria scored.');
  });
});
