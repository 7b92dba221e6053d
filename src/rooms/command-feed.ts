import type { TerminalEntry, TimelineEntry } from '../engine/state';
import type { TypedEntry } from '../engine/facilitator/typed-log';
import { roleLabel, type RoomMode } from './roles';
import type { Attribution, Seat } from './server-messages';

/** One command in the host's live feed: who sent it, as typed, and what it printed. */
export interface FeedItem {
  seq: number;
  at: number;
  by: Seat | null;
  type: TypedEntry['type'];
  /** A line or query as typed; a hint as "Hint to <whom>: <its text>"; anything else in words. */
  text: string;
  /** What a shell line or query printed (null while it runs, or for commands that print nothing). */
  output: string | null;
  /** Whether it is still running. */
  running: boolean;
}

/** What the feed is made from: the host's view (its log as typed, the transcripts, the whole timeline with every hint). */
export interface FeedSource {
  log: readonly TypedEntry[];
  terminal: readonly TerminalEntry[];
  sql: readonly TerminalEntry[];
  timeline: readonly TimelineEntry[];
}

/** Whom a hint went to, as the feed names them: "Priya (Operations)", or "everyone". */
export function hintRecipient(to: Seat | undefined, mode: RoomMode): string {
  return to ? `${to.name} (${roleLabel(to.role, mode)})` : 'everyone';
}

/**
 * The host's feed: every log entry with its sender (the room's attribution) and, for a typed
 * line or query, the output its sender saw (the transcript entry that entry started), newest last.
 * A released hint reads "Hint to Priya (Operations): …" or "Hint to everyone: …" with its text.
 */
export function commandFeed(view: FeedSource, attribution: readonly Attribution[], mode: RoomMode): FeedItem[] {
  const bySeq = new Map(attribution.map((a) => [a.seq, a]));
  const printed = new Map<number, TerminalEntry>();
  for (const list of [view.terminal, view.sql]) for (const e of list) if (e.logIndex !== undefined) printed.set(e.logIndex, e);
  // Each released hint is on the timeline at the second it was asked for, with its recipient; a refused request is not.
  const released = view.timeline.filter((e) => e.kind === 'hint');
  let nextHint = 0;
  return view.log
    .filter((e) => e.type !== 'session.start')
    .map((e) => {
      const out = printed.get(e.seq);
      const a = bySeq.get(e.seq);
      let text = e.text;
      if (e.type === 'hint.reveal') {
        const hint = released[nextHint];
        const match = hint !== undefined && hint.at === e.at && hint.to === a?.to?.seat;
        if (match) nextHint += 1;
        text = `Hint to ${hintRecipient(a?.to, mode)}: ${match ? hint.text : 'none released'}`;
      }
      return { seq: e.seq, at: e.at, by: a?.by ?? null, type: e.type, text, output: out?.output ?? null, running: out !== undefined && out.output === null };
    });
}

/** The people in a feed, in the order they first appear, for the filter. */
export function feedPeople(feed: readonly FeedItem[]): Seat[] {
  const seen = new Map<string, Seat>();
  for (const item of feed) if (item.by && !seen.has(item.by.seat)) seen.set(item.by.seat, item.by);
  return [...seen.values()];
}
