import { mergeAcrossRuns, runLabel, sectionPath, type LintRun, type LintRule } from './lint-context.ts';

/** The walkthrough step each rejected command of the model's run came from (the bot logs session.start, then one entry per step). */
function rejectedSteps(run: LintRun): { index: number; reason: string }[] {
  const steps = run.state.log.slice(1);
  const used = new Set<number>();
  return run.state.rejected.map((r) => {
    const text = JSON.stringify(r.command);
    const index = steps.findIndex((entry, i) => !used.has(i) && entry.at === r.at && JSON.stringify(entry.command) === text);
    used.add(index);
    return { index, reason: r.reason };
  });
}

/**
 * The model walkthrough resolves the incident, for every variant at every level: each command
 * is accepted, the resolution checks all pass, and no record is lost or duplicated.
 */
export const modelResolves: LintRule = ({ base, runs }) => {
  const found: { path: string; message: string; where: string }[] = [];
  for (const run of runs()) {
    if (run.policy !== 'model') continue;
    const where = runLabel(base, run);
    const walkthrough = sectionPath(base, run.variantIndex, 'walkthrough');
    // Without a page the model never starts; phasesReachable says so once, and every step here would repeat it.
    if (run.state.milestones.detected === null) continue;
    for (const { index, reason } of rejectedSteps(run)) {
      found.push({ path: index >= 0 ? `${walkthrough}.${index}.command` : walkthrough, message: `is refused when the model plays it: ${reason}`, where });
    }
    if (run.state.milestones.resolved === null) {
      const checks = sectionPath(base, run.variantIndex, 'resolvedWhen');
      const attempts = run.state.resolveAttempts;
      if (attempts.length === 0) found.push({ path: walkthrough, message: 'never resolves the incident: add an incident.resolve step', where });
      for (const failText of attempts.at(-1)?.failures ?? []) {
        const k = run.scenario.resolvedWhen.findIndex((c) => c.failText === failText);
        found.push({ path: k >= 0 ? `${checks}.${k}` : checks, message: `still fails when the model resolves: "${failText}"`, where });
      }
    }
    const lost = run.state.metrics['records.lost'] ?? 0;
    const duplicates = run.state.metrics['records.duplicates'] ?? 0;
    if (lost > 0) found.push({ path: walkthrough, message: `loses ${lost} records when the model plays it; the model run must lose none`, where });
    if (duplicates > 0) found.push({ path: walkthrough, message: `leaves ${duplicates} duplicate records when the model plays it; the model run must leave none`, where });
  }
  return mergeAcrossRuns(found);
};
