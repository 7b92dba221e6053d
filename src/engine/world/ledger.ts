import type { PinnedReaderImpact } from '../scenario-lookup';
import type { LedgerRun, Segment } from '../state';
import { countRange, countRedelivered, type RangeCounts } from './record-math';

/** Whether two runs process records the same way, so they can be merged. */
function sameRegime(a: LedgerRun, b: LedgerRun): boolean {
  return a.readerMode === b.readerMode && a.onError === b.onError && a.skipped === b.skipped && a.dlqReplayed === b.dlqReplayed;
}

/**
 * Records that [run.from, run.to) was processed under `run`, replacing whatever the ledger
 * said about those offsets. Returns how many records were delivered a second time into an
 * appending sink (duplicates); re-deliveries below `overwriteUntil` overwrite and do not count.
 */
export function writeRun(
  ledger: LedgerRun[],
  run: LedgerRun,
  segments: Segment[],
  logEnd: number,
  overwriteUntil: number,
): number {
  if (run.to <= run.from) return 0;
  const last = ledger[ledger.length - 1];
  if (!last || last.to <= run.from) {
    // The common case: new offsets past everything processed so far.
    if (last && last.to === run.from && sameRegime(last, run)) last.to = run.to;
    else ledger.push({ ...run });
    return 0;
  }
  let duplicates = 0;
  const out: LedgerRun[] = [];
  let inserted = false;
  for (const old of ledger) {
    if (old.to <= run.from || old.from >= run.to) {
      if (!inserted && old.from >= run.to) {
        pushMerged(out, run);
        inserted = true;
      }
      pushMerged(out, old);
      continue;
    }
    const lo = Math.max(old.from, run.from);
    const hi = Math.min(old.to, run.to);
    // Re-deliveries below overwriteUntil replace sink partitions; above it they append.
    const appendLo = Math.max(lo, overwriteUntil);
    if (appendLo < hi) duplicates += countRedelivered(old, run, segments, appendLo, hi, logEnd);
    if (old.from < run.from) pushMerged(out, { ...old, to: run.from });
    if (!inserted) {
      pushMerged(out, run);
      inserted = true;
    }
    if (old.to > run.to) pushMerged(out, { ...old, from: run.to });
  }
  if (!inserted) pushMerged(out, run);
  ledger.length = 0;
  ledger.push(...out);
  return duplicates;
}

function pushMerged(out: LedgerRun[], run: LedgerRun): void {
  const last = out[out.length - 1];
  if (last && last.to === run.from && sameRegime(last, run)) {
    last.to = run.to;
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
  for (const run of ledger) countRange(run, segments, run.from, run.to, logEnd, impacts, pinnedVersion, into);
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
