import type { PlanCondition, Scenario } from './schema/index.ts';
import type { ScenarioProblem } from './cross-references.ts';

/**
 * Checks a decision drill's plan: present exactly when the scenario is a decision, and every
 * section, topic, flag, message and stakeholder it names defined; a decision's walkthrough sends
 * a plan and never declares a root cause or a severity.
 */
export function checkPlanReferences(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const plan = s.plan;
  if (s.kind === 'decision' && !plan) report('plan', 'is required for a scenario of kind "decision"');
  if (s.kind !== 'decision' && plan) report('plan', 'is only for a scenario of kind "decision"');
  if (!plan) return problems;

  const sections = new Set(plan.sections.map((x) => x.id));
  const topics = new Set(plan.topics.map((x) => x.id));
  const flags = new Set(s.world.flags.map((f) => f.id));
  const messages = new Set(s.messages.map((m) => m.id));
  const people = new Set(s.stakeholders.map((x) => x.id));
  const unique = (ids: string[], path: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) report(`${path}.${i}.id`, `repeats the id "${id}"`);
      seen.add(id);
    });
  };
  unique(plan.sections.map((x) => x.id), 'plan.sections');
  unique(plan.topics.map((x) => x.id), 'plan.topics');
  const section = (id: string, path: string) => {
    if (!sections.has(id)) report(path, `names section "${id}", which the plan does not define`);
  };
  const condition = (c: PlanCondition, path: string) => {
    if ('topic' in c) {
      if (!topics.has(c.topic)) report(`${path}.topic`, `names topic "${c.topic}", which the plan does not define`);
      c.in?.forEach((x, i) => section(x, `${path}.in.${i}`));
      c.notIn?.forEach((x, i) => section(x, `${path}.notIn.${i}`));
    } else if ('section' in c) section(c.section, `${path}.section`);
  };
  plan.capacity.committedIn.forEach((x, i) => section(x, `plan.capacity.committedIn.${i}`));
  plan.sizedWhen.forEach((c, i) => condition(c, `plan.sizedWhen.${i}`));
  plan.rules.forEach((rule, i) => {
    rule.when.forEach((c, j) => condition(c, `plan.rules.${i}.when.${j}`));
    if (rule.flag !== undefined && !flags.has(rule.flag)) report(`plan.rules.${i}.flag`, `names flag "${rule.flag}", which the world does not define`);
    if (rule.message !== undefined && !messages.has(rule.message)) report(`plan.rules.${i}.message`, `names message "${rule.message}", which is not defined`);
  });
  plan.sendTo.forEach((x, i) => {
    if (!people.has(x)) report(`plan.sendTo.${i}`, `names stakeholder "${x}", which is not defined`);
  });
  s.walkthrough.forEach((step, i) => {
    const type = step.command.type;
    if (type === 'incident.declare-cause' || type === 'incident.set-severity') report(`walkthrough.${i}.command`, `is ${type}, which a decision drill has no place for`);
  });
  if (!s.walkthrough.some((step) => step.command.type === 'plan.send')) report('walkthrough', 'never sends the plan (plan.send)');
  return problems;
}
