import type { LedgerRun, Segment } from '../state';
import { countRange, countRedelivered, type RangeCounts } from './record-math';
import type { JobReader } from './job-reader';

/** Whether two runs process records the same way, so they can be merged. */
function sameRegime(a: LedgerRun, b: LedgerRun): boolean {
  return a.readerMode === b.readerMode && a.onError === b.onError && a.skipped === b.skipped && a.dlqReplayed === b.dlqReplayed;
}

/**
 * Records that [run.from, run.to) was processed under `run`, replacing whatever the ledger
 * said about those offsets. A re-delivery into an appending sink adds duplicate rows to the
 * range; below `overwriteUntil` the sink's partitions are overwritten, which also removes any
 * duplicates that range held. A sink that MERGEs on the event id (`merge`) adds no rows for a
 * re-delivered record, and keeps whatever duplicates the range already held: a MERGE matches
 * every copy, it does not delete them.
 */
export function writeRun(ledger: LedgerRun[], run: LedgerRun, segments: Segment[], logEnd: number, overwriteUntil: number, reader: JobReader, merge = false): void {
  if (run.to <= run.from) return;
  const last = ledger[ledger.length - 1];
  if (!last || last.to <= run.from) {
    // The common case: new offsets past everything processed so far.
    pushMerged(ledger, piece(run, run.from, run.to, 0));
    return;
  }
  // Only the runs touching [run.from, run.to), plus one neighbour each side to merge with, are rebuilt.
  let first = 0;
  while (first < ledger.length && (ledger[first] as LedgerRun).to <= run.from) first += 1;
  let end = first;
  while (end < ledger.length && (ledger[end] as LedgerRun).from < run.to) end += 1;
  const start = Math.max(0, first - 1);
  const stop = Math.min(ledger.length, end + 1);
  const out: LedgerRun[] = [];
  let cursor = run.from;
  for (let i = start; i < stop; i++) {
    const old = ledger[i] as LedgerRun;
    if (old.to <= run.from || old.from >= run.to) {
      if (old.from >= run.to && cursor < run.to) {
        pushFresh(out, run, cursor, run.to);
        cursor = run.to;
      }
      pushMerged(out, piece(old, old.from, old.to, old.duplicates));
      continue;
    }
    const lo = Math.max(old.from, run.from);
    const hi = Math.min(old.to, run.to);
    const left = old.from < lo ? share(old, old.from, lo) : 0;
    const right = old.to > hi ? share(old, hi, old.to) : 0;
    const middle = old.duplicates - left - right;
    if (old.from < lo) pushMerged(out, piece(old, old.from, lo, left));
    pushFresh(out, run, cursor, lo);
    const split = Math.min(hi, Math.max(lo, overwriteUntil));
    // [lo, split) overwrites the sink's partitions; [split, hi) appends on top of what is there.
    if (split > lo) pushMerged(out, piece(run, lo, split, 0));
    if (hi > split) {
      const kept = Math.round((middle * (hi - split)) / (hi - lo));
      pushMerged(out, piece(run, split, hi, kept + (merge ? 0 : countRedelivered(old, run, segments, split, hi, logEnd, reader))));
    }
    cursor = hi;
    if (old.to > hi) pushMerged(out, piece(old, hi, old.to, right));
  }
  if (cursor < run.to) pushFresh(out, run, cursor, run.to);
  ledger.splice(start, stop - start, ...out);
}

// Offsets the ledger had not seen before: processed once, no duplicates.
function pushFresh(out: LedgerRun[], run: LedgerRun, from: number, to: number): void {
  if (to > from) pushMerged(out, piece(run, from, to, 0));
}

// A run's duplicates are spread evenly over its offsets, so a part holds its share of them.
function share(run: LedgerRun, from: number, to: number): number {
  return Math.round((run.duplicates * (to - from)) / Math.max(1, run.to - run.from));
}

// Runs merge only when their duplicates are spread equally thick, so that where the duplicates sit is never blurred.
function sameDensity(a: LedgerRun, b: LedgerRun): boolean {
  return a.duplicates * (b.to - b.from) === b.duplicates * (a.to - a.from);
}

// A run's regime over [from, to), written out field by field (faster than a spread), in the order every run's fields have.
function piece(run: LedgerRun, from: number, to: number, duplicates: number): LedgerRun {
  return { from, to, readerMode: run.readerMode, onError: run.onError, skipped: run.skipped, dlqReplayed: run.dlqReplayed, duplicates };
}

// Appends a run made for `out` (it is not copied), or grows the last run over it when the two merge.
function pushMerged(out: LedgerRun[], run: LedgerRun): void {
  const last = out[out.length - 1];
  if (last && last.to === run.from && sameRegime(last, run) && sameDensity(last, run)) {
    last.to = run.to;
    last.duplicates += run.duplicates;
  } else {
    out.push(run);
  }
}

/**
 * What each run of one partition's ledger counted to, by position, and what it was counted from.
 * Accounting reads every run on every tick, yet a tick mostly changes the newest run only, so the
 * others' counts are reused while their fields and the partition's segments stay the same.
 */
