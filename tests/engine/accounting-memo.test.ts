import { describe, expect, it } from 'vitest';
import { playBot, prepareRun, seedsForVariants, type PolicyName } from '../../src/engine';
import { messyAvroPlan } from '../support/avro-steps';
import { deepCopy } from '../../src/engine/deep-copy';
import type { LedgerRun, Segment, SimState } from '../../src/engine/state';
import type { JobReader } from '../../src/engine/world/job-reader';
import { clearDuplicates, markDlqReplayed, writeRun } from '../../src/engine/world/ledger';
import { countLedger, emptyLedgerMemo, type LedgerMemo } from '../../src/engine/world/ledger-count';
import type { RangeCounts } from '../../src/engine/world/record-math';
import { accountJob } from '../../src/engine/world/accounting';
import type { Scenario } from '../../src/scenarios/schema';
import { Sim, scenario } from '../support/sim-harness';
import { stepInPlace } from '../support/step-in-place';

// Writes a run over its own offsets, under its own regime.
function write(ledger: LedgerRun[], r: LedgerRun, segments: Segment[], logEnd: number, overwriteUntil: number, reader: JobReader): void {
  writeRun(ledger, r.from, r.to, r, segments, logEnd, overwriteUntil, reader);
}

// Accounting remembers the counts of runs it has seen; a copied state has new ledger arrays, so it counts from scratch.
function expectSameAsFresh(s: Scenario, state: SimState): void {
  const copy = deepCopy(state);
  for (const job of s.world.jobs) {
    const kept = accountJob(s, state, job.id);
    const fresh = accountJob(s, copy, job.id);
    expect(kept, `${job.id} at t=${state.t}`).toEqual(fresh);
    expect(Object.keys(kept.nulls)).toEqual(Object.keys(fresh.nulls));
  }
}

describe('accounting a state stepped in place', () => {
  // Runs that interventions change in place: DLQ replays (avro), upstream null repairs (cdc),
  // offset rewinds and dedupes (double-counted revenue), a poll-loop storm's re-deliveries; the
  // shotgun bot sprays every command it can see, so it reaches the ones the model never types.
  const bots: PolicyName[] = ['model', 'shotgun', 'random'];
  const runs = ['avro-schema-break', 'cdc-column-rename', 'double-counted-revenue', 'consumer-lag-storm'].flatMap((id) =>
    seedsForVariants(scenario(id)).flatMap(({ variant, seed }) => bots.map((bot) => ({ id, variant, seed, bot }))),
  );

  it.each(runs)('counts $id ($variant, $bot bot) exactly as a fresh count of a copy, at every step', ({ id, seed, bot }) => {
    const s = prepareRun(scenario(id), seed);
    expect(stepInPlace(s, seed, playBot(s, bot, seed).log, (state) => expectSameAsFresh(s, state))).toBeGreaterThan(20);
  });

  it('counts again the runs a DLQ replay marks as replayed, and those rewinds and resets rewrite', () => {
    const s = prepareRun(scenario('avro-schema-break'), 1);
    const sim = new Sim(s, 1).start().waitForPage().ack();
    for (const [lines, wait] of messyAvroPlan) sim.typeAll(lines).advance(wait);
    expect(sim.state.rejected).toEqual([]);
    expect(stepInPlace(s, 1, sim.state.log, (state) => expectSameAsFresh(s, state))).toBeGreaterThan(50);
  });

  it('counts again the runs whose source nulls upstream repaired', () => {
    const base = scenario('cdc-column-rename');
    const seed = seedsForVariants(base).find((v) => v.variant === 'app-writes-nulls')?.seed ?? 1;
    const s = prepareRun(base, seed);
    const sim = new Sim(s, seed).start().waitForPage().ack().advance(300).complete('request-row-repair').advance(120);
    expect(sim.state.rejected).toEqual([]);
    expect(stepInPlace(s, seed, sim.state.log, (state) => expectSameAsFresh(s, state))).toBeGreaterThan(20);
  });
});

