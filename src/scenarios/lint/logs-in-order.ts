import { formatLogLines } from '../../engine/reveal/job-output.ts';
import type { JobLogLine } from '../../engine/state.ts';
import type { ScenarioProblem } from '../cross-references.ts';
import type { Scenario } from '../schema/index.ts';
import { runLabel, type LintRule } from './lint-context.ts';

const wellFormed = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}( [+-]\d\d:\d\d)? (INFO |WARN |ERROR) \S/;
const continuation = /^(Caused by: |org\.apache\.kafka)/;

/**
 * The problems of one job's log as the tools print it: a line that is not log4j's shape, or a
 * stamp earlier than the line before it. Pure, for the lint rule and its tests.
 */
export function logStreamProblems(s: Scenario, lines: readonly JobLogLine[]): string[] {
  const printed = formatLogLines(s, lines);
  const problems: string[] = [];
  let last: { t: number; stamp: string } | null = null;
  printed.forEach((text, i) => {
    if (continuation.test(text)) return;
    const line = lines[i] as JobLogLine;
    if (!wellFormed.test(text)) {
      problems.push(`prints a malformed log line: "${text.slice(0, 60)}"`);
      return;
    }
    const stamp = text.slice(0, 23);
    if (last && (line.t < last.t || (line.t === last.t && stamp < last.stamp))) problems.push(`prints ${stamp} after ${last.stamp}: time runs backwards`);
    last = { t: line.t, stamp };
  });
  return problems;
}

/** Every job's log, in every model and idle run, is well formed and never runs backwards. */
export const logsInOrder: LintRule = ({ base, runs }) => {
  const problems: ScenarioProblem[] = [];
  const seen = new Set<string>();
  for (const run of runs()) {
    for (const [jobId, job] of Object.entries(run.state.world.jobs)) {
      for (const message of logStreamProblems(run.scenario, job.logs).slice(0, 1)) {
        const key = `${jobId}:${message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({ path: 'world.jobs', message: `job "${jobId}" ${message} (${run.policy} run ${runLabel(base, run)})` });
      }
    }
  }
  return problems;
};
