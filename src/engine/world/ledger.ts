import type { LedgerRun, Segment } from '../state';
import { countRedelivered } from './record-math';
import type { JobReader } from './job-reader';
import { widenNumberFields } from '../number-fields';

/** How a run's records were processed: everything about a run but its offsets and duplicates. */
export type Regime = Pick<LedgerRun, 'readerMode' | 'onError' | 'skipped' | 'dlqReplayed'>;

/** Whether two runs process records the same way, so they can be merged. */
function sameRegime(a: Regime, b: Regime): boolean {
  return a.readerMode === b.readerMode && a.onError === b.onError && a.skipped === b.skipped && a.dlqReplayed === b.dlqReplayed;
}

/**
 * Records that [from, to) was processed under `regime`, replacing whatever the ledger said about
 * those offsets. A re-delivery into an appending sink adds duplicate rows to the range; below
 * `overwriteUntil` the sink's partitions are overwritten, which also removes any duplicates that
 * range held. A sink that MERGEs on the event id (`merge`) adds no rows for a re-delivered record,
 * and keeps whatever duplicates the range already held: a MERGE matches every copy, it does not
 * delete them.
 */
export function writeRun(ledger: LedgerRun[], from: number, to: number, regime: Regime, segments: Segment[], logEnd: number, overwriteUntil: number, reader: JobReader, merge = false): void {
  if (to <= from) return;
  const last = ledger[ledger.length - 1];
  if (!last || last.to <= from) {
    // The common case, every tick: new offsets past everything processed so far. Merging grows the
    // last run in place (with no duplicates added, the two are as thick only when it holds none either).
    if (last && last.to === from && sameRegime(last, regime) && last.duplicates === 0) last.to = to;
    else ledger.push(piece(regime, from, to, 0));
    return;
  }
  let first = 0;
  while (first < ledger.length && (ledger[first] as LedgerRun).to <= from) first += 1;
  if (growsPrevious(ledger, first, from, to, regime, overwriteUntil)) {
    // What a backfill does every tick: the run before grows over [from, to), the run there shrinks.
    const before = ledger[first - 1] as LedgerRun;
    const old = ledger[first] as LedgerRun;
    before.to = to;
    old.duplicates = share(old, to, old.to);
    old.from = to;
    noteRewrite(ledger, first - 1);
    return;
  }
  rewriteRuns(ledger, first, from, to, regime, segments, logEnd, overwriteUntil, reader, merge);
}

/**
 * Whether writing [from, to) over run `first` comes down to growing the run before it: the write
 * starts where that run starts and ends inside it, overwrites the sink's partitions all the way
 * (no duplicates), and is processed like the run before, which ends at `from` and holds no
 * duplicates. The rebuild would then merge the write into the run before, keep the rest of run
 * `first` as its own run (its regime differs) and merge nothing after it.
 */
function growsPrevious(ledger: LedgerRun[], first: number, from: number, to: number, regime: Regime, overwriteUntil: number): boolean {
  const before = ledger[first - 1];
  const old = ledger[first];
  if (!before || !old || old.from !== from || old.to <= to || overwriteUntil < to) return false;
  if (before.to !== from || before.duplicates !== 0 || !sameRegime(before, regime) || sameRegime(old, regime)) return false;
  const after = ledger[first + 1];
  if (!after || after.from !== old.to || !sameRegime(after, old)) return true;
  // The rest of run `first` would merge with the run after it if the two came out as thick.
  const rest = share(old, to, old.to);
  return rest * (after.to - after.from) !== after.duplicates * (old.to - to);
}

/**
 * The general write over processed offsets: only the runs touching [from, to), plus one neighbour
 * each side to merge with, are rebuilt. `first` is the first run ending after `from`. Exported so
 * tests can hold writeRun's shortcut to it.
 */
export function rewriteRuns(ledger: LedgerRun[], first: number, from: number, to: number, regime: Regime, segments: Segment[], logEnd: number, overwriteUntil: number, reader: JobReader, merge: boolean): void {
  let end = first;
  while (end < ledger.length && (ledger[end] as LedgerRun).from < to) end += 1;
  const start = Math.max(0, first - 1);
  const stop = Math.min(ledger.length, end + 1);
  const out: LedgerRun[] = [];
  let cursor = from;
  for (let i = start; i < stop; i++) {
    const old = ledger[i] as LedgerRun;
    if (old.to <= from || old.from >= to) {
      if (old.from >= to && cursor < to) {
        pushFresh(out, regime, cursor, to);
        cursor = to;
      }
      pushMerged(out, piece(old, old.from, old.to, old.duplicates));
      continue;
    }
    const lo = Math.max(old.from, from);
    const hi = Math.min(old.to, to);
    const left = old.from < lo ? share(old, old.from, lo) : 0;
    const right = old.to > hi ? share(old, hi, old.to) : 0;
    const middle = old.duplicates - left - right;
    if (old.from < lo) pushMerged(out, piece(old, old.from, lo, left));
    pushFresh(out, regime, cursor, lo);
    const split = Math.min(hi, Math.max(lo, overwriteUntil));
    // [lo, split) overwrites the sink's partitions; [split, hi) appends on top of what is there.
    if (split > lo) pushMerged(out, piece(regime, lo, split, 0));
    if (hi > split) {
      const kept = Math.round((middle * (hi - split)) / (hi - lo));
      pushMerged(out, piece(regime, split, hi, kept + (merge ? 0 : countRedelivered(old, regime, segments, split, hi, logEnd, reader))));
    }
    cursor = hi;
    if (old.to > hi) pushMerged(out, piece(old, hi, old.to, right));
  }
  if (cursor < to) pushFresh(out, regime, cursor, to);
  ledger.splice(start, stop - start, ...out);
  noteRewrite(ledger, start);
}

