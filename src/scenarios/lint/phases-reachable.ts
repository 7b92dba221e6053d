import { phaseNames, type MilestoneName, type Scenario } from '../schema/index.ts';
import { mergeAcrossRuns, runLabel, sectionPath, type LintRule } from './lint-context.ts';

const milestones: MilestoneName[] = ['detected', 'acknowledged', 'diagnosed', 'mitigated'];

const milestoneWords: Partial<Record<MilestoneName, string>> = {
  detected: 'no page fires, so the incident is never detected',
  acknowledged: 'the page is never acknowledged (acknowledge an alert with severity "page")',
  diagnosed: 'the correct root cause is never declared',
  mitigated: 'the mitigatedWhen conditions never all hold, so the impact never stops',
};

function walkthroughsOf(base: Scenario): { path: string; steps: Scenario['walkthrough'] }[] {
  if (base.variants.length === 0) return [{ path: 'walkthrough', steps: base.walkthrough }];
  return base.variants.map((v, i) => ({ path: sectionPath(base, i, 'walkthrough'), steps: v.walkthrough ?? base.walkthrough }));
}

/**
 * Every phase is reachable: the model walkthrough has steps in detect, triage, mitigate, verify
 * and prevent, and when the model plays it, it reaches each milestone and submits the postmortem.
 */
export const phasesReachable: LintRule = ({ base, runs }) => {
  const found: { path: string; message: string; where: string }[] = [];
  const walkthroughs = new Map<string, Scenario['walkthrough']>();
  for (const w of walkthroughsOf(base)) walkthroughs.set(w.path, w.steps);
  const problems = [...walkthroughs].flatMap(([path, steps]) =>
    phaseNames.filter((phase) => !steps.some((step) => step.phase === phase)).map((phase) => ({ path, message: `has no step in phase "${phase}"; the model walkthrough should cover ${phaseNames.join(', ')}` })),
  );
  for (const run of runs()) {
    if (run.policy !== 'model') continue;
    const path = sectionPath(base, run.variantIndex, 'walkthrough');
    const where = runLabel(base, run);
    const missing = milestones.find((m) => run.state.milestones[m] === null);
    if (missing) {
      found.push({ path, message: `does not reach the ${missing} milestone when the model plays it: ${milestoneWords[missing] ?? ''}`, where });
      continue;
    }
    if (run.state.milestones.resolved !== null && run.state.postmortem === null) {
      found.push({ path, message: 'never reaches the prevent phase: add a postmortem.submit step after incident.resolve', where });
    }
  }
  return [...problems, ...mergeAcrossRuns(found)];
};
