import { z } from 'zod';
import { checkSchema, conditionSchema } from './conditions.ts';
import { effectSchema } from './effects.ts';
import { commandSchema, severitySchema } from './commands.ts';
import { revealSchema } from './reveals.ts';
import { worldSchema } from './world.ts';
import { dstShiftSchema } from './orchestration.ts';
import { levelNames } from './level-names.ts';
import { componentPattern, mechanismIds } from './cause-taxonomy.ts';
import { planSchema } from './plan.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"');
const seconds = z.number().int().min(-1_000_000).max(1_000_000);
const positiveSeconds = z.number().int().positive().max(1_000_000);
const text = z.string().min(1).max(20_000);

/** How the player's decisions are judged. */
export const verdictKinds = ['key', 'helpful', 'neutral', 'red-herring', 'harmful'] as const;
export const verdictSchema = z.strictObject({
  kind: z.enum(verdictKinds),
  why: text,
  /** Alerts, messages or actions whose signal makes this move look right (required for red herrings by the lint). */
  evidence: z.array(id).max(20).optional(),
});
/** A verdict on one action. */
export type Verdict = z.infer<typeof verdictSchema>;

export { levelNames, type Level } from './level-names.ts';
/** The levels an item exists at; absent means every level. */
const levelsField = z.array(z.enum(levelNames)).min(1).max(3).optional();

/** The incident phases the player moves through; they may overlap. */
export const phaseNames = ['detect', 'triage', 'mitigate', 'verify', 'prevent'] as const;

const clockSchema = z
  .strictObject({
    /** When the world simulation begins (before the incident, so history exists). */
    worldStartS: seconds,
    /** When the player takes the console. */
    playerStartS: seconds,
    /** When the session times out if it has not ended. */
    endS: seconds,
    /** Length of one simulation step. */
    tickS: z.number().int().min(1).max(60),
    /** Wall-clock time of day at sim time 0, in seconds after midnight (09:00 is 32400). */
    timeOfDayAtZeroS: z.number().int().min(0).max(86_399).default(32_400),
    /** The calendar date at sim time 0, for log timestamps. */
    dateAtZero: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2024-03-11').default('2024-03-11'),
    /** Daylight-saving changes of the local wall clock (log timestamps then show the UTC offset). */
    dstShifts: z.array(dstShiftSchema).max(4).optional(),
    /** The local clock's UTC offset at sim time 0, in seconds (−18000 is −05:00). */
    utcOffsetS: z.number().int().min(-50_400).max(50_400).optional(),
  })
  .refine((c) => c.worldStartS <= c.playerStartS && c.playerStartS < c.endS, {
    message: 'needs worldStartS ≤ playerStartS < endS',
  })
  .refine((c) => (c.endS - c.worldStartS) / c.tickS <= 50_000, { message: 'has more than 50,000 ticks' });

const faultSchema = z.strictObject({
  id,
  atS: seconds,
  /** The seed moves the fault by up to this many seconds either way. */
  jitterS: z.number().int().nonnegative().max(3600).default(0),
  description: text,
  effects: z.array(effectSchema).min(1),
  /** The fault whose time is the incident's impact start. */
  startsImpact: z.boolean().default(false),
  levels: levelsField,
});

const alertSchema = z.strictObject({
  id,
  title: text,
  severity: z.enum(['page', 'warning']),
  when: conditionSchema,
  /** How long the condition must hold before the alert fires. */
  forS: z.number().int().nonnegative().default(0),
  summary: text,
  runbook: z.string().optional(),
  levels: levelsField,
});

const actionSchema = z.strictObject({
  id,
  label: text,
  category: z.enum(['investigate', 'mitigate', 'communicate']),
  /** The command line or UI path this stands for, shown with the result. */
  command: z.string().optional(),
  durationS: z.number().int().nonnegative().max(86_400),
  requires: z.array(conditionSchema).default([]),
  /** Shown when a precondition fails. */
  requiresText: z.string().optional(),
  effects: z.array(effectSchema).default([]),
  reveals: z.array(revealSchema).default([]),
  /** Sentence added to the incident timeline when the action completes. */
  outcome: z.string().optional(),
  repeatable: z.boolean().default(false),
  verdict: verdictSchema,
  levels: levelsField,
  /** The action is offered only once this inject has fired (a facilitator's curveball brings its own decisions). */
  availableAfter: z.strictObject({ inject: id }).optional(),
});

