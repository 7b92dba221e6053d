import { describe, expect, it } from 'vitest';
import {
  debriefView,
  formatDuration,
  playBot,
  postmortemMarkdown,
  replay,
  starStoryMarkdown,
  stateHash,
  timeDefinitions,
  relativeTime,
  timeOfDay,
  type DebriefView,
  type SimState,
} from '../../src/engine';
import { fileScoringVersion, makeReplayFile, verifyReplayFile } from '../../src/engine/debrief/replay-file';
import { scoringVersion } from '../../src/engine/scoring/score-run';
import type { Command, LogEntry, ReplayFile, Scenario } from '../../src/scenarios/schema';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const model = playBot(s, 'model', 1);
const modelDebrief = debriefView(s, model.state) as DebriefView;

const isTyped = (part: string) => (c: Command) => c.type === 'terminal.run' && c.line.includes(part);
const dlqAt = model.log.find((e) => isTyped('ERRORS_TOLERANCE=all')(e.command))?.at ?? NaN;
const count = (n: number) => n.toLocaleString('en-US');

/** The model's log with some commands swapped out and extras slipped in (extras first at equal times). */
function edited(drop: (c: Command) => boolean, extra: LogEntry[]): LogEntry[] {
  const kept = model.log.filter((e) => !drop(e.command));
  const ranked = [...extra.map((e, i) => ({ e, rank: i })), ...kept.map((e, i) => ({ e, rank: extra.length + i }))];
  return ranked.sort((a, b) => a.e.at - b.e.at || a.rank - b.rank).map((x) => x.e);
}

/** A bad run: offsets reset to latest instead of the overwrite replay, so the backlog is lost for good. */
const resetLine = 'kafka-consumer-groups --bootstrap-server kafka:9092 --group orders-enricher --reset-offsets --all-topics --to-latest --execute';
const bad: SimState = replay(s, 1, edited(isTyped('--sink-mode overwrite'), [{ at: dlqAt - 10, command: { type: 'terminal.run', line: resetLine } }]), s.clock.endS);
const badDebrief = debriefView(s, bad) as DebriefView;