export interface LedgerMemo {
  ledger: LedgerRun[] | null;
  reader: JobReader | null;
  segments: Segment[] | null;
  /** Each segment and its nulls when counted (repaired nulls are deleted in place). */
  seen: Segment[];
  seenNulls: (Segment['nulls'] | undefined)[];
  /** Per run: from, to, reader mode, error mode, skipped, replayed (NaN: not remembered). */
  keys: number[];
  delivered: number[];
  dlq: number[];
  lost: number[];
  nulls: ([string, number][] | null)[];
}

const runFields = 6;

/** An empty memo for one partition's ledger. */
export function emptyLedgerMemo(): LedgerMemo {
  return { ledger: null, reader: null, segments: null, seen: [], seenNulls: [], keys: [], delivered: [], dlq: [], lost: [], nulls: [] };
}

// Whether the memo was made for this ledger, reader and segments, each segment as it was.
function memoApplies(memo: LedgerMemo, ledger: LedgerRun[], segments: Segment[], reader: JobReader): boolean {
  if (memo.ledger !== ledger || memo.reader !== reader || memo.segments !== segments || memo.seen.length !== segments.length) return false;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as Segment;
    if (seg !== memo.seen[i] || seg.nulls !== memo.seenNulls[i]) return false;
  }
  return true;
}

function resetMemo(memo: LedgerMemo, ledger: LedgerRun[], segments: Segment[], reader: JobReader): void {
  memo.ledger = ledger;
  memo.reader = reader;
  memo.segments = segments;
  memo.seen = segments.slice();
  memo.seenNulls = segments.map((seg) => seg.nulls);
  memo.keys = [];
}

/**
 * Sums the buckets of every record the ledger covers. With a memo, runs counted before and
 * unchanged since are not counted again; the sums are whole numbers, so they come out the same.
 */
export function countLedger(ledger: LedgerRun[], segments: Segment[], logEnd: number, reader: JobReader, into: RangeCounts, memo?: LedgerMemo): void {
  // The newest run is the one a tick grows: it is always counted afresh, and alone needs no memo.
  const newest = ledger.length - 1;
  if (!memo || newest < 1) {
    for (const run of ledger) {
      countRange(run, segments, run.from, run.to, logEnd, reader, into);
      into.duplicates += run.duplicates;
    }
    return;
  }
  if (!memoApplies(memo, ledger, segments, reader)) resetMemo(memo, ledger, segments, reader);
  const keys = memo.keys;
  for (let k = 0; k < newest; k++) {
    const run = ledger[k] as LedgerRun;
    into.duplicates += run.duplicates;
    const at = k * runFields;
    const mode = run.readerMode === 'pinned' ? 0 : 1;
    const onError = run.onError === 'fail' ? 0 : run.onError === 'dlq' ? 1 : 2;
    const skipped = run.skipped ? 1 : 0;
    const replayed = run.dlqReplayed ? 1 : 0;
    const known = at < keys.length && keys[at] === run.from && keys[at + 1] === run.to && keys[at + 2] === mode && keys[at + 3] === onError && keys[at + 4] === skipped && keys[at + 5] === replayed;
    if (!known) {
      const counts: RangeCounts = { delivered: 0, duplicates: 0, dlq: 0, lost: 0, nulls: {} };
      countRange(run, segments, run.from, run.to, logEnd, reader, counts);
      const entries = Object.entries(counts.nulls);
      // Only whole counts (which add up the same in any order) within the log end are remembered.
      const whole = run.to <= logEnd && Number.isInteger(counts.delivered) && Number.isInteger(counts.dlq) && Number.isInteger(counts.lost) && entries.every(([, n]) => Number.isInteger(n));
      if (!whole) {
        keys[at] = NaN;
        countRange(run, segments, run.from, run.to, logEnd, reader, into);
        continue;
      }
      keys[at] = run.from;
      keys[at + 1] = run.to;
      keys[at + 2] = mode;
      keys[at + 3] = onError;
      keys[at + 4] = skipped;
      keys[at + 5] = replayed;
      memo.delivered[k] = counts.delivered;
      memo.dlq[k] = counts.dlq;
      memo.lost[k] = counts.lost;
      memo.nulls[k] = entries.length > 0 ? entries : null;
    }
    into.delivered += memo.delivered[k] as number;
    into.dlq += memo.dlq[k] as number;
    into.lost += memo.lost[k] as number;
    const nulls = memo.nulls[k];
    if (nulls !== null && nulls !== undefined) {
      for (let j = 0; j < nulls.length; j++) {
        const entry = nulls[j] as [string, number];
        into.nulls[entry[0]] = (into.nulls[entry[0]] ?? 0) + entry[1];
      }
    }
  }
  const run = ledger[newest] as LedgerRun;
  countRange(run, segments, run.from, run.to, logEnd, reader, into);
  into.duplicates += run.duplicates;
}

/** Marks every dead-lettered record the current reader can decode as delivered. */
export function markDlqReplayed(ledger: LedgerRun[], readerMode: 'pinned' | 'registry'): boolean {
  if (readerMode !== 'registry') return false;
  let changed = false;
  for (const run of ledger) {
    if (!run.skipped && run.onError === 'dlq' && !run.dlqReplayed) {
      run.dlqReplayed = true;
      changed = true;
    }
  }
  return changed;
}