const stakeholderSchema = z.strictObject({ id, name: text, role: text });

/** What a stakeholder reacts to: an update that says nothing, one with no ETA before the impact stopped, a clear one, a missed ETA, a missed next update. */
export const replyTriggers = ['vague-update', 'update-without-eta', 'clear-update', 'eta-missed', 'next-update-missed'] as const;

const replySchema = z.strictObject({
  when: z.enum(replyTriggers),
  from: id,
  /** `{time}` stands for the promised clock time (HH:MM) in an `eta-missed` or `next-update-missed` reply. */
  text: z.string().min(1).max(2_000),
  /** Seconds the stakeholder takes to answer. */
  delayS: z.number().int().min(0).max(3_600).default(45),
  /** Answer every time the trigger holds, not only the first. */
  repeat: z.boolean().default(false),
});

const messageTriggerSchema = z.union([
  z.strictObject({ atS: seconds }),
  z.strictObject({ afterMilestone: z.enum(['detected', 'acknowledged', 'diagnosed', 'mitigated', 'resolved']), delayS: z.number().int().nonnegative().default(0) }),
  /** Sent when the player has posted no status update for this long since acknowledging. */
  z.strictObject({ silenceS: positiveSeconds }),
  /** Sent only by an effect (an action, a fault or an inject). */
  z.strictObject({ manual: z.literal(true) }),
]);

const messageSchema = z.strictObject({ id, from: id, text, trigger: messageTriggerSchema, levels: levelsField });

const injectSchema = z.strictObject({
  id,
  label: text,
  description: text,
  effects: z.array(effectSchema).default([]),
  levels: levelsField,
});

/**
 * The cause as a responder declares it: the failing component (any of these counts), the
 * mechanism from the shared taxonomy, and what evidence supports it: a pinned line supports the
 * cause when it contains one of `evidence[].contains` (case-insensitive).
 */
const rootCauseSchema = z.strictObject({
  components: z.array(z.string().regex(componentPattern, 'must be a component such as job:orders-enricher, scheduler or none')).min(1).max(5),
  mechanisms: z.array(z.enum(mechanismIds)).min(1).max(3),
  evidence: z.array(z.strictObject({ contains: z.string().min(4).max(200), what: text })).min(1).max(12),
  statement: text,
});

const walkthroughStepSchema = z.strictObject({
  /** Seconds after the first page (the seed moves the page; the model keeps pace with it). */
  atS: z.number().int().nonnegative().max(1_000_000),
  phase: z.enum(phaseNames),
  command: commandSchema,
  why: text,
});

const preventionSchema = z.strictObject({
  id,
  label: text,
  correct: z.boolean(),
  why: text,
  /** Set by the engine, not by authors: a follow-up of another root-cause variant, neither right nor a distractor in this run. */
  otherCause: z.boolean().optional(),
});

const hintSchema = z.strictObject({ text, cost: z.number().int().nonnegative().max(20).default(2) });

/**
 * One of several root causes behind the same first symptom. The seed picks a variant; it
 * replaces the sections it names, so the briefing, world, alerts and actions stay shared.
 */
const variantSchema = z.strictObject({
  id,
  label: z.string().min(1).max(120),
  faults: z.array(faultSchema).min(1).optional(),
  rootCause: rootCauseSchema.optional(),
  mitigatedWhen: z.array(conditionSchema).min(1).optional(),
  resolvedWhen: z.array(checkSchema).min(1).optional(),
  walkthrough: z.array(walkthroughStepSchema).min(1).optional(),
  hints: z.array(hintSchema).optional(),
  prevention: z.array(preventionSchema).min(2).optional(),
  /** Messages replacing the shared ones with the same id, or added. */
  messages: z.array(messageSchema).optional(),
  /** Verdicts replacing the shared action verdicts, by action id. */
  verdicts: z.record(z.string(), verdictSchema).optional(),
});