const postmortem = postmortemMarkdown(s, model.state, modelDebrief, { playedOn: '2025-06-02 14:05' });
const star = starStoryMarkdown(s, model.state, modelDebrief);
const badStar = starStoryMarkdown(s, bad, badDebrief);

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  if (start === -1) throw new Error(`no section "${heading}"`);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('postmortem export', () => {
  it('has every section of the blameless template', () => {
    expect(postmortem.startsWith(`# Postmortem: ${s.title}\n`)).toBe(true);
    const headings = [...postmortem.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Summary', 'Impact', 'Timeline', 'Root cause', 'What went well', 'What went badly', 'Action items', 'Metrics']);
    expect(postmortem).toContain('Drill played on:** 2025-06-02 14:05');
    expect(postmortem).toMatch(/the responder/i);
    expect(postmortem).not.toMatch(/you failed|your fault|\bblame (you|the responder)/i);
  });

  it('states the real numbers: response times against par, with their definitions', () => {
    const t = modelDebrief.report.times;
    const metrics = section(postmortem, 'Metrics');
    for (const key of ['mttdS', 'mttaS', 'timeToDiagnoseS', 'mttmS', 'mttrS'] as const) {
      const value = t[key];
      if (value === null) throw new Error(`the model run has no ${key}`);
      expect(metrics).toContain(timeDefinitions[key]);
      expect(metrics).toContain(`| ${formatDuration(value)} | ${formatDuration(value)} |`);
    }
    const summary = section(postmortem, 'Summary');
    expect(summary).toContain(formatDuration(t.mttdS ?? NaN));
    expect(summary).toContain(formatDuration(t.mttmS ?? NaN));
    const impact = section(postmortem, 'Impact');
    expect(impact).toContain(formatDuration(modelDebrief.report.outcomes.slaBreachS));
    expect(impact).toContain(`0 of ${count(modelDebrief.report.outcomes.produced)}`);
    expect(impact).toContain('Executive Revenue (today)');
    expect(impact).toMatch(/Leadership review at 09:30\):\*\* met/);
  });

  it('lays out the timeline in sim wall-clock time, from the fault to the postmortem', () => {
    const timeline = section(postmortem, 'Timeline');
    expect(timeline).toContain('| Time | T± | Event |');
    expect(timeline).toMatch(/\| 09:00:40 \| T\+0:40 \| PAGE: orders_fact freshness over SLA/);
    expect(timeline).toMatch(/\| 09:01:20 \| T\+1:20 \| Acknowledged:/);
    expect(timeline).toMatch(/Impact starts\. The payments team turns on the refunds_v2 flag/);
    expect(timeline).toMatch(/Root cause declared: .* \(correct\)/);
    expect(timeline).toContain('Impact stopped: the dashboards are fresh again (mitigated).');
    expect(timeline).toContain('Incident resolved: every verification check passed.');
    const times = [...timeline.matchAll(/^\| (\d\d:\d\d:\d\d) \|/gm)].map((m) => m[1] ?? '');
    expect(times).toEqual([...times].sort());
  });

  it('turns the chosen follow-ups into a checklist and names the recommended ones left out', () => {
    const items = section(postmortem, 'Action items');
    for (const p of s.prevention.filter((x) => x.correct)) expect(items).toContain(`- [ ] ${p.label}`);
    const partial = replay(s, 1, model.log.map((e) => (e.command.type === 'postmortem.submit' ? { ...e, command: { ...e.command, followUps: ['contract-tests', 'more-restarts'] } } : e)), s.clock.endS);
    const partialItems = section(postmortemMarkdown(s, partial, debriefView(s, partial) as DebriefView), 'Action items');
    expect(partialItems).toMatch(/Chosen in the postmortem:\n\n- \[ \] Backward-compatibility contract tests[^\n]*\n- \[ \] Raise the job's restart attempts to 100 \(reconsider: More restarts only prolong/);
    expect(partialItems).toMatch(/Recommended but not chosen:\n\n- \[ \] A canary consumer/);
  });

  it('says what went well and badly, concretely, for a run that lost data', () => {
    const text = postmortemMarkdown(s, bad, badDebrief);
    const badly = section(text, 'What went badly');
    expect(badly).toContain(`“${resetLine}” at ${timeOfDay(s.clock, dlqAt - 10)} (T+${relativeTime(dlqAt - 10).replace(/^T\+/, '')}) made things worse.`);
    expect(badly).toContain(`${count(badDebrief.report.outcomes.recordsLost)} records were lost`);
    expect(section(text, 'Action items')).toContain(`Re-ingest the ${count(badDebrief.report.outcomes.recordsLost)} lost records`);
    expect(section(text, 'What went well')).toMatch(/acknowledged 40s after it fired/);
  });

  it('escapes pipes from scenario and player text inside table cells', () => {
    const piped = replay(s, 1, [...model.log.filter((e) => e.at <= 200), { at: 200, command: { type: 'comms.post', text: 'Lag | freshness both red; next update 09:20' } }], s.clock.endS);
    const text = postmortemMarkdown(s, piped, debriefView(s, piped) as DebriefView);
    const row = text.split('\n').find((l) => l.includes('Lag '));
    expect(row).toBe('| 09:03:20 | T+3:20 | Status update posted: “Lag \\| freshness both red; next update 09:20” |');
    // Every timeline row still has exactly three cells.
    for (const line of section(text, 'Timeline').split('\n').filter((l) => l.startsWith('| '))) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(5);
  });
});

describe('STAR story export', () => {
  it('tells the run in four parts, in the first person', () => {
    expect([...star.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Situation', 'Task', 'Action', 'Result']);
    expect(section(star, 'Situation')).toMatch(/^## Situation\n\nI was the on-call data engineer/);
    expect(section(star, 'Action')).toContain('I acknowledged the page 40s after it fired and declared it SEV2.');
  });

  it('gives the run’s real numbers: detect, acknowledge, restore, resolve, records lost, duplicates avoided', () => {
    const t = modelDebrief.report.times;
    const result = section(star, 'Result');
    expect(result).toContain(`Time to detect: ${formatDuration(t.mttdS ?? NaN)}`);
    expect(result).toContain(`Time to acknowledge: ${formatDuration(t.mttaS ?? NaN)}`);
    expect(result).toContain(`Time to restore (MTTM): ${formatDuration(t.mttmS ?? NaN)}`);
    expect(result).toContain(`Time to resolve (MTTR): ${formatDuration(t.mttrS ?? NaN)}`);
    expect(result).toContain(`Records lost: 0 of ${count(modelDebrief.report.outcomes.produced)}`);
    expect(modelDebrief.duplicatesAvoided).toBeGreaterThan(0);
    expect(result).toContain(`Duplicates avoided: ${count(modelDebrief.duplicatesAvoided)} (I replayed with overwrite`);
  });

  it('is honest about a bad run: the lost records, the mistake and the lesson', () => {
    const lost = badDebrief.report.outcomes.recordsLost;
    expect(lost).toBeGreaterThan(0);
    expect(badStar).toContain(`Records lost: ${count(lost)} of`);
    expect(badStar).toContain('Duplicates avoided: 0 (I ran no overwrite or idempotent replay');
    expect(badStar).toContain(`I ran \`${resetLine}\`. In hindsight this was a mistake.`);
    expect(badStar).toContain(`**What I learned:** I would not run \`${resetLine}\` again.`);
    expect(badStar).toContain(`Losing ${count(lost)} records`);
    expect(badStar).toContain('Time to resolve (MTTR): not resolved during the session');
  });

  it('does not invent actions for an idle run', () => {
    const idle = playBot(s, 'idle', 1).state;
    const story = starStoryMarkdown(s, idle, debriefView(s, idle) as DebriefView);
    expect(section(story, 'Action')).toContain('I never acknowledged the page');
    expect(section(story, 'Action')).toContain('I took no mitigating action.');
    expect(section(story, 'Result')).toContain('Time to restore (MTTM): never, during the session.');
  });
});

describe('replay file', () => {
  const find = (id: string): Scenario | undefined => (id === s.id ? s : undefined);
  const modelFile = makeReplayFile(s, model.state);
  const text = (file: ReplayFile | Record<string, unknown>) => JSON.stringify(file);
  const refusal = (input: string, finder = find) => {
    const result = verifyReplayFile(input, finder);
    if (result.ok) throw new Error('the file was accepted');
    return result.error;
  };

  it.each([
    ['the model run', model.state],
    ['a bad run', bad],
    ['an idle run that timed out', playBot(s, 'idle', 3).state],
  ])('round-trips %s to the identical state hash and score', (_label, state) => {
    const file = makeReplayFile(s, state);
    expect(file).toMatchObject({ format: 'firedrill-replay', formatVersion: 2, scenarioId: s.id, scenarioVersion: s.version, seed: state.seed });
    expect(file.exportedAt).toBeUndefined();
    const result = verifyReplayFile(JSON.stringify(file), find);
    if (!result.ok) throw new Error(result.error);
    expect(stateHash(result.state)).toBe(stateHash(state));
    expect(result.state.ended).not.toBeNull();
    expect(result.report.total).toBe(file.score.total);
    expect(debriefView(result.scenario, result.state)?.report.total).toBe(file.score.total);
  });

  it('keeps the score the run earned', () => {
    expect(modelFile.score).toEqual({ total: 100, maxScore: 100, grade: 'A' });
    expect(makeReplayFile(s, bad).score.total).toBe(badDebrief.report.total);
    expect(verifyReplayFile(text({ ...modelFile, exportedAt: '2025-06-02T14:05:00Z' }), find).ok).toBe(true);
  });

  it('refuses a file that is not JSON', () => {
    expect(refusal('{"format": "firedrill-replay", ')).toMatch(/^This file is not a Firedrill replay: it is not valid JSON/);
    expect(refusal('')).toMatch(/not valid JSON/);
  });

  it('refuses JSON that is not a Firedrill replay', () => {
    expect(refusal(text({ ...modelFile, format: 'chess-pgn' }))).toBe('This is not a Firedrill replay file: its "format" field should be "firedrill-replay".');
    expect(refusal('[1, 2, 3]')).toMatch(/not a Firedrill replay file/);
    expect(refusal('null')).toMatch(/not a Firedrill replay file/);
    expect(refusal(text({ ...modelFile, formatVersion: 3 }))).toBe('This replay uses file format version 3; this copy of Firedrill reads format version 2.');
    expect(refusal(text({ ...modelFile, formatVersion: 1 }))).toMatch(/earlier Firedrill \(file format 1\), where root causes were picked from a list/);
  });

  it('names the field when the file is damaged', () => {
    const { seed: _seed, ...noSeed } = modelFile;
    expect(refusal(text(noSeed))).toBe('This replay file is damaged: the field "seed" is missing.');
    const badEntry = modelFile.log.map((e, i) => (i === 2 ? { ...e, at: 'soon' } : e));
    expect(refusal(text({ ...modelFile, log: badEntry }))).toMatch(/the field "log\[2\]\.at" is invalid/);
    const badCommand = modelFile.log.map((e, i) => (i === 3 ? { at: e.at, command: { type: 'action.launch', action: 'x' } } : e));
    expect(refusal(text({ ...modelFile, log: badCommand }))).toMatch(/"log\[3\]\.command\.type"/);
    expect(refusal(text({ ...modelFile, cheat: true }))).toMatch(/unexpected field\(s\) "cheat"/);
  });

  it('refuses a file for a scenario this copy does not have', () => {
    expect(refusal(text({ ...modelFile, scenarioId: 'kafka-rebalance-storm' }))).toBe('This replay is for the scenario "kafka-rebalance-storm", which this copy of Firedrill does not have.');
  });

  it('refuses a file made for another version of the scenario', () => {
    expect(refusal(text({ ...modelFile, scenarioVersion: 1 }))).toBe(
      'This replay was made for version 1 of “Blank executive dashboard”; this copy has version 4, which would play differently.',
    );
  });

  it('refuses a file whose score was edited', () => {
    expect(refusal(text({ ...modelFile, score: { total: 64, maxScore: 100, grade: 'D' } }))).toBe('The file says 64 (D) but replaying its log gives 100 (A): it was edited or is corrupt.');
  });

  it('refuses a file whose log was edited to change the outcome', () => {
    const log = modelFile.log.map((e) => (e.command.type === 'terminal.run' && e.command.line.includes('--sink-mode overwrite') ? { ...e, command: { ...e.command, line: e.command.line.replace('overwrite', 'append') } } : e));
    expect(refusal(text({ ...modelFile, log }))).toMatch(/^The file says 100 \(A\) but replaying its log gives \d+ \([B-F]\): it was edited or is corrupt\.$/);
  });

  it('keeps who sent each command, so a room’s run (two people, two hands each) replays to its own state', () => {
    // At one moment: a typed line and a query from one seat, and the runbook from another. One person would be refused the third.
    const start = model.log.filter((e) => e.at <= 100).map((e) => ({ ...e, by: 'host' }));
    const at = 120;
    const line = model.log.find((e) => e.command.type === 'terminal.run')?.command as Command;
    const query = model.log.find((e) => e.command.type === 'sql.run')?.command as Command;
    const log: LogEntry[] = [...start, { at, command: line, by: 'cand-a' }, { at, command: query, by: 'cand-a' }, { at, command: { type: 'action.start', action: 'read-runbook' }, by: 'cand-b' }];
    const room = replay(s, 1, log, at + 600);
    expect(room.rejected.filter((r) => r.at >= at)).toEqual([]);
    const file = makeReplayFile(s, room);
    expect(file.log.slice(-3).map((e) => e.by)).toEqual(['cand-a', 'cand-a', 'cand-b']);
    const opened = verifyReplayFile(text(file), find);
    expect(opened.ok && stateHash(opened.state)).toBe(file.stateHash);
    // The same commands as one person's: the third is refused, and the run is another.
    const alone = replay(s, 1, log.map(({ by: _by, ...e }) => e), at + 600);
    expect(alone.rejected.some((r) => /busy with/.test(r.reason))).toBe(true);
  });

  it('refuses a file whose log was edited without changing the score, by its state hash', () => {
    // The postmortem's prose is kept but never scored, so rewriting it leaves the score as it was.
    const log = modelFile.log.map((e) => (e.command.type === 'postmortem.submit' ? { ...e, command: { ...e.command, rootCause: 'All good, nothing to see.' } } : e));
    expect(refusal(text({ ...modelFile, log }))).toMatch(/^The file's state hash \([0-9a-f]+\) does not match what its log replays to \([0-9a-f]+\): it was edited or is corrupt\.$/);
  });

  describe('after a scoring change', () => {
    // The model's run with a postmortem that says nothing: 95 (A) under scoring v1, where its facts weighed 5.
    const vacuousLog = model.state.log.map((e) => (e.command.type === 'postmortem.submit' ? { ...e, command: { type: 'postmortem.submit' as const, rootCause: 'It broke and then we fixed it, ok.', followUps: e.command.followUps } } : e));
    const vacuous = replay(s, 1, vacuousLog, s.clock.endS);
    const { scoringVersion: _today, ...today } = makeReplayFile(s, vacuous);
    const recordedUnderV1 = { ...today, score: { total: 95, maxScore: 100, grade: 'A' } };

    it('records the scoring rules’ version in every file it writes', () => {
      expect(modelFile.scoringVersion).toBe(scoringVersion);
      expect(scoringVersion).toBeGreaterThan(1);
    });

    it('opens an honest file from older rules re-scored by today’s, saying both scores', () => {
      const result = verifyReplayFile(text(recordedUnderV1), find);
      if (!result.ok) throw new Error(result.error);
      expect(result.report.total).toBe(88);
      expect(result.notice).toBe(`This run scored 95 (A) when it was recorded under scoring v1; today's rules (scoring v${scoringVersion}) give 88 (B), which is what the debrief shows.`);
      expect(stateHash(result.state)).toBe(recordedUnderV1.stateHash);
    });

    it('treats a file without the field as scored under the oldest rules, and one under today’s as is', () => {
      expect(fileScoringVersion({})).toBe(1);
      expect(fileScoringVersion({ scoringVersion: 2 })).toBe(2);
      expect(verifyReplayFile(text({ ...recordedUnderV1, scoringVersion: 1 }), find)).toMatchObject({ ok: true, notice: expect.stringContaining('under scoring v1') });
      expect(verifyReplayFile(text(modelFile), find)).toMatchObject({ ok: true, notice: null });
    });

    it('still refuses a file from older rules whose log does not replay to its state hash', () => {
      const log = recordedUnderV1.log.map((e) => (e.command.type === 'postmortem.submit' ? { ...e, command: { ...e.command, rootCause: 'All good, nothing to see.' } } : e));
      expect(refusal(text({ ...recordedUnderV1, log }))).toMatch(/^The file's state hash \([0-9a-f]+\) does not match what its log replays to \([0-9a-f]+\): it was edited or is corrupt\.$/);
    });

    it('refuses a file that claims today’s rules with a score they do not give', () => {
      expect(refusal(text({ ...recordedUnderV1, scoringVersion }))).toBe('The file says 95 (A) but replaying its log gives 88 (B): it was edited or is corrupt.');
    });
  });

  it('never throws, whatever it is handed', () => {
    const throwing = (): Scenario | undefined => {
      throw new Error('registry unavailable');
    };
    expect(refusal(text(modelFile), throwing)).toBe('This replay could not be checked: registry unavailable.');
    for (const input of ['', '{}', '"firedrill-replay"', '{"format":"firedrill-replay"}', '{"format":"firedrill-replay","formatVersion":2,"log":{}}', '\u0000\u0001', '{"__proto__":{"format":"firedrill-replay"}}']) {
      expect(() => verifyReplayFile(input, find)).not.toThrow();
      expect(verifyReplayFile(input, find).ok).toBe(false);
    }
  });
});
