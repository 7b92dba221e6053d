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
    pushMerged(ledger, { ...run, duplicates: 0 });
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
      pushMerged(out, old);
      continue;
    }
    const lo = Math.max(old.from, run.from);
    const hi = Math.min(old.to, run.to);
    const left = old.from < lo ? share(old, old.from, lo) : 0;
    const right = old.to > hi ? share(old, hi, old.to) : 0;
    const middle = old.duplicates - left - right;
    if (old.from < lo) pushMerged(out, { ...old, to: lo, duplicates: left });
    pushFresh(out, run, cursor, lo);
    const split = Math.min(hi, Math.max(lo, overwriteUntil));
    // [lo, split) overwrites the sink's partitions; [split, hi) appends on top of what is there.
    if (split > lo) pushMerged(out, { ...run, from: lo, to: split, duplicates: 0 });
    if (hi > split) {
      const kept = Math.round((middle * (hi - split)) / (hi - lo));
      pushMerged(out, { ...run, from: split, to: hi, duplicates: kept + (merge ? 0 : countRedelivered(old, run, segments, split, hi, logEnd, reader)) });
    }
    cursor = hi;
    if (old.to > hi) pushMerged(out, { ...old, from: hi, duplicates: right });
  }
  if (cursor < run.to) pushFresh(out, run, cursor, run.to);
  ledger.splice(start, stop - start, ...out);
}

// Offsets the ledger had not seen before: processed once, no duplicates.
function pushFresh(out: LedgerRun[], run: LedgerRun, from: number, to: number): void {
  if (to > from) pushMerged(out, { ...run, from, to, duplicates: 0 });
}

// A run's duplicates are spread evenly over its offsets, so a part holds its share of them.
function share(run: LedgerRun, from: number, to: number): number {
  return Math.round((run.duplicates * (to - from)) / Math.max(1, run.to - run.from));
}

// Runs merge only when their duplicates are spread equally thick, so that where the duplicates sit is never blurred.
function sameDensity(a: LedgerRun, b: LedgerRun): boolean {
  return a.duplicates * (b.to - b.from) === b.duplicates * (a.to - a.from);
}

function pushMerged(out: LedgerRun[], run: LedgerRun): void {
  const last = out[out.length - 1];
  if (last && last.to === run.from && sameRegime(last, run) && sameDensity(last, run)) {
    last.to = run.to;
    last.duplicates += run.duplicates;
  } else {
    out.push({ ...run });
  }
}

/** Sums the buckets of every record the ledger covers. */
export function countLedger(
  ledger: LedgerRun[],
  segments: Segment[],
  logEnd: number,
  reader: JobReader,
  into: RangeCounts,
): void {
  for (const run of ledger) {
    countRange(run, segments, run.from, run.to, logEnd, reader, into);
    into.duplicates += run.duplicates;
  }
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
