import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"');
const text = z.string().min(1).max(2_000);

/** One part of the plan the player writes, one item per line. */
const planSectionSchema = z.strictObject({
  id,
  label: z.string().min(1).max(80),
  /** What belongs here, shown under the label. Says what the section is for, never what to put in it. */
  hint: z.string().min(1).max(300),
});

/**
 * Something the player may write about (a piece of scope, a practice, a person). `terms` are
 * recognised at the start of a word, case-insensitively; `a&b` needs both in the same line.
 */
const planTopicSchema = z.strictObject({
  id,
  terms: z.array(z.string().min(2).max(60)).min(1).max(20),
  /** The work it takes, counted against the capacity when it is committed to. */
  estimateDays: z.number().nonnegative().max(1_000).optional(),
});

/** What must hold of a sent plan for a rule to apply. */
export const planConditionSchema = z.union([
  /** A topic is written in one of `in` (any section when absent) and in none of `notIn`. */
  z.strictObject({ topic: id, in: z.array(id).min(1).optional(), notIn: z.array(id).min(1).optional() }),
  /** A section's number of lines; `dated`: every line names a date (true) or some line does not (false). */
  z.strictObject({ section: id, minItems: z.number().int().nonnegative().optional(), maxItems: z.number().int().nonnegative().optional(), dated: z.boolean().optional() }),
  /** Whether the committed topics' estimates fit the capacity. */
  z.strictObject({ fits: z.boolean() }),
]);
/** A condition on a sent plan. */
export type PlanCondition = z.infer<typeof planConditionSchema>;

/** What a sent plan does when all of a rule's conditions hold. */
const planRuleSchema = z
  .strictObject({
    when: z.array(planConditionSchema).min(1).max(10),
    /** A flag the plan turns on (and every later plan recomputes: off when no rule for it holds). */
    flag: id.optional(),
    /** A stakeholder message the plan draws (sent once). */
    message: id.optional(),
    /** Why a plan this rule holds for does harm (a commitment that cannot be kept, a check cut): it is judged harmful. */
    harmful: text.optional(),
  })
  .refine((r) => r.flag !== undefined || r.message !== undefined || r.harmful !== undefined, { message: 'needs a flag, a message or a harmful verdict' });

/**
 * A decision drill's plan: the sections the player writes, what the engine recognises in them,
 * and what a sent plan does to the world. Sending the plan is the drill's intervention.
 */
export const planSchema = z.strictObject({
  sections: z.array(planSectionSchema).min(1).max(10),
  topics: z.array(planTopicSchema).min(1).max(60),
  /** The work the team can take on before the date; committed topics' estimates are counted against it. */
  capacity: z.strictObject({ days: z.number().positive().max(10_000), committedIn: z.array(id).min(1).max(10) }),
  /** Conditions that show the player has sized the problem (the drill's diagnosis). */
  sizedWhen: z.array(planConditionSchema).min(1).max(10),
  rules: z.array(planRuleSchema).min(1).max(60),
  /** Who receives the plan when it is sent, by stakeholder id. */
  sendTo: z.array(id).min(1).max(10),
});
/** A validated plan spec. */
export type PlanSpec = z.infer<typeof planSchema>;
/** A plan rule. */
export type PlanRule = PlanSpec['rules'][number];
