import type { PinnedReaderImpact } from '../scenario-lookup';
import type { LedgerRun, Segment } from '../state';
import { countRange, countRedelivered, type RangeCounts } from './record-math';

/** Whether two runs process records the same way, so they can be merged. */
function sameRegime(a: LedgerRun, b: LedgerRun): boolean {
  return a.readerMode === b.readerMode && a.onError === b.onError && a.skipped === b.skipped && a.dlqReplayed === b.dlqReplayed;
}

/**
 * Records that [run.from, run.to) was processed under `run`, replacing whatever the ledger
 * said about those offsets. A re-delivery into an appending sink adds duplicate rows to the
 * range; below `overwriteUntil` the sink's partitions are overwritten, which also removes any
 * duplicates that range held.
 */
export function writeRun(ledger: LedgerRun[], run: LedgerRun, segments: Segment[], logEnd: number, overwriteUntil: number): void {
  if (run.to <= run.from) return;
  const last = ledger[ledger.length - 1];
  if (!last || last.to <= run.from) {
    // The common case: new offsets past everything processed so far.
    pushMerged(ledger, { ...run, duplicates: 0 });
    return;
  }
  const out: LedgerRun[] = [];
  let cursor = run.from;
  const fresh = (from: number, to: number) => {
    if (to > from) pushMerged(out, { ...run, from, to, duplicates: 0 });
  };
  for (const old of ledger) {
    if (old.to <= run.from || old.from >= run.to) {
      if (old.from >= run.to && cursor < run.to) {
        fresh(cursor, run.to);
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
    fresh(cursor, lo);
    const split = Math.min(hi, Math.max(lo, overwriteUntil));
    // [lo, split) overwrites the sink's partitions; [split, hi) appends on top of what is there.
    if (split > lo) pushMerged(out, { ...run, from: lo, to: split, duplicates: 0 });
    if (hi > split) {
      const kept = Math.round((middle * (hi - split)) / (hi - lo));
      pushMerged(out, { ...run, from: split, to: hi, duplicates: kept + countRedelivered(old, run, segments, split, hi, logEnd) });
    }
    cursor = hi;
    if (old.to > hi) pushMerged(out, { ...old, from: hi, duplicates: right });
  }
  fresh(cursor, run.to);
  ledger.length = 0;
  ledger.push(...out);
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
  impacts: ReadonlyMap<number, PinnedReaderImpact>,
  pinnedVersion: number,
  into: RangeCounts,
): void {
  for (const run of ledger) {
    countRange(run, segments, run.from, run.to, logEnd, impacts, pinnedVersion, into);
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
