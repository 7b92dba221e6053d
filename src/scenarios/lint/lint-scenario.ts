import type { ScenarioProblem } from '../cross-references.ts';
import type { Scenario } from '../schema/index.ts';
import { alertsCanFire } from './alerts-can-fire.ts';
import { logsInOrder } from './logs-in-order.ts';
import { lintContext, type LintRule } from './lint-context.ts';
import { messagesCanArrive } from './messages-can-arrive.ts';
import { modelResolves } from './model-resolves.ts';
import { phasesReachable } from './phases-reachable.ts';
import { redHerringEvidence } from './red-herring-evidence.ts';
import { schemaEvolution } from './schema-evolution.ts';
import { statedTimesAgree } from './stated-times.ts';
import { variantReferences } from './variant-references.ts';

/** Every lint rule, in the order their problems are listed. */
export const lintRules: Record<string, LintRule> = {
  schemaEvolution,
  variantReferences,
  phasesReachable,
  modelResolves,
  redHerringEvidence,
  alertsCanFire,
  messagesCanArrive,
  logsInOrder,
  statedTimesAgree,
};

/**
 * Checks what the schema and the cross-references cannot: that the scenario plays as a game.
 * Plays the model and an idle player once per variant and level, and shares those runs.
 * Takes a scenario that loaded without problems.
 */
export function lintScenario(s: Scenario): ScenarioProblem[] {
  const ctx = lintContext(s);
  // Schemas Avro rejects, or a variant that names something undefined, cannot be played; report that alone.
  const broken = [...schemaEvolution(ctx), ...variantReferences(ctx)];
  if (broken.length > 0) return broken;
  return Object.entries(lintRules)
    .filter(([name]) => name !== 'variantReferences' && name !== 'schemaEvolution')
    .flatMap(([, rule]) => rule(ctx));
}
