import launchMovedForward from './curveballs/launch-moved-forward.json' with { type: 'json' };
import { curveballSchema, type Curveball } from './schema/curveball.ts';
import type { Scenario } from './schema/index.ts';

/** The curveball packs shipped with the game, validated once when first loaded. */
export const builtinCurveballs: readonly Curveball[] = [curveballSchema.parse(launchMovedForward)];

/**
 * Adds each curveball to a scenario as a facilitator inject, with its stakeholders, messages and
 * decisions; the decisions are offered only once the inject fires. A pack is skipped where it is
 * excluded or where any of its ids is already taken, so a scenario never changes meaning.
 */
export function withCurveballs(s: Scenario, packs: readonly Curveball[] = builtinCurveballs): Scenario {
  let out = s;
  for (const pack of packs) {
    if (pack.exceptScenarios.includes(s.id) || collides(out, pack)) continue;
    out = {
      ...out,
      stakeholders: [...out.stakeholders, ...pack.stakeholders],
      messages: [...out.messages, ...pack.messages],
      actions: [...out.actions, ...pack.actions.map((a) => ({ ...a, availableAfter: { inject: pack.id } }))],
      injects: [...out.injects, { id: pack.id, label: pack.label, description: pack.description, effects: pack.effects }],
    };
  }
  return out;
}

function collides(s: Scenario, pack: Curveball): boolean {
  const taken = (ids: string[], mine: string[]) => mine.some((id) => ids.includes(id));
  return (
    taken(s.injects.map((i) => i.id), [pack.id]) ||
    taken(s.stakeholders.map((x) => x.id), pack.stakeholders.map((x) => x.id)) ||
    taken(s.messages.map((m) => m.id), pack.messages.map((m) => m.id)) ||
    taken(s.actions.map((a) => a.id), pack.actions.map((a) => a.id))
  );
}
