import type { TimelineEntry } from '../../../engine';

/** The filter groups the timeline offers, in menu order. */
export const timelineFilters = [
  { id: 'all', label: 'Everything' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'actions', label: 'Actions' },
  { id: 'messages', label: 'Messages' },
  { id: 'declarations', label: 'Declarations' },
  { id: 'notes', label: 'Notes & hints' },
  { id: 'system', label: 'System & injects' },
] as const;

/** A timeline filter. */
export type TimelineFilter = (typeof timelineFilters)[number]['id'];

/** How an entry is badged: a word always, a colour as well. */
export type EntryTone = 'danger' | 'warn' | 'ok' | 'info' | 'neutral' | 'accent';

/** A timeline entry as the panel shows it. */
export interface DescribedEntry {
  at: number;
  badge: string;
  /** What the badge stands for, for screen readers (`Page`, `Action started`). */
  badgeLabel: string;
  tone: EntryTone;
  /** The entry's text without the prefix the badge already says (`PAGE: `, `Done: `). */
  text: string;
  group: Exclude<TimelineFilter, 'all'>;
  page: boolean;
}

function strip(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** Badges an entry by its kind, and by its wording where the kind covers several things (alerts). */
export function describeEntry(e: TimelineEntry): DescribedEntry {
  const base = { at: e.at, text: e.text, page: false };
  switch (e.kind) {
    case 'alert':
      if (e.text.startsWith('PAGE: ')) return { ...base, badge: 'PAGE', badgeLabel: 'Page', tone: 'danger', text: strip(e.text, 'PAGE: '), group: 'alerts', page: true };
      if (e.text.startsWith('Resolved: ')) return { ...base, badge: 'RESOLVED', badgeLabel: 'Alert resolved', tone: 'ok', text: strip(e.text, 'Resolved: '), group: 'alerts' };
      return { ...base, badge: 'WARN', badgeLabel: 'Warning', tone: 'warn', text: strip(e.text, 'Warning: '), group: 'alerts' };
    case 'action-started':
      return { ...base, badge: 'ACTION', badgeLabel: 'Action started', tone: 'neutral', group: 'actions' };
    case 'action-completed':
      return { ...base, badge: 'DONE', badgeLabel: 'Action done', tone: 'info', text: strip(e.text, 'Done: '), group: 'actions' };
    case 'message':
      if (e.text.startsWith('Status update: ')) return { ...base, badge: 'STATUS', badgeLabel: 'Your status update', tone: 'ok', text: strip(e.text, 'Status update: '), group: 'messages' };
      return { ...base, badge: 'MSG', badgeLabel: 'Message', tone: 'info', group: 'messages' };
    case 'declaration':
      if (e.text.startsWith('Acknowledged: ')) return { ...base, badge: 'ACK', badgeLabel: 'Acknowledged', tone: 'ok', text: strip(e.text, 'Acknowledged: '), group: 'declarations' };
      return { ...base, badge: 'DECLARED', badgeLabel: 'Declared', tone: /failed|still stale/i.test(e.text) ? 'warn' : 'accent', group: 'declarations' };
    case 'note':
      return { ...base, badge: 'NOTE', badgeLabel: 'Note', tone: 'neutral', group: 'notes' };
    case 'hint':
      return { ...base, badge: 'HINT', badgeLabel: 'Hint', tone: 'warn', group: 'notes' };
    case 'system':
      return { ...base, badge: 'SYSTEM', badgeLabel: 'System', tone: 'neutral', group: 'system' };
    case 'inject':
      return { ...base, badge: 'INJECT', badgeLabel: 'Inject', tone: 'accent', group: 'system' };
  }
}

/** The entries a filter keeps, in the engine's (chronological) order. */
export function filterEntries(entries: readonly DescribedEntry[], filter: TimelineFilter): DescribedEntry[] {
  return filter === 'all' ? [...entries] : entries.filter((e) => e.group === filter);
}

/** How many entries each filter would keep. */
export function countByFilter(entries: readonly DescribedEntry[]): Record<TimelineFilter, number> {
  const counts = Object.fromEntries(timelineFilters.map((f) => [f.id, 0])) as Record<TimelineFilter, number>;
  counts.all = entries.length;
  for (const e of entries) counts[e.group] += 1;
  return counts;
}