// Offsets the ledger had not seen before: processed once, no duplicates.
function pushFresh(out: LedgerRun[], regime: Regime, from: number, to: number): void {
  if (to > from) pushMerged(out, piece(regime, from, to, 0));
}

// A run's duplicates are spread evenly over its offsets, so a part holds its share of them.
function share(run: LedgerRun, from: number, to: number): number {
  return Math.round((run.duplicates * (to - from)) / Math.max(1, run.to - run.from));
}

// Runs merge only when their duplicates are spread equally thick, so that where the duplicates sit is never blurred.
function sameDensity(a: LedgerRun, b: LedgerRun): boolean {
  return a.duplicates * (b.to - b.from) === b.duplicates * (a.to - a.from);
}

// A regime over [from, to).
function piece(regime: Regime, from: number, to: number, duplicates: number): LedgerRun {
  return ledgerRun(from, to, regime.readerMode, regime.onError, regime.skipped, regime.dlqReplayed, duplicates);
}

/** A ledger run. Every run is made here, by one literal, so the code reading ledgers sees one object shape. */
export function ledgerRun(from: number, to: number, readerMode: LedgerRun['readerMode'], onError: LedgerRun['onError'], skipped: boolean, dlqReplayed: boolean, duplicates: number): LedgerRun {
  return { from, to, readerMode, onError, skipped, dlqReplayed, duplicates };
}

// Offsets read from a double array arrive boxed (see number-fields.ts).
widenNumberFields((n) => ledgerRun(n, n, 'pinned', 'fail', false, false, n));

// Every regime there is, made once: each tick writes a run per partition under one of them. They
// are found by position, not by name: looking the names up was a megamorphic keyed load per partition.
const readerModes = ['pinned', 'registry'] as const;
const errorModes = ['fail', 'dlq', 'skip'] as const;
const regimes: Regime[] = readerModes.flatMap((readerMode) => errorModes.flatMap((onError) => [0, 1, 2, 3].map((k): Regime => ({ readerMode, onError, skipped: (k & 1) === 1, dlqReplayed: (k & 2) === 2 }))));

/** The regime with these settings (shared, never changed). */
export function regimeOf(readerMode: Regime['readerMode'], onError: Regime['onError'], skipped: boolean, dlqReplayed: boolean): Regime {
  const r = readerMode === 'pinned' ? 0 : readerMode === 'registry' ? 1 : -1;
  const e = onError === 'fail' ? 0 : onError === 'dlq' ? 1 : onError === 'skip' ? 2 : -1;
  if (r < 0 || e < 0) return { readerMode, onError, skipped, dlqReplayed };
  return regimes[(r * errorModes.length + e) * 4 + (skipped ? 1 : 0) + (dlqReplayed ? 2 : 0)] as Regime;
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

// How many rewrites of a ledger are remembered: a memo that has missed more trusts none of its runs.
const rewriteRing = 64;

/** The writes that changed a ledger's runs other than its last: how many, and the lowest index each changed. */
export interface Rewrites {
  count: number;
  lowest: number[];
}

// Kept beside the state, not in it: a copied state has new ledger arrays, and its memos start afresh.
const rewrites = new WeakMap<LedgerRun[], Rewrites>();

/**
 * Notes that a write changed runs from index `from` on. A ledger changes only here in ledger.ts:
 * appending grows or adds its last run (which ledger-count.ts never trusts), while a write over processed
 * offsets, a DLQ replay and a dedupe change earlier runs and say so through this.
 */
function noteRewrite(ledger: LedgerRun[], from: number): void {
  const r = rewritesOf(ledger);
  r.lowest[r.count % rewriteRing] = from;
  r.count += 1;
}

/** A ledger's record of rewrites, made empty on first ask. It stays the same object, so a memo may keep it and read its count later. */
export function rewritesOf(ledger: LedgerRun[]): Rewrites {
  let r = rewrites.get(ledger);
  if (!r) {
    r = { count: 0, lowest: [] };
    rewrites.set(ledger, r);
  }
  return r;
}

/** The lowest run index the rewrites since the `seen`-th changed (Infinity: none; 0 when too many to tell). */
export function rewrittenFrom(r: Rewrites, seen: number): number {
  if (r.count === seen) return Infinity;
  if (r.count - seen > rewriteRing) return 0;
  let lowest = Infinity;
  for (let j = seen; j < r.count; j++) lowest = Math.min(lowest, r.lowest[j % rewriteRing] as number);
  return lowest;
}

/** Marks every dead-lettered record the current reader can decode as delivered. */
export function markDlqReplayed(ledger: LedgerRun[], readerMode: 'pinned' | 'registry'): boolean {
  if (readerMode !== 'registry') return false;
  let first = -1;
  ledger.forEach((run, k) => {
    if (!run.skipped && run.onError === 'dlq' && !run.dlqReplayed) {
      run.dlqReplayed = true;
      if (first < 0) first = k;
    }
  });
  if (first >= 0) noteRewrite(ledger, first);
  return first >= 0;
}

/** A dedupe removed the sink's duplicate rows: no run holds any now. Returns how many were removed. */
export function clearDuplicates(ledger: LedgerRun[]): number {
  let removed = 0;
  let first = -1;
  ledger.forEach((run, k) => {
    if (run.duplicates !== 0 && first < 0) first = k;
    removed += run.duplicates;
    run.duplicates = 0;
  });
  if (first >= 0) noteRewrite(ledger, first);
  return removed;
}
