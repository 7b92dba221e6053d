import { describe, expect, it } from 'vitest';
import type { LedgerRun, Segment } from '../../src/engine/state';
import type { JobReader } from '../../src/engine/world/job-reader';
import { clearDuplicates, ledgerRun, markDlqReplayed, regimeOf, writeRun } from '../../src/engine/world/ledger';

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
});
