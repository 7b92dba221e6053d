// The engine's public surface: pure functions from scenario, seed and log to state.
export { createInitialState, createInitialStateInSteps, replay, applyEntry, advance, finish, type Session } from './session';
export { replayInSteps } from './replay-in-steps';
export type * from './state';
export { playerView, facilitatorView, privateHints, publicScenario, resultView, type PlayerView, type FacilitatorView, type ResultView } from './views';
export { currentPhase, type PhaseOrStage } from './flow/phase';
export { stageOf } from './flow/session-machine';
export { scoreRun, gradeOf, maxScore, type ScoreReport, type ScorePart } from './scoring/score-run';
export { incidentTimes, timeDefinitions, type IncidentTimes } from './scoring/incident-times';
export { parTimes } from './scoring/par';
export { playBot, policies, viewPolicySteps, type PolicyName, type BotRun, type ViewStep } from './bots';
export { stateHash, stateHashMatches } from './state-hash';
export { summarizeRun, type RunSummary } from './run-summary';
export { timeOfDay, formatDuration, relativeTime } from './wall-clock';
export { handsPerResponder, handsRefusal, heldAt, type Hold } from './hands';
export { costliest, type Cost } from './debrief/costliest';
export { debriefView, type DebriefView, type DebriefRun, type DebriefDecision, type MilestoneRow } from './debrief/debrief-view';
export type { DebriefMarker, MarkerKind } from './debrief/markers';
export type { KeyStep, WalkthroughLine } from './debrief/key-steps';
export type { SlaLine } from './debrief/sla-lines';
export type { KeyMetric } from './debrief/key-metrics';
export { stateAt } from './debrief/state-at';
export { postmortemMarkdown, type PostmortemMeta } from './debrief/postmortem-markdown';
export { starStoryMarkdown } from './debrief/star-story';
// Replay files are validated with zod: import them from './debrief/replay-file' directly, so the
// validation library only loads where a replay is exported or imported.
export { prepareRun, runInfo, seedsForVariants, variantIndexFor, levelNames, levelEffects, type Level, type RunInfo } from './prepare-run';
export { completeLine, completeSqlLine, type Completion } from './terminal/complete';
export { fillPalette, type PaletteEntry, type PaletteParam } from './terminal/palette';
export type { SqlNames } from './sql/completions';
export { registryRequest, readerOutcome, checkCompatibility, type RegistryResponse, type ReaderOutcome, type CompatibilityMode } from './avro';
