import type { ScenarioProblem } from '../cross-references.ts';
import type { ActionSpec, Verdict } from '../schema/index.ts';
import type { LintRule } from './lint-context.ts';
import { firedAlerts, messagesSentByEffects, sentMessages } from './occurrences.ts';

/**
 * Every red herring is a fair trap: its verdict lists in `evidence` the alerts, messages or actions
 * whose signal makes the move look right, and each of them exists and can actually be seen.
 */
export const redHerringEvidence: LintRule = ({ base, runs, quietRuns }) => {
  const problems: ScenarioProblem[] = [];
  const alerts = new Set(base.alerts.map((a) => a.id));
  const messages = new Set([...base.messages, ...base.variants.flatMap((v) => v.messages ?? [])].map((m) => m.id));
  const actions = new Map(base.actions.map((a) => [a.id, a]));
  let fired: Set<string> | null = null;
  let seen: Set<string> | null = null;
  const byEffect = messagesSentByEffects(base);

  const check = (action: ActionSpec, verdict: Verdict, path: string) => {
    if (verdict.kind !== 'red-herring') return;
    const evidence = verdict.evidence ?? [];
    if (evidence.length === 0) {
      problems.push({ path, message: `makes "${action.id}" a red herring with no evidence: list in evidence the alerts, messages or actions whose signal makes it look right` });
      return;
    }
    evidence.forEach((id, k) => {
      const at = `${path}.evidence.${k}`;
      if (id === action.id) return problems.push({ path: at, message: `names the red herring itself; the evidence is what makes "${action.id}" look right` });
      if (alerts.has(id)) {
        fired ??= firedAlerts(runs());
        if (!fired.has(id)) problems.push({ path: at, message: `names alert "${id}", which never fires, so the player never sees this evidence` });
        return;
      }
      if (messages.has(id)) {
        seen ??= new Set([...sentMessages(runs()), ...sentMessages(quietRuns())]);
        if (!seen.has(id) && !byEffect.has(id)) problems.push({ path: at, message: `names message "${id}", which is never sent, so the player never sees this evidence` });
        return;
      }
      const other = actions.get(id);
      if (!other) return problems.push({ path: at, message: `names "${id}", which is no alert, message or action` });
      const shared = !other.levels || !action.levels || other.levels.some((l) => action.levels?.includes(l));
      if (!shared) problems.push({ path: at, message: `names action "${id}", which exists at none of the levels "${action.id}" exists at` });
    });
  };

  base.actions.forEach((a, i) => check(a, a.verdict, `actions.${i}.verdict`));
  base.variants.forEach((v, i) => {
    for (const [actionId, verdict] of Object.entries(v.verdicts ?? {})) {
      const action = actions.get(actionId);
      if (action) check(action, verdict, `variants.${i}.verdicts.${actionId}`);
    }
  });
  return problems;
};
