import type { Command, Scenario } from '../scenarios/schema';
import { componentKinds, mechanisms, type MechanismId } from '../scenarios/schema/cause-taxonomy';
import type { SimState } from './state';

/** A component the responder can name: `job:orders-enricher`, shown as "job orders-enricher". */
export interface ComponentChoice {
  id: string;
  kind: (typeof componentKinds)[number];
  label: string;
}

const cache = new WeakMap<Scenario, ComponentChoice[]>();

/** Every component of the platform, by kind then name: the same list whatever the cause. */
export function componentChoices(s: Scenario): ComponentChoice[] {
  const hit = cache.get(s);
  if (hit) return hit;
  const w = s.world;
  const of = (kind: ComponentChoice['kind'], ids: string[]) => [...new Set(ids)].sort().map((name) => ({ id: `${kind}:${name}`, kind, label: `${kind} ${name}` }));
  const list: ComponentChoice[] = [
    ...of('producer', w.producers.map((p) => p.id)),
    ...of('topic', w.topics.map((t) => t.id)),
    ...of('subject', w.subjects.map((x) => x.name)),
    ...of('job', w.jobs.map((j) => j.id)),
    ...of('table', w.tables.map((t) => t.id)),
    ...of('dag', w.dags.map((d) => d.id)),
    ...(w.dags.length > 0 ? [{ id: 'scheduler', kind: 'scheduler' as const, label: 'the Airflow scheduler' }] : []),
    ...of('dashboard', w.dashboards.map((d) => d.id)),
    { id: 'none', kind: 'none', label: 'no platform component (not a fault)' },
  ];
  cache.set(s, list);
  return list;
}

/** A mechanism's label from the shared taxonomy. */
export function mechanismLabel(id: string): string {
  return mechanisms.find((m) => m.id === id)?.label ?? id;
}

/** A component's label, or its id when the platform has no such component. */
export function componentLabel(s: Scenario, id: string): string {
  return componentChoices(s).find((c) => c.id === id)?.label ?? id;
}

/** A declaration in words: "job orders-enricher — Schema change the reader cannot handle …". */
export function declarationLabel(s: Scenario, component: string, mechanism: string): string {
  return `${componentLabel(s, component)} — ${mechanismLabel(mechanism)}`;
}

/** Which parts of a declaration match the run's cause. */
export interface DeclarationParts {
  component: boolean;
  mechanism: boolean;
  evidence: boolean;
}

type Declare = Extract<Command, { type: 'incident.declare-cause' }>;

/** Every output the responder has been shown: tool results, the shell's transcript and the SQL prompt's answers. */
export function seenTexts(state: Pick<SimState, 'outputs' | 'terminal' | 'sql'>): string[] {
  return [...state.outputs.map((o) => o.body), ...[...(state.terminal ?? []), ...(state.sql ?? [])].map((e) => e.output ?? '')];
}

/** Why a declaration can't be taken (a component the platform lacks, evidence never shown), or null. */
export function declarationProblem(s: Scenario, state: SimState, c: Declare): string | null {
  if (!componentChoices(s).some((x) => x.id === c.component)) return `there is no component "${c.component}" on this platform`;
  const seen = seenTexts(state);
  for (const line of c.evidence) {
    const needle = line.trim();
    if (needle.length < 4) return 'each piece of evidence must be a line from an output (at least 4 characters)';
    if (!seen.some((text) => text.includes(needle))) return `the evidence “${needle.slice(0, 80)}” is not in any output you have seen`;
  }
  return null;
}

/** Judges a declaration against the run's cause: component, mechanism, and whether any pinned line supports it. */
export function judgeDeclaration(s: Scenario, c: Declare): DeclarationParts {
  const rc = s.rootCause;
  return {
    component: rc.components.includes(c.component),
    mechanism: rc.mechanisms.includes(c.mechanism as MechanismId),
    evidence: c.evidence.some((line) => rc.evidence.some((e) => line.toLowerCase().includes(e.contains.toLowerCase()))),
  };
}
