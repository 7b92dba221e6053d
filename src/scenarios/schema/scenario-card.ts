import type { Scenario } from './scenario.ts';

/** What the catalogue shows of a scenario before loading it (no hidden truth in here). */
export type ScenarioCard = Pick<Scenario, 'id' | 'version' | 'kind' | 'title' | 'hook' | 'difficulty' | 'tags' | 'systems' | 'expectedMinutes'>;

/** A scenario's catalogue card. */
export function scenarioCard(s: Scenario): ScenarioCard {
  return { id: s.id, version: s.version, kind: s.kind, title: s.title, hook: s.hook, difficulty: s.difficulty, tags: s.tags, systems: s.systems, expectedMinutes: s.expectedMinutes };
}
