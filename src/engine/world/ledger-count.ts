import type { LedgerRun, Segment } from '../state';
import type { JobReader } from './job-reader';
import { rewritesOf, rewrittenFrom, type Rewrites } from './ledger';
import { countRange, type RangeCounts } from './record-math';

/**
 * What each run of one partition's ledger counted to, by position, and what it was counted from.
 * Accounting reads every run on every tick, yet a tick mostly changes the newest run only, so the
 * others' counts are reused while their fields and the partition's segments stay the same. Runs
 * below `trusted` were checked and no write has rewritten them since, so they are not even read.
 */
export interface LedgerMemo {
  ledger: LedgerRun[] | null;
  reader: JobReader | null;
  segments: Segment[] | null;
  /** Each segment and its nulls when counted (repaired nulls are deleted in place). */
  seen: Segment[];
  seenNulls: (Segment['nulls'] | undefined)[];
  /** Per run: from, to and its regime key (NaN: not remembered). */
  keys: number[];
  delivered: number[];
  dlq: number[];
  lost: number[];
  nulls: ([string, number][] | null)[];
  /** Per run: its duplicates when checked. */
  duplicates: number[];
  /** How many leading runs were checked and found whole, with no rewrite among them since. */
  trusted: number;
  /** How many rewrites of the ledger the memo has taken into account, and the ledger's record of them. */
  rewritesSeen: number;
  rewrites: Rewrites | null;
  /** What the newest run's passed segments added when last counted, for its start and regime. */
  newest: { from: number; regime: number; segments: number; delivered: number; dlq: number; lost: number; nulls: [string, number][] } | null;
  /** What the first `runs` trusted runs add up to, nulls by column in the order they first appear. */
  sums: { runs: number; delivered: number; dlq: number; lost: number; duplicates: number; nulls: [string, number][] };
}

const runFields = 3;

/** An empty memo for one partition's ledger. */
export function emptyLedgerMemo(): LedgerMemo {
  return { ledger: null, reader: null, segments: null, seen: [], seenNulls: [], keys: [], delivered: [], dlq: [], lost: [], nulls: [], duplicates: [], trusted: 0, rewritesSeen: 0, rewrites: null, newest: null, sums: noSums() };
}

function noSums(): LedgerMemo['sums'] {
  return { runs: 0, delivered: 0, dlq: 0, lost: 0, duplicates: 0, nulls: [] };
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
  memo.trusted = 0;
  memo.newest = null;
  memo.sums = noSums();
  memo.rewrites = rewritesOf(ledger);
  memo.rewritesSeen = memo.rewrites.count;
}

/**
 * Sums the buckets of every record the ledger covers. With a memo, runs counted before and
 * unchanged since are not counted again; the sums are whole numbers, so they come out the same.
 */
export function countLedger(ledger: LedgerRun[], segments: Segment[], logEnd: number, reader: JobReader, into: RangeCounts, memo?: LedgerMemo): void {
  // The newest run is the one a tick grows: it is counted afresh, but for the segments it has passed
  // (a lone run over one segment has nothing to remember).
  const newest = ledger.length - 1;
  if (!memo || newest < 0 || (newest === 0 && segments.length === 1)) {
    for (const run of ledger) {
      countRange(run, segments, run.from, run.to, logEnd, reader, into);
      into.duplicates += run.duplicates;
    }
    return;
  }
  if (!memoApplies(memo, ledger, segments, reader)) resetMemo(memo, ledger, segments, reader);
  else {
    const rewrites = memo.rewrites ?? rewritesOf(ledger);
    memo.trusted = Math.min(memo.trusted, rewrittenFrom(rewrites, memo.rewritesSeen));
    memo.rewritesSeen = rewrites.count;
  }
  const keys = memo.keys;
  const trusted = Math.min(memo.trusted, newest);
  memo.trusted = trusted;
  const sums = sumTrusted(memo, trusted);
  if (wholeSoFar(into, sums)) {
    // Whole numbers add up the same at once as one by one.
    into.delivered += sums.delivered;
    into.dlq += sums.dlq;
    into.lost += sums.lost;
    into.duplicates += sums.duplicates;
    for (const [column, n] of sums.nulls) into.nulls[column] = (into.nulls[column] ?? 0) + n;
  } else {
    // Trusted runs add what they counted to, in the same order as a count would.
    for (let k = 0; k < trusted; k++) {
      into.duplicates += memo.duplicates[k] as number;
      addRemembered(memo, k, into);
    }
  }
  for (let k = trusted; k < newest; k++) {
    const run = ledger[k] as LedgerRun;
    into.duplicates += run.duplicates;
    const at = k * runFields;
    const regime = regimeKey(run);
    const known = at < keys.length && keys[at] === run.from && keys[at + 1] === run.to && keys[at + 2] === regime;
    if (!known) {
      const counts: RangeCounts = { delivered: 0, duplicates: 0, dlq: 0, lost: 0, nulls: {} };
      countRange(run, segments, run.from, run.to, logEnd, reader, counts);
      const entries = Object.entries(counts.nulls);
      // Only whole counts (which add up the same in any order) within the log end are remembered.
      const whole = run.to <= logEnd && wholeCounts(counts, entries);
      if (!whole) {
        keys[at] = NaN;
        countRange(run, segments, run.from, run.to, logEnd, reader, into);
        continue;
      }
      keys[at] = run.from;
      keys[at + 1] = run.to;
      keys[at + 2] = regime;
      memo.delivered[k] = counts.delivered;
      memo.dlq[k] = counts.dlq;
      memo.lost[k] = counts.lost;
      memo.nulls[k] = entries.length > 0 ? entries : null;
    }
    addRemembered(memo, k, into);
    // A checked whole run right after the trusted ones joins them (its duplicates are whole too: rounded shares).
    if (k === memo.trusted && Number.isInteger(run.duplicates)) {
      memo.duplicates[k] = run.duplicates;
      memo.trusted = k + 1;
    }
  }
  countNewest(memo, ledger[newest] as LedgerRun, segments, logEnd, reader, into);
}

