import type { Scenario } from '../scenarios/schema';
import { availableActions } from './action-availability';
import { scenarioCard } from '../scenarios/schema/scenario-card';
import { currentPhase, type PhaseOrStage } from './flow/phase';
import { summarizeRun } from './run-summary';
import { timeDefinitions } from './scoring/incident-times';
import type { SimState } from './state';
import { shellNames } from './terminal/platform';
import { commandPalette } from './terminal/palette';
import { runInfo } from './prepare-run';
import { sqlNames } from './sql/completions';
import { componentChoices } from './diagnosis';
import { mechanisms } from '../scenarios/schema/cause-taxonomy';
import { isAccountingMetric, isSettingMetric } from '../scenarios/schema/metric-catalogue';
import { isPlanFlagMetric, visibleFlags } from './plan/plan-flags';
import { walkthroughProgress } from './facilitator/walkthrough-progress';
import { typedLog } from './facilitator/typed-log';
import { probesFor } from './interview/probes';
import { scoreboard } from './facilitator/scoreboard';

/** What the player may see of the scenario: no root cause, no verdicts, no walkthrough, no rubric. */
export function publicScenario(s: Scenario) {
  return {
    ...scenarioCard(s),
    briefing: s.briefing,
    clock: s.clock,
    topology: {
      producers: s.world.producers.map((p) => ({ id: p.id, topic: p.topic })),
      topics: s.world.topics.map((t) => ({ id: t.id, partitions: t.partitions })),
      jobs: s.world.jobs.map((j) => ({ id: j.id, engine: j.engine, topic: j.topic, table: j.sink.table, critical: j.critical })),
      tables: s.world.tables.map((t) => ({ id: t.id, description: t.description, freshnessSlaS: t.freshnessSlaS, ...(Object.keys(t.nullBaseline).length > 0 ? { nullBaseline: t.nullBaseline } : {}) })),
      dags: s.world.dags.map((d) => ({ id: d.id, reads: d.sensor.table, writes: d.build.writes, critical: d.critical })),
      dashboards: s.world.dashboards.map((d) => ({ id: d.id, title: d.title, table: d.table, audience: d.audience, tiles: d.tiles, blankAfterS: d.blankAfterS })),
      subjects: s.world.subjects.map((x) => x.name),
      flags: visibleFlags(s).map((f) => ({ id: f.id, description: f.description })),
    },
    alerts: s.alerts.map((a) => ({ id: a.id, title: a.title, severity: a.severity, summary: a.summary, runbook: a.runbook, when: a.when, forS: a.forS })),
    actions: s.actions.map((a) => ({ id: a.id, label: a.label, category: a.category, command: a.command, durationS: a.durationS, repeatable: a.repeatable, reveals: a.reveals.map((r) => ({ kind: r.kind })) })),
    stakeholders: s.stakeholders,
    /** Names the shell completes: what the platform's own list commands show. */
    shellNames: shellNames(s),
    /** The terminal's vocabulary as forms (easy and normal; hard has none): the platform's names only, by tool then alphabetically. */
    palette: runInfo(s).level === 'hard' ? null : commandPalette(shellNames(s)),
    /** Tables and columns the SQL prompt completes, as `\dt` and `\d` list them. */
    sqlNames: sqlNames(s),
    /** What a cause can be declared against: every component, and the shared mechanism taxonomy, in fixed orders. */
    components: componentChoices(s),
    mechanisms,
    // One pool for every variant, alphabetical: neither the list nor its order says which cause this run has.
    prevention: s.prevention.map((p) => ({ id: p.id, label: p.label })).sort((a, b) => a.label.localeCompare(b.label)),
    hintCount: s.hints.length,
    hintCosts: s.hints.map((h) => h.cost),
    // Only the targets: which names count and the right severity are the debrief's to say.
    communication: { firstUpdateWithinS: s.communication.firstUpdateWithinS, cadenceS: s.communication.cadenceS },
    /** Incident or decision drill: a decision has a plan to write and no severity or root cause. */
    kind: s.kind,
    /** A decision drill's plan sections, what each is for; what the engine looks for in them stays hidden. */
    planSections: s.plan?.sections ?? null,
    /** Who a sent plan goes to. */
    planRecipients: s.plan ? s.plan.sendTo.map((id) => s.stakeholders.find((x) => x.id === id) ?? { id, name: id, role: '' }) : null,
  };
}

// The console offers only the actions available now (an inject's decisions appear once it fires).
function offeredNow<P extends { actions: { id: string }[] }>(pub: P, s: Scenario, state: SimState): P {
  if (!s.actions.some((a) => a.availableAfter)) return pub;
  const offered = new Set(availableActions(s, state).map((a) => a.id));
  return { ...pub, actions: pub.actions.filter((a) => offered.has(a.id)) };
}

// What the platform's monitoring measures, without the data accounting's oracle readings, the jobs' settings (read with kubectl) or the state a plan decides.
function withoutAccounting<T>(s: Scenario, values: Record<string, T>): Record<string, T> {
  const kept: Record<string, T> = {};
  for (const key in values) if (!isAccountingMetric(key) && !isSettingMetric(key) && !isPlanFlagMetric(s, key)) kept[key] = values[key] as T;
  return kept;
}

