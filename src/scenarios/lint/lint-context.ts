import { playBot } from '../../engine/bots/index.ts';
import { playModel } from '../../engine/bots/model-bot.ts';
import { levelNames, prepareRun, seedsForVariants, type Level } from '../../engine/prepare-run.ts';
import type { SimState } from '../../engine/state.ts';
import type { ScenarioProblem } from '../cross-references.ts';
import type { Scenario, VariantSpec } from '../schema/index.ts';

/** One bot run the lint rules look at: which variant, which level, which policy, and how it ended. */
export interface LintRun {
  /** Index into the scenario's variants, or -1 for a scenario with one root cause. */
  variantIndex: number;
  level: Level;
  /** `quiet` plays the model walkthrough without its status updates, to reach silence-triggered messages. */
  policy: 'model' | 'idle' | 'quiet';
  /** The prepared scenario the run played (variant applied, level chosen). */
  scenario: Scenario;
  state: SimState;
}

/** What every lint rule gets: the scenario as written, and its bot runs (played once, shared). */
export interface LintContext {
  base: Scenario;
  /** Model and idle runs for every variant at every level. */
  runs: () => LintRun[];
  /** Quiet runs (the model without its status updates) for every variant at every level; played only when asked for. */
  quietRuns: () => LintRun[];
}

/** A lint rule: pure, no Node APIs, so it also runs in the browser on an imported file. */
export type LintRule = (ctx: LintContext) => ScenarioProblem[];

/** Builds a context whose runs are played the first time a rule asks for them. */
export function lintContext(base: Scenario): LintContext {
  let runs: LintRun[] | null = null;
  let quiet: LintRun[] | null = null;
  return {
    base,
    runs: () => {
      runs ??= playAll(base, ['model', 'idle']);
      return runs;
    },
    quietRuns: () => {
      quiet ??= playAll(base, ['quiet']);
      return quiet;
    },
  };
}

function playAll(base: Scenario, policies: LintRun['policy'][]): LintRun[] {
  const out: LintRun[] = [];
  seedsForVariants(base).forEach(({ seed }, i) => {
    for (const level of levelNames) {
      const scenario = prepareRun(base, seed, level);
      for (const policy of policies) {
        const state = policy === 'quiet' ? playQuiet(scenario, seed) : playBot(scenario, policy, seed).state;
        out.push({ variantIndex: base.variants.length === 0 ? -1 : i, level, policy, scenario, state });
      }
    }
  });
  return out;
}

// The model bot's schedule, minus every status update (for messages triggered by silence).
function playQuiet(s: Scenario, seed: number): SimState {
  return playModel(s, seed, (step) => step.command.type !== 'comms.post').state;
}

/** The sections a variant may replace. */
export type VariantSection = 'faults' | 'rootCause' | 'mitigatedWhen' | 'resolvedWhen' | 'walkthrough' | 'hints' | 'prevention';

/** Where a section lives for a variant: in the variant when it replaces it, else at the top level. */
export function sectionPath(base: Scenario, variantIndex: number, section: VariantSection): string {
  const v: VariantSpec | undefined = base.variants[variantIndex];
  return v && v[section] !== undefined ? `variants.${variantIndex}.${section}` : section;
}

/** Names a run in words, for messages: "variant refund-flag at level hard". */
export function runLabel(base: Scenario, run: Pick<LintRun, 'variantIndex' | 'level'>): string {
  const v = base.variants[run.variantIndex];
  return `${v ? `variant "${v.id}" ` : ''}at level ${run.level}`;
}

/**
 * Merges problems that repeat across runs into one, naming the runs, so a mistake that shows at
 * every level reads once: `... (at level easy, at level normal, at level hard)`.
 */
export function mergeAcrossRuns(found: { path: string; message: string; where: string }[]): ScenarioProblem[] {
  const merged = new Map<string, { path: string; message: string; where: string[] }>();
  for (const f of found) {
    const key = `${f.path}\u0000${f.message}`;
    const entry = merged.get(key) ?? { path: f.path, message: f.message, where: [] };
    if (!entry.where.includes(f.where)) entry.where.push(f.where);
    merged.set(key, entry);
  }
  return [...merged.values()].map((m) => ({ path: m.path, message: `${m.message} (${m.where.join('; ')})` }));
}
