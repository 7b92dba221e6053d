import { z } from 'zod';
import { effectSchema } from './effects.ts';
import { scenarioSchema } from './scenario.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"');
const text = z.string().min(1).max(20_000);

// The pieces a curveball brings are the scenario's own kinds, so they validate exactly alike.
const stakeholderSchema = scenarioSchema.shape.stakeholders.unwrap().element;
const messageSchema = scenarioSchema.shape.messages.unwrap().element;
const actionSchema = scenarioSchema.shape.actions.element;

/**
 * A facilitator's curveball that drops into any scenario: an inject (its id is the pack's id)
 * plus the stakeholders, messages and decisions it brings. Its actions are offered only after
 * the inject fires, and their verdicts count like any action's.
 */
export const curveballSchema = z.strictObject({
  id,
  label: text,
  description: text,
  /** What firing the inject does (typically sending the pack's first message). */
  effects: z.array(effectSchema).min(1),
  stakeholders: z.array(stakeholderSchema).default([]),
  messages: z.array(messageSchema).default([]),
  actions: z.array(actionSchema).default([]),
  /** Scenarios the pack is not merged into (a standalone scenario on the same theme). */
  exceptScenarios: z.array(id).default([]),
});
/** A validated curveball pack. */
export type Curveball = z.infer<typeof curveballSchema>;
