import type { LedgerRun, Segment } from '../state';
import { addSourceNulls } from './source-nulls';
import type { JobReader, Undecodable } from './job-reader';
import type { Regime } from './ledger';

/** How many records of a segment in [lo, hi) are poison records. */
export function countPoison(seg: Segment, lo: number, hi: number): number {
  if (seg.poisonEvery <= 0 || hi <= lo) return 0;
  return poisonBelow(seg, hi) - poisonBelow(seg, lo);
}

function poisonBelow(seg: Segment, n: number): number {
  const rel = n - seg.from;
  return rel <= seg.phase ? 0 : Math.floor((rel - seg.phase - 1) / seg.poisonEvery) + 1;
}

/** The first poison offset at or after `lo` in a segment. */
export function firstPoisonAtOrAfter(seg: Segment, lo: number): number {
  const rel = Math.max(0, lo - seg.from);
  const m = seg.poisonEvery;
  const k = rel + ((((seg.phase - (rel % m)) % m) + m) % m);
  return seg.from + k;
}

/** How many records of a segment in [lo, hi) a reader cannot decode, given which ones it fails on. */
export function countUndecodable(seg: Segment, lo: number, hi: number, which: Undecodable): number {
  if (which === 'none' || hi <= lo) return 0;
  return which === 'all' ? hi - lo : countPoison(seg, lo, hi);
}

/** What processing a range under a ledger run produced. */
export interface RangeCounts {
  delivered: number;
  duplicates: number;
  dlq: number;
  lost: number;
  /** Delivered rows with a null column, by column, from pinned readers of newer schemas. */
  nulls: Record<string, number>;
}

/** The end offset of segment `i` (the next segment's start, or the log end). */
export function segmentEnd(segments: Segment[], i: number, logEnd: number): number {
  return segments[i + 1]?.from ?? logEnd;
}

/**
 * Counts the buckets of records in [lo, hi) processed under `run`. Records the reader cannot
 * decode (as the schemas decide) go to the DLQ or are lost; the rest are delivered, with nulls
 * where the reader fills a missing field's null default or no longer sees a moved field. Each
 * segment adds its own part, so segments before `fromSegment` can be left to a caller that
 * remembers what they added.
 */
export function countRange(run: LedgerRun, segments: Segment[], lo: number, hi: number, end: number, reader: JobReader, into: RangeCounts, fromSegment = 0): void {
  for (let i = fromSegment; i < segments.length; i++) {
    const seg = segments[i] as Segment;
    const a = Math.max(lo, seg.from);
    const b = Math.min(hi, segmentEnd(segments, i, end));
    if (a >= b) continue;
    const total = b - a;
    if (run.skipped) {
      into.lost += total;
      continue;
    }
    const failing = countUndecodable(seg, a, b, reader.undecodable(run.readerMode, seg));
    const undecodable = run.dlqReplayed ? 0 : failing;
    const stuckInDlq = run.dlqReplayed ? countUndecodable(seg, a, b, reader.undecodable('registry', seg)) : 0;
    const delivered = total - undecodable - stuckInDlq;
    into.delivered += delivered;
    if (run.onError === 'skip') into.lost += undecodable;
    else into.dlq += undecodable;
    into.dlq += stuckInDlq;
    addReaderNulls(run.readerMode, seg, delivered, reader, into);
    addSourceNulls(seg, delivered, into);
  }
}

/** Adds the nulls the reader itself produces: null defaults of fields the writer lacks, moved fields it no longer sees. */
function addReaderNulls(readerMode: 'pinned' | 'registry', seg: Segment, delivered: number, reader: JobReader, into: RangeCounts): void {
  if (delivered <= 0) return;
  const outcome = reader.outcome(readerMode, seg.writerVersion);
  if (outcome.kind !== 'fails-all') {
    for (const { field, value } of outcome.defaulted) if (value === null) into.nulls[field] = (into.nulls[field] ?? 0) + delivered;
  }
  const moved = seg.moved;
  if (moved === undefined) return;
  for (const { field, to, fraction } of moved) {
    if (!reader.keepsPath(readerMode, seg.writerVersion, to)) into.nulls[field] = (into.nulls[field] ?? 0) + Math.floor(delivered * fraction);
  }
}

/** How many records in [lo, hi) both runs delivered: re-deliveries that may be duplicates. */
export function countRedelivered(older: Regime, newer: Regime, segments: Segment[], lo: number, hi: number, end: number, reader: JobReader): number {
  if (older.skipped || newer.skipped) return 0;
  let n = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as Segment;
    const a = Math.max(lo, seg.from);
    const b = Math.min(hi, segmentEnd(segments, i, end));
    if (a >= b) continue;
    // The records each reader fails on are nested (none ⊆ poison ⊆ all): the larger set fails either.
    const oldFails = countUndecodable(seg, a, b, reader.undecodable(older.dlqReplayed ? 'registry' : older.readerMode, seg));
    const newFails = countUndecodable(seg, a, b, reader.undecodable(newer.readerMode, seg));
    n += b - a - Math.max(oldFails, newFails);
  }
  return n;
}