/** The player's projection of a session. */
export type PlayerView = ReturnType<typeof playerView>;

/**
 * The player's projection: the world as the tools show it, the incident's record, and no
 * hidden truth (root cause, verdicts, walkthrough, rubric, fault times, impact start, the
 * data accounting).
 */
export function playerView(s: Scenario, state: SimState) {
  // Impact start is hidden truth; whether a declared cause was right stays hidden until the end.
  const { impactStart: _hidden, ...known } = state.milestones;
  const milestones = { ...known, diagnosed: state.ended ? known.diagnosed : null };
  return {
    scenario: offeredNow(publicScenario(s), s, state),
    t: state.t,
    phase: currentPhase(state) as PhaseOrStage,
    metrics: withoutAccounting(s, state.metrics),
    series: { ...state.series, values: withoutAccounting(s, state.series.values) },
    alerts: state.alerts,
    running: state.running,
    /** What each responder has in hand (their own commands, until when): at most two at once. */
    hands: state.hands ?? [],
    actionsTaken: state.decisions.map(({ action, startedAt, completedAt }) => ({ action, startedAt, completedAt })),
    outputs: state.outputs,
    terminal: state.terminal ?? [],
    sql: state.sql ?? [],
    /** A decision drill's plans as sent, newest last (what the player wrote, nothing of how it was judged). */
    plans: (state.plans ?? []).map(({ at, sections }) => ({ at, sections })),
    messages: state.messages,
    // A hint released to one person reaches them apart (privateHints); the rest of the room sees only that one was used.
    timeline: state.timeline.filter((e) => e.to === undefined),
    notes: state.notes,
    hintsShown: state.timeline.filter((e) => e.kind === 'hint' && e.to === undefined).map((e) => e.text),
    /** Hints used so far, to everyone or to one person (what the next one costs follows from it). */
    hintsUsed: state.hintsUsed,
    severity: state.severity,
    causeDeclarations: state.causeDeclarations.map(({ at, component, mechanism, evidence }) => ({ at, component, mechanism, evidence })),
    // Whether a resolution held, not which checks failed: those name the cause and the damage.
    resolveAttempts: state.resolveAttempts.map(({ at, failures }) => ({ at, verified: failures.length === 0 })),
    mitigationDeclaredAt: state.mitigationDeclaredAt,
    milestones,
    postmortem: state.postmortem,
    ended: state.ended,
    rejected: state.rejected,
  };
}

/** The hints released to one person (a room seat) alone, in the order they came: theirs to see, nobody else's. */
export function privateHints(state: SimState, to: string): { at: number; text: string }[] {
  return state.timeline.filter((e) => e.kind === 'hint' && e.to === to).map(({ at, text }) => ({ at, text }));
}

/** The facilitator's or interviewer's projection: everything, hidden truth and the data accounting included. */
export function facilitatorView(s: Scenario, state: SimState) {
  return {
    ...playerView(s, state),
    metrics: state.metrics,
    series: state.series,
    /** The whole timeline, hints released to one person included (with whom they went to). */
    timeline: state.timeline,
    hintsShown: state.timeline.filter((e) => e.kind === 'hint').map((e) => e.text),
    /** Every command sent, as typed or in words (a list that only grows, so patches carry just the new entries). */
    log: typedLog(s, state),
    hidden: {
      rootCause: s.rootCause,
      /** The root cause this seed picked, when the scenario has several. */
      variant: runInfo(s).variant,
      /** The room against the model walkthrough, step by step. */
      progress: walkthroughProgress(s, state),
      /** Milestones against par, the data lost so far and the update cadence, live. */
      scoreboard: scoreboard(s, state),
      walkthrough: s.walkthrough,
      rubric: s.rubric,
      /** Questions to ask in the phase the incident is in: the scenario's own, then the shared bank. */
      probes: probesFor(currentPhase(state), s.probes),
      verdicts: Object.fromEntries(s.actions.map((a) => [a.id, a.verdict])),
      prevention: s.prevention,
      faults: s.faults.map((f) => ({ id: f.id, description: f.description, at: state.faultTimes[f.id] ?? null, applied: state.faultsApplied.includes(f.id) })),
      impactStart: state.milestones.impactStart,
      decisions: state.decisions,
      causeDeclarations: state.causeDeclarations,
      resolveAttempts: state.resolveAttempts,
      /** A decision drill's plans with what each did harm. */
      plans: state.plans ?? [],
      /** What the facilitator can drop in, and when each one fired. */
      injects: s.injects.map((i) => ({ id: i.id, label: i.label, description: i.description, firedAt: state.injects.find((x) => x.inject === i.id)?.at ?? null })),
    },
  };
}

/** The facilitator's projection type. */
export type FacilitatorView = ReturnType<typeof facilitatorView>;

/**
 * What the result screen shows once the session is over: the score report against par and
 * the run's headline figures. Null while the incident is still being played.
 */
export function resultView(s: Scenario, state: SimState) {
  if (!state.ended) return null;
  const { summary, report } = summarizeRun(s, state, 'player');
  return { summary, report, timeDefinitions };
}

/** The result screen's data. */
export type ResultView = NonNullable<ReturnType<typeof resultView>>;
