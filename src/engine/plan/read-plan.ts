import type { Command, PlanCondition, PlanSpec } from '../../scenarios/schema';

/** A plan as the player sent it: each section's lines. */
export type PlanSections = Extract<Command, { type: 'plan.send' }>['sections'];

/** What the engine reads in a sent plan: where each topic is written, and what is committed. */
export interface ReadPlan {
  /** Lines by section id (sections the plan does not define are ignored). */
  lines: Map<string, string[]>;
  /** For each topic written somewhere, the sections it is written in. */
  topics: Map<string, Set<string>>;
  /** The estimates of every topic written in a section that commits work, summed. */
  committedDays: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const termPatterns = new Map<string, RegExp[]>();

/** Whether a line names a term: at the start of a word, any case; `a&b` needs both. */
export function namesTerm(line: string, term: string): boolean {
  let patterns = termPatterns.get(term);
  if (!patterns) {
    patterns = term.split('&').map((part) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(part.trim().toLowerCase())}`, 'u'));
    termPatterns.set(term, patterns);
  }
  const lower = line.toLowerCase();
  return patterns.every((p) => p.test(lower));
}

const month = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const datePatterns = [
  new RegExp(`\\b\\d{1,2}(st|nd|rd|th)?\\s+(of\\s+)?${month}`, 'i'),
  new RegExp(`\\b${month}\\s+\\d{1,2}\\b`, 'i'),
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2}\/\d{1,2}\b/,
  /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i,
  /\bweek of\b/i,
];

/** Whether a line names a date or a day (7 Oct, October 7, 2024-10-07, 7/10, Thursday, the week of ...). */
export function namesDate(line: string): boolean {
  return datePatterns.some((p) => p.test(line));
}

/** Reads a sent plan against the drill's plan spec. */
export function readPlan(spec: PlanSpec, sections: PlanSections): ReadPlan {
  const known = new Set(spec.sections.map((x) => x.id));
  const lines = new Map<string, string[]>();
  for (const { section, lines: written } of sections) {
    if (!known.has(section)) continue;
    const kept = written.map((l) => l.trim()).filter((l) => l !== '');
    lines.set(section, [...(lines.get(section) ?? []), ...kept]);
  }
  const topics = new Map<string, Set<string>>();
  for (const topic of spec.topics) {
    for (const [section, written] of lines) {
      if (written.some((line) => topic.terms.some((term) => namesTerm(line, term)))) {
        const where = topics.get(topic.id) ?? new Set<string>();
        where.add(section);
        topics.set(topic.id, where);
      }
    }
  }
  const committed = new Set(spec.capacity.committedIn);
  const committedDays = spec.topics.reduce((sum, topic) => {
    const where = topics.get(topic.id);
    return where && [...where].some((x) => committed.has(x)) ? sum + (topic.estimateDays ?? 0) : sum;
  }, 0);
  return { lines, topics, committedDays };
}

/** Whether one condition holds of a read plan. */
export function planHolds(spec: PlanSpec, plan: ReadPlan, c: PlanCondition): boolean {
  if ('fits' in c) return (plan.committedDays <= spec.capacity.days) === c.fits;
  if ('topic' in c) {
    const where = plan.topics.get(c.topic) ?? new Set<string>();
    const inOk = c.in === undefined ? where.size > 0 : c.in.some((x) => where.has(x));
    const notInOk = c.notIn === undefined || !c.notIn.some((x) => where.has(x));
    return inOk && notInOk;
  }
  const written = plan.lines.get(c.section) ?? [];
  if (c.minItems !== undefined && written.length < c.minItems) return false;
  if (c.maxItems !== undefined && written.length > c.maxItems) return false;
  if (c.dated !== undefined && written.every(namesDate) !== c.dated) return false;
  return true;
}

/** Whether every condition holds. */
export function planHoldsAll(spec: PlanSpec, plan: ReadPlan, conditions: readonly PlanCondition[]): boolean {
  return conditions.every((c) => planHolds(spec, plan, c));
}