/** One scenario file: a complete, self-contained incident. */
export const scenarioSchema = z.strictObject({
  id,
  version: z.number().int().positive(),
  /** An incident to work, or a decision to make (a plan the player writes; no severity, no root cause to declare). */
  kind: z.enum(['incident', 'decision']).default('incident'),
  title: z.string().min(1).max(120),
  hook: z.string().min(1).max(300),
  difficulty: z.enum(['easy', 'normal', 'hard']),
  tags: z.array(z.string().min(1).max(40)).max(20).default([]),
  systems: z.array(z.string().min(1).max(40)).min(1).max(20),
  expectedMinutes: z.number().int().positive().max(600),
  briefing: z.strictObject({
    role: text,
    platform: text,
    slas: z.array(z.strictObject({ name: text, target: text })).default([]),
    stakes: z.array(text).default([]),
    /** The moment that matters: a review, a launch, a report. */
    deadline: z.strictObject({ atS: seconds, label: text }),
  }),
  clock: clockSchema,
  world: worldSchema,
  faults: z.array(faultSchema).min(1),
  alerts: z.array(alertSchema).min(1),
  actions: z.array(actionSchema).min(1),
  stakeholders: z.array(stakeholderSchema).default([]),
  messages: z.array(messageSchema).default([]),
  injects: z.array(injectSchema).default([]),
  hints: z.array(hintSchema).default([]),
  rootCause: rootCauseSchema,
  /** World conditions meaning the impact has stopped (the mitigated milestone). */
  mitigatedWhen: z.array(conditionSchema).min(1),
  /** Checks that must all pass when the player declares the incident resolved. */
  resolvedWhen: z.array(checkSchema).min(1),
  communication: z.strictObject({
    firstUpdateWithinS: positiveSeconds,
    cadenceS: positiveSeconds,
    /** Names a status update may use for whoever the incident hurts (a dashboard, table or team); absent: the dashboards, their tables and the damaged tables. */
    affected: z.array(z.string().min(2).max(120)).min(1).max(20).optional(),
    /** The severities this impact calls for; absent: the model walkthrough's declaration. Hidden from the player. */
    severity: z.array(severitySchema).min(1).max(4).optional(),
    /** How stakeholders answer the player's updates and silences, so chat is a conversation. */
    replies: z.array(replySchema).max(16).default([]),
  }),
  walkthrough: z.array(walkthroughStepSchema).min(1),
  prevention: z.array(preventionSchema).min(2),
  rubric: z.array(z.strictObject({ criterion: text, strong: text, weak: text })).default([]),
  /** A decision drill's plan: what the player writes and what sending it does. Required for, and only for, the decision kind. */
  plan: planSchema.optional(),
  /** Questions an interviewer may ask in a phase of this incident, shown beside the shared bank (interviewer only). */
  probes: z.array(z.strictObject({ phase: z.enum(phaseNames), text })).max(40).default([]),
  /** Root causes the seed chooses between; absent for a scenario with one cause. */
  variants: z.array(variantSchema).max(8).default([]),
});

/** A validated scenario. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** An action from a scenario's catalogue. */
export type ActionSpec = Scenario['actions'][number];
/** An alert rule. */
export type AlertSpec = Scenario['alerts'][number];
/** A scheduled fault. */
export type FaultSpec = Scenario['faults'][number];
/** A stakeholder message. */
export type MessageSpec = Scenario['messages'][number];
/** A rule for how a stakeholder answers the player's updates. */
export type ReplySpec = Scenario['communication']['replies'][number];
/** A step of the model walkthrough. */
export type WalkthroughStep = Scenario['walkthrough'][number];
/** A seeded root-cause variant. */
export type VariantSpec = Scenario['variants'][number];
/** A phase of the incident. */
export type PhaseName = (typeof phaseNames)[number];
/** The kind of a verdict. */
export type VerdictKind = (typeof verdictKinds)[number];
