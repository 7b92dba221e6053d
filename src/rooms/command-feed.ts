import type { TerminalEntry } from '../engine/state';
import type { TypedEntry } from '../engine/facilitator/typed-log';
import type { Attribution, Seat } from './server-messages';

/** One command in the host's live feed: who sent it, as typed, and what it printed. */
export interface FeedItem {
  seq: number;
  at: number;
  by: Seat | null;
  type: TypedEntry['type'];
  text: string;
  /** What a shell line or query printed (null while it runs, or for commands that print nothing). */
  output: string | null;
  /** Whether it is still running. */
  running: boolean;
}

/**
 * The host's feed: every log entry with its sender (the room's attribution) and, for a typed
 * line or query, the output its sender saw (the transcript entry that entry started), newest last.
 */
export function commandFeed(log: readonly TypedEntry[], attribution: readonly Attribution[], transcripts: readonly (readonly TerminalEntry[])[]): FeedItem[] {
  const bySeq = new Map(attribution.map((a) => [a.seq, a.by]));
  const printed = new Map<number, TerminalEntry>();
  for (const list of transcripts) for (const e of list) if (e.logIndex !== undefined) printed.set(e.logIndex, e);
  return log
    .filter((e) => e.type !== 'session.start')
    .map((e) => {
      const out = printed.get(e.seq);
      return { seq: e.seq, at: e.at, by: bySeq.get(e.seq) ?? null, type: e.type, text: e.text, output: out?.output ?? null, running: out !== undefined && out.output === null };
    });
}

/** The people in a feed, in the order they first appear, for the filter. */
export function feedPeople(feed: readonly FeedItem[]): Seat[] {
  const seen = new Map<string, Seat>();
  for (const item of feed) if (item.by && !seen.has(item.by.seat)) seen.set(item.by.seat, item.by);
  return [...seen.values()];
}
