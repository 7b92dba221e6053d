import { checkCrossReferences, type ScenarioProblem } from '../cross-references.ts';
import { withVariant } from '../../engine/prepare-run.ts';
import type { Scenario, VariantSpec } from '../schema/index.ts';
import type { LintRule } from './lint-context.ts';

const replaceable = ['faults', 'rootCause', 'mitigatedWhen', 'resolvedWhen', 'walkthrough', 'hints', 'prevention'] as const;

/** The scenario as one variant plays it, with where each message came from (the variant's own, or null for a shared one). */
function merged(base: Scenario, v: VariantSpec): { scenario: Scenario; messageOrigin: (string | null)[] } {
  const scenario = withVariant(base, v);
  const own = v.messages ?? [];
  const messageOrigin = scenario.messages.map((m) => {
    const j = own.findIndex((x) => x.id === m.id);
    return j >= 0 ? `messages.${j}` : null;
  });
  return { scenario, messageOrigin };
}

/** Maps a problem in the merged scenario to the variant's own text, or null when it is the shared part's (reported already). */
function inVariant(path: string, prefix: string, v: VariantSpec, messageOrigin: (string | null)[]): string | null {
  const [head = '', index, ...rest] = path.split('.');
  if (head === 'messages' && index !== undefined) {
    const origin = messageOrigin[Number(index)];
    return origin ? [`${prefix}.${origin}`, ...rest].join('.') : null;
  }
  const section = replaceable.find((s) => s === head);
  if (!section || v[section] === undefined) return null;
  return `${prefix}.${path}`;
}

/**
 * Every name a variant uses resolves: its faults, root cause, checks, walkthrough, prevention
 * and messages are checked exactly as the top-level ones are, and its verdicts name actions.
 */
export const variantReferences: LintRule = ({ base }) => {
  const problems: ScenarioProblem[] = [];
  const seen = new Set<string>();
  const actions = new Set(base.actions.map((a) => a.id));
  base.variants.forEach((v, i) => {
    const prefix = `variants.${i}`;
    if (seen.has(v.id)) problems.push({ path: `${prefix}.id`, message: `repeats the variant id "${v.id}"` });
    seen.add(v.id);
    const { scenario, messageOrigin } = merged(base, v);
    for (const p of checkCrossReferences(scenario)) {
      const path = inVariant(p.path, prefix, v, messageOrigin);
      if (path !== null) problems.push({ path, message: p.message });
    }
    for (const actionId of Object.keys(v.verdicts ?? {})) {
      if (!actions.has(actionId)) problems.push({ path: `${prefix}.verdicts.${actionId}`, message: `names action "${actionId}", which is not defined` });
    }
    const ownIds = new Set<string>();
    (v.messages ?? []).forEach((m, j) => {
      if (ownIds.has(m.id)) problems.push({ path: `${prefix}.messages.${j}`, message: `repeats the id "${m.id}"` });
      ownIds.add(m.id);
    });
  });
  return problems;
};
