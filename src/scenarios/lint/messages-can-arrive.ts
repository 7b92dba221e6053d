import type { ScenarioProblem } from '../cross-references.ts';
import type { MessageSpec } from '../schema/index.ts';
import type { LintRule } from './lint-context.ts';
import { messagesSentByEffects, sentMessages } from './occurrences.ts';

/**
 * Every stakeholder message can reach the player: it is delivered in some model or idle run (or,
 * for a message about silence, when the model plays without posting updates), or it is `manual`
 * and some fault, action or inject sends it.
 */
export const messagesCanArrive: LintRule = ({ base, runs, quietRuns }) => {
  const all = [...base.messages, ...base.variants.flatMap((v) => v.messages ?? [])];
  let played = runs();
  if (all.some((m) => !sentMessages(played).has(m.id) && 'silenceS' in m.trigger)) played = [...played, ...quietRuns()];
  const sent = sentMessages(played);
  const byEffect = messagesSentByEffects(base);
  const problems: ScenarioProblem[] = [];
  // A variant's own message counts only when that variant's runs deliver it.
  const check = (m: MessageSpec, path: string, variantIndex?: number) => {
    const delivered = variantIndex === undefined ? sent : sentMessages(played.filter((r) => r.variantIndex === variantIndex));
    if (delivered.has(m.id)) return;
    if ('manual' in m.trigger) {
      if (!byEffect.has(m.id)) problems.push({ path: `${path}.trigger`, message: `is manual, but no fault, action or inject sends message "${m.id}" (add a message.send effect)` });
      return;
    }
    if (byEffect.has(m.id)) return;
    problems.push({ path: `${path}.trigger`, message: `never comes due in the model's run, an idle player's or a silent player's, so message "${m.id}" is never seen` });
  };
  base.messages.forEach((m, i) => check(m, `messages.${i}`));
  base.variants.forEach((v, i) => (v.messages ?? []).forEach((m, j) => check(m, `variants.${i}.messages.${j}`, i)));
  return problems;
};
