// The engine's public surface: pure functions from scenario, seed and log to state.
export { createInitialState, replay, applyEntry, advance, finish, type Session } from './session';
export type * from './state';
export { playerView, facilitatorView, publicScenario, resultView, type PlayerView, type FacilitatorView, type ResultView } from './views';
export { currentPhase, type PhaseOrStage } from './flow/phase';
export { stageOf } from './flow/session-machine';
export { scoreRun, gradeOf, maxScore, type ScoreReport, type ScorePart } from './scoring/score-run';
export { incidentTimes, timeDefinitions, type IncidentTimes } from './scoring/incident-times';
export { parTimes } from './scoring/par';
export { playBot, policies, type PolicyName, type BotRun } from './bots';
export { stateHash } from './state-hash';
export { summarizeRun, type RunSummary } from './run-summary';
export { timeOfDay, formatDuration, relativeTime } from './wall-clock';
