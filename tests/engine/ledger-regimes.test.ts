import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerRun, Segment } from '../../src/engine/state';
import type { JobReader } from '../../src/engine/world/job-reader';
import { clearDuplicates, ledgerRun, markDlqReplayed, regimeOf, rewriteRuns, rewritesOf, writeRun, type Regime } from '../../src/engine/world/ledger';

// Decodes everything: these tests are about who owns which object, not about counts.
const reader: JobReader = {
  outcome: () => ({ kind: 'decodes', defaulted: [] }),
  undecodable: () => 'none',
  keepsPath: () => true,
};
const segments: Segment[] = [{ from: 0, writerVersion: 1, poisonEvery: 0, poisonKind: 'pinned-reader', phase: 0 }];

describe('ledger regimes', () => {
  it('gives one shared regime per setting, with exactly those settings', () => {
    const a = regimeOf('registry', 'dlq', false, true);
    expect(regimeOf('registry', 'dlq', false, true)).toBe(a);
    expect(a).toEqual({ readerMode: 'registry', onError: 'dlq', skipped: false, dlqReplayed: true });
    expect(regimeOf('pinned', 'skip', true, false)).toEqual({ readerMode: 'pinned', onError: 'skip', skipped: true, dlqReplayed: false });
    for (const readerMode of ['pinned', 'registry'] as const) {
      for (const onError of ['fail', 'dlq', 'skip'] as const) {
        for (const skipped of [false, true]) {
          for (const dlqReplayed of [false, true]) {
            expect(regimeOf(readerMode, onError, skipped, dlqReplayed)).toEqual({ readerMode, onError, skipped, dlqReplayed });
            expect(regimeOf(readerMode, onError, skipped, dlqReplayed)).toBe(regimeOf(readerMode, onError, skipped, dlqReplayed));
          }
        }
      }
    }
    // A setting outside the known ones still gets a regime of its own, never a wrong shared one.
    expect(regimeOf('unknown' as LedgerRun['readerMode'], 'fail', false, false)).toEqual({ readerMode: 'unknown', onError: 'fail', skipped: false, dlqReplayed: false });
  });

  it('never puts a shared regime into a ledger, so changing a run in place leaves every other write alone', () => {
    const regime = regimeOf('pinned', 'dlq', false, false);
    const ledger: LedgerRun[] = [];
    writeRun(ledger, 0, 100, regime, segments, 1000, 0, reader);
    writeRun(ledger, 100, 200, regime, segments, 1000, 0, reader);
    // A re-delivery over processed offsets splits runs and adds duplicates.
    writeRun(ledger, 50, 150, regimeOf('registry', 'dlq', false, false), segments, 1000, 0, reader);
    expect(ledger.every((r) => r !== regime)).toBe(true);
    expect(ledger.map((r) => [r.from, r.to, r.readerMode])).toEqual([
      [0, 50, 'pinned'],
      [50, 150, 'registry'],
      [150, 200, 'pinned'],
    ]);
    markDlqReplayed(ledger, 'registry');
    clearDuplicates(ledger);
    expect(regime).toEqual({ readerMode: 'pinned', onError: 'dlq', skipped: false, dlqReplayed: false });
    expect(regimeOf('registry', 'dlq', false, false).dlqReplayed).toBe(false);
  });

  it('grows the newest run in place while the regime stays, and starts a new one when it changes', () => {
    const ledger = [ledgerRun(0, 100, 'pinned', 'fail', false, false, 0)];
    const newest = ledger[0];
    writeRun(ledger, 100, 180, regimeOf('pinned', 'fail', false, false), segments, 1000, 0, reader);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toBe(newest);
    expect(newest?.to).toBe(180);
    writeRun(ledger, 180, 200, regimeOf('pinned', 'skip', true, false), segments, 1000, 0, reader);
    expect(ledger.map((r) => [r.from, r.to, r.skipped])).toEqual([
      [0, 180, false],
      [180, 200, true],
    ]);
  });

  // A backfill's every tick grows the run before the write in place instead of rebuilding the runs
  // around it; whatever the ledger, the result must be the rebuild's, field for field.
  it('writes over processed offsets exactly as the general rebuild does, shortcut or not', () => {
    const regimes: Regime[] = [regimeOf('pinned', 'fail', false, false), regimeOf('registry', 'fail', false, false), regimeOf('pinned', 'dlq', true, false), regimeOf('registry', 'dlq', false, true)];
    const run = fc.record({ length: fc.integer({ min: 1, max: 40 }), regime: fc.integer({ min: 0, max: 3 }), duplicates: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })) });
    const anyWrite = fc.record({ at: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 1, max: 60 }), regime: fc.integer({ min: 0, max: 3 }), overwrite: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 250 })) });
    // A backfill's write: from the start of a run, under the regime of the run before, overwriting.
    const backfillWrite = fc.record({ run: fc.integer({ min: 1, max: 8 }), length: fc.integer({ min: 1, max: 30 }) });
    const write = fc.oneof(anyWrite, backfillWrite);
    let shortcuts = 0;
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 8 }), fc.array(write, { minLength: 1, maxLength: 12 }), (runs, writes) => {
        let at = 0;
        const ledger = runs.map((r) => {
          const g = regimes[r.regime] as Regime;
          at += r.length;
          return ledgerRun(at - r.length, at, g.readerMode, g.onError, g.skipped, g.dlqReplayed, r.duplicates);
        });
        const rebuilt = ledger.map((r) => ({ ...r }));
        for (const step of writes) {
          const before = 'run' in step ? ledger[step.run - 1] : undefined;
          const w = 'run' in step ? { at: ledger[step.run]?.from ?? 0, length: step.length, regime: regimes.findIndex((g) => before && g.readerMode === before.readerMode && g.onError === before.onError && g.skipped === before.skipped && g.dlqReplayed === before.dlqReplayed), overwrite: Infinity } : step;
          const regime = regimes[Math.max(0, w.regime)] as Regime;
          const rewritesBefore = rewritesOf(ledger).count;
          const lowRun = ledger.findIndex((r) => r.to > w.at);
          const sameObjects = ledger.slice();
          writeRun(ledger, w.at, w.at + w.length, regime, segments, 1000, w.overwrite, reader);
          if (lowRun > 0 && ledger.length === sameObjects.length && ledger.every((r, i) => r === sameObjects[i])) shortcuts += 1;
          const processedTo = (rebuilt[rebuilt.length - 1] as LedgerRun).to;
          if (processedTo <= w.at) writeRun(rebuilt, w.at, w.at + w.length, regime, segments, 1000, w.overwrite, reader);
          else rewriteRuns(rebuilt, rebuilt.findIndex((r) => r.to > w.at), w.at, w.at + w.length, regime, segments, 1000, w.overwrite, reader, false);
          expect(ledger).toEqual(rebuilt);
          // A write over processed offsets says from which run it changed the ledger, shortcut or not.
          if (processedTo > w.at) expect(rewritesOf(ledger).count).toBe(rewritesBefore + 1);
        }
      }),
      { numRuns: 3000 },
    );
    // The shortcut's case comes up among the generated writes, so the comparison above covers it.
    expect(shortcuts).toBeGreaterThan(100);
  });
});
