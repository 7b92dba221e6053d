import type { ScenarioProblem } from '../cross-references.ts';
import type { LintRule } from './lint-context.ts';
import { firedAlerts } from './occurrences.ts';

/**
 * Every alert can fire: it fires in the model's run or an idle player's run, for some variant
 * at some level. An alert tagged with `levels` only exists at those levels, so it must fire there.
 */
export const alertsCanFire: LintRule = ({ base, runs }) => {
  const fired = firedAlerts(runs());
  const problems: ScenarioProblem[] = [];
  base.alerts.forEach((alert, i) => {
    if (fired.has(alert.id)) return;
    const at = alert.levels ? ` at level ${alert.levels.join(' or ')}` : '';
    problems.push({
      path: `alerts.${i}.when`,
      message: `never holds long enough to fire${at}, neither in the model's run nor an idle player's; alert "${alert.id}" can never be seen (check the metric, the threshold and forS)`,
    });
  });
  return problems;
};
