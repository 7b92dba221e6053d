import type { PinnedReaderImpact } from '../scenario-lookup';
import type { LedgerRun, Segment } from '../state';
import { addSourceNulls } from './source-nulls';

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

/** Whether a reader in `readerMode` can decode a poison record of this kind. */
export function decodesPoison(readerMode: 'pinned' | 'registry', kind: Segment['poisonKind']): boolean {
  return kind === 'pinned-reader' && readerMode === 'registry';
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
 * Counts the buckets of records in [lo, hi) processed under `run`. Poison records the reader
 * cannot decode go to the DLQ or are lost; the rest are delivered, with nulls where a pinned
 * reader reads a newer writer's moved field.
 */
export function countRange(
  run: LedgerRun,
  segments: Segment[],
  lo: number,
  hi: number,
  end: number,
  impacts: ReadonlyMap<number, PinnedReaderImpact>,
  pinnedVersion: number,
  into: RangeCounts,
): void {
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as Segment;
    const a = Math.max(lo, seg.from);
    const b = Math.min(hi, segmentEnd(segments, i, end));
    if (a >= b) continue;
    const total = b - a;
    if (run.skipped) {
      into.lost += total;
      continue;
    }
    const poison = countPoison(seg, a, b);
    const undecodable = run.dlqReplayed || decodesPoison(run.readerMode, seg.poisonKind) ? 0 : poison;
    const stuckInDlq = run.dlqReplayed && !decodesPoison('registry', seg.poisonKind) ? poison : 0;
    const delivered = total - undecodable - stuckInDlq;
    into.delivered += delivered;
    if (run.onError === 'skip') into.lost += undecodable;
    else into.dlq += undecodable;
    into.dlq += stuckInDlq;
    if (run.readerMode === 'pinned' && seg.writerVersion > pinnedVersion) {
      for (const { column, fraction } of impacts.get(seg.writerVersion)?.nullColumns ?? []) {
        into.nulls[column] = (into.nulls[column] ?? 0) + Math.floor(delivered * fraction);
      }
    }
    addSourceNulls(seg, delivered, into);
  }
}

/** How many records in [lo, hi) both runs delivered: re-deliveries that may be duplicates. */
export function countRedelivered(older: LedgerRun, newer: LedgerRun, segments: Segment[], lo: number, hi: number, end: number): number {
  if (older.skipped || newer.skipped) return 0;
  let n = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as Segment;
    const a = Math.max(lo, seg.from);
    const b = Math.min(hi, segmentEnd(segments, i, end));
    if (a >= b) continue;
    const poison = countPoison(seg, a, b);
    const oldDecodes = older.dlqReplayed ? decodesPoison('registry', seg.poisonKind) : decodesPoison(older.readerMode, seg.poisonKind);
    const newDecodes = decodesPoison(newer.readerMode, seg.poisonKind);
    n += b - a - poison + (oldDecodes && newDecodes ? poison : 0);
  }
  return n;
}