describe('counting a ledger with a memo', () => {
  // A reader that fails on the poison records of a pinned read and decodes everything through the registry.
  const reader: JobReader = {
    outcome: () => ({ kind: 'decodes', defaulted: [] }),
    undecodable: (mode, seg) => (mode === 'pinned' && seg.poisonEvery > 0 ? 'poison' : 'none'),
    keepsPath: () => true,
  };
  const run = (from: number, to: number, extra: Partial<LedgerRun> = {}): LedgerRun => ({ from, to, readerMode: 'pinned', onError: 'dlq', skipped: false, dlqReplayed: false, duplicates: 0, ...extra });
  const count = (ledger: LedgerRun[], segments: Segment[], memo?: LedgerMemo): RangeCounts => {
    const into: RangeCounts = { delivered: 0, duplicates: 0, dlq: 0, lost: 0, nulls: {} };
    countLedger(ledger, segments, 1000, reader, into, memo);
    return into;
  };

  const poisoned: Segment[] = [{ from: 0, writerVersion: 1, poisonEvery: 10, poisonKind: 'pinned-reader', phase: 0 }];

  it('counts a run again once its dead letters are replayed in place', () => {
    const ledger = [run(0, 400), run(400, 800, { onError: 'skip' }), run(800, 900)];
    const memo = emptyLedgerMemo();
    expect(count(ledger, poisoned, memo).dlq).toBe(50);
    expect(count(ledger, poisoned, memo).dlq).toBe(50);
    expect(markDlqReplayed(ledger, 'registry')).toBe(true);
    expect(count(ledger, poisoned, memo)).toEqual(count(ledger, poisoned));
    expect(count(ledger, poisoned, memo).dlq).toBe(0);
  });

  it('counts runs again once a write over processed offsets or a dedupe rewrites them, and not before', () => {
    const ledger: LedgerRun[] = [];
    const memo = emptyLedgerMemo();
    // Appending: each write grows or adds the newest run, and older runs become trusted.
    for (let to = 100; to <= 900; to += 100) {
      write(ledger, run(to - 100, to, { onError: to > 500 ? 'skip' : 'dlq' }), poisoned, 1000, 0, reader);
      expect(count(ledger, poisoned, memo)).toEqual(count(ledger, poisoned));
    }
    expect(memo.trusted).toBe(ledger.length - 1);
    // A re-delivery over [200, 700) splits the older runs and adds duplicates; then a dedupe removes them.
    write(ledger, run(200, 700, { readerMode: 'registry' }), poisoned, 1000, 0, reader);
    const rewritten = count(ledger, poisoned, memo);
    expect(rewritten).toEqual(count(ledger, poisoned));
    expect(rewritten.duplicates).toBeGreaterThan(0);
    expect(clearDuplicates(ledger)).toBe(rewritten.duplicates);
    expect(count(ledger, poisoned, memo)).toEqual(count(ledger, poisoned));
    expect(count(ledger, poisoned, memo).duplicates).toBe(0);
  });

  it('counts a run again once upstream repairs its segment’s nulls in place', () => {
    const segments: Segment[] = [
      { from: 0, writerVersion: 1, poisonEvery: 0, poisonKind: 'pinned-reader', phase: 0, nulls: [{ column: 'amount', fraction: 0.5 }] },
      { from: 500, writerVersion: 1, poisonEvery: 0, poisonKind: 'pinned-reader', phase: 0 },
    ];
    const ledger = [run(0, 500), run(500, 700)];
    const memo = emptyLedgerMemo();
    expect(count(ledger, segments, memo).nulls).toEqual({ amount: 250 });
    delete (segments[0] as Segment).nulls;
    expect(count(ledger, segments, memo)).toEqual(count(ledger, segments));
    expect(count(ledger, segments, memo).nulls).toEqual({});
  });

  it('counts the newest run as a fresh count does while it grows over segments, changes regime or starts elsewhere', () => {
    const segments: Segment[] = [
      { from: 0, writerVersion: 1, poisonEvery: 7, poisonKind: 'pinned-reader', phase: 3 },
      { from: 300, writerVersion: 2, poisonEvery: 0, poisonKind: 'pinned-reader', phase: 0, nulls: [{ column: 'channel', fraction: 0.37 }] },
      { from: 450, writerVersion: 2, poisonEvery: 5, poisonKind: 'any-reader', phase: 1 },
      { from: 700, writerVersion: 3, poisonEvery: 0, poisonKind: 'pinned-reader', phase: 0, nulls: [{ column: 'amount', fraction: 0.5 }] },
    ];
    const memo = emptyLedgerMemo();
    const ledger: LedgerRun[] = [];
    for (let to = 50; to <= 1000; to += 50) {
      write(ledger, run(to - 50, to, { onError: to > 600 ? 'skip' : 'dlq' }), segments, 1000, 0, reader);
      const kept = count(ledger, segments, memo);
      expect(kept, `to ${to}`).toEqual(count(ledger, segments));
      expect(Object.keys(kept.nulls)).toEqual(Object.keys(count(ledger, segments).nulls));
    }
    expect(memo.newest?.segments).toBe(3);
    // A DLQ replay changes the newest run's regime in place; a write from elsewhere starts a new newest run.
    markDlqReplayed(ledger, 'registry');
    expect(count(ledger, segments, memo)).toEqual(count(ledger, segments));
    const single = [run(320, 980, { readerMode: 'registry' })];
    expect(count(single, segments, emptyLedgerMemo())).toEqual(count(single, segments));
  });
});