/**
 * Counts the newest run, which a tick grows at its end: the segments it has passed (all but the
 * partition's last, ending at or before its end) added the same as last time while its start and
 * regime stay, so only the segments from there on are counted.
 */
function countNewest(memo: LedgerMemo, run: LedgerRun, segments: Segment[], logEnd: number, reader: JobReader, into: RangeCounts): void {
  into.duplicates += run.duplicates;
  let passed = 0;
  while (passed < segments.length - 1 && (segments[passed + 1] as Segment).from <= run.to) passed += 1;
  const head = memo.newest;
  const key = regimeKey(run);
  if (head === null || head.from !== run.from || head.regime !== key || head.segments > passed) {
    memo.newest = null;
    if (passed === 0) return countRange(run, segments, run.from, run.to, logEnd, reader, into);
    const sums: RangeCounts = { delivered: 0, duplicates: 0, dlq: 0, lost: 0, nulls: {} };
    countRange(run, segments, run.from, (segments[passed] as Segment).from, logEnd, reader, sums);
    const nulls = Object.entries(sums.nulls);
    if (wholeCounts(sums, nulls)) {
      memo.newest = { from: run.from, regime: key, segments: passed, delivered: sums.delivered, dlq: sums.dlq, lost: sums.lost, nulls };
    }
    return countRange(run, segments, run.from, run.to, logEnd, reader, into);
  }
  if (head.segments < passed) {
    // More segments passed since: what they add joins what is remembered.
    const more: RangeCounts = { delivered: 0, duplicates: 0, dlq: 0, lost: 0, nulls: Object.fromEntries(head.nulls) };
    countRange(run, segments, run.from, (segments[passed] as Segment).from, logEnd, reader, more, head.segments);
    const nulls = Object.entries(more.nulls);
    if (!wholeCounts(more, nulls)) {
      memo.newest = null;
      return countRange(run, segments, run.from, run.to, logEnd, reader, into);
    }
    memo.newest = head;
    head.segments = passed;
    head.delivered += more.delivered;
    head.dlq += more.dlq;
    head.lost += more.lost;
    head.nulls = nulls;
  }
  const sums = { delivered: head.delivered, dlq: head.dlq, lost: head.lost, duplicates: 0, nulls: head.nulls, runs: 0 };
  if (!wholeSoFar(into, sums)) return countRange(run, segments, run.from, run.to, logEnd, reader, into);
  into.delivered += head.delivered;
  into.dlq += head.dlq;
  into.lost += head.lost;
  for (const [column, n] of head.nulls) into.nulls[column] = (into.nulls[column] ?? 0) + n;
  countRange(run, segments, run.from, run.to, logEnd, reader, into, passed);
}

// Whether counts are whole numbers, which add up the same in any order.
function wholeCounts(c: RangeCounts, nulls: [string, number][]): boolean {
  return Number.isInteger(c.delivered) && Number.isInteger(c.dlq) && Number.isInteger(c.lost) && nulls.every(([, n]) => Number.isInteger(n));
}

// A run's reader mode, error mode, skipped and replayed flags as one number.
function regimeKey(run: LedgerRun): number {
  return (run.readerMode === 'pinned' ? 0 : 1) + (run.onError === 'fail' ? 0 : run.onError === 'dlq' ? 2 : 4) + (run.skipped ? 8 : 0) + (run.dlqReplayed ? 16 : 0);
}

// What the first `trusted` runs add up to: the sums kept so far, grown over newly trusted runs or made again after a rewrite.
function sumTrusted(memo: LedgerMemo, trusted: number): LedgerMemo['sums'] {
  if (memo.sums.runs > trusted) memo.sums = noSums();
  const sums = memo.sums;
  for (let k = sums.runs; k < trusted; k++) {
    sums.delivered += memo.delivered[k] as number;
    sums.dlq += memo.dlq[k] as number;
    sums.lost += memo.lost[k] as number;
    sums.duplicates += memo.duplicates[k] as number;
    for (const [column, n] of memo.nulls[k] ?? []) {
      const entry = sums.nulls.find((e) => e[0] === column);
      if (entry) entry[1] += n;
      else sums.nulls.push([column, n]);
    }
  }
  sums.runs = trusted;
  return sums;
}

// Whether what has been counted so far is whole wherever the sums would add to it (an unremembered run may have added a fraction).
function wholeSoFar(into: RangeCounts, sums: LedgerMemo['sums']): boolean {
  if (!Number.isInteger(into.delivered) || !Number.isInteger(into.dlq) || !Number.isInteger(into.lost) || !Number.isInteger(into.duplicates)) return false;
  for (const [column] of sums.nulls) if (!Number.isInteger(into.nulls[column] ?? 0)) return false;
  return true;
}

// Adds what run k was counted to (not its duplicates).
function addRemembered(memo: LedgerMemo, k: number, into: RangeCounts): void {
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
