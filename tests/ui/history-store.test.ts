import 'fake-indexeddb/auto';
import { ZodError } from 'zod';
import { beforeEach, describe, expect, it } from 'vitest';
import { playBot, resultView, stateHash, stateHashMatches } from '../../src/engine';
import { hashString } from '../../src/engine/state-hash';
import { attemptId, rememberAttemptId } from '../../src/ui/history/attempt-id';
import type { AttemptRecord, AttemptRecordV1 } from '../../src/ui/history/attempt-record';
import { createHistoryStore, openHistoryDb, type HistoryStore } from '../../src/ui/history/history-store';
import { attemptFromRun } from '../../src/ui/history/record-attempt';
import { scenarioRun } from '../support/sim-harness';

/** A valid current-version record; each test changes what it needs. */
function attempt(overrides: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    recordVersion: 2,
    id: 'avro-schema-break@1/7/0000000000000a',
    scenarioId: 'avro-schema-break',
    scenarioVersion: 1,
    scenarioTitle: 'Blank executive dashboard',
    seed: 7,
    level: 'normal',
    log: [
      { at: -60, command: { type: 'session.start' } },
      { at: 240, command: { type: 'alert.acknowledge', alert: 'orders-freshness' } },
    ],
    score: { total: 72, maxScore: 100, grade: 'C' },
    times: { mttdS: 120, mttaS: 240, mttmS: 1500, mttrS: 2400 },
    records: { lost: 0, duplicates: 12 },
    resolved: true,
    endedReason: 'completed',
    stateHash: '1f2e3d4c5b6a79',
    finishedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

function v1(overrides: Partial<AttemptRecordV1> = {}): AttemptRecordV1 {
  return {
    recordVersion: 1,
    id: 'old-one',
    scenarioId: 'avro-schema-break',
    scenarioVersion: 1,
    seed: 3,
    log: [{ at: -60, command: { type: 'session.start' } }],
    score: 73,
    resolved: true,
    endedReason: 'completed',
    recordsLost: 40,
    duplicates: 0,
    finishedAt: '2024-11-20T08:30:00.000Z',
    ...overrides,
  };
}

let dbName: string;
let store: HistoryStore;
let dbCount = 0;
const clock = () => new Date('2025-04-01T12:00:00.000Z');

beforeEach(() => {
  dbName = `history-test-${++dbCount}`;
  store = createHistoryStore({ dbName, now: clock });
});

/** Writes a value straight into the attempts store, as an older build or a damaged disk might have. */
async function putRaw(key: IDBValidKey, value: unknown): Promise<void> {
  const db = await openHistoryDb(dbName);
  await db.put('attempts', value, key);
  db.close();
}

async function rawContents(): Promise<{ attempts: unknown[]; setAside: { key: string; reason: string; value: unknown }[] }> {
  const db = await openHistoryDb(dbName);
  const result = { attempts: await db.getAll('attempts'), setAside: await db.getAll('set-aside') };
  db.close();
  return result;
}

describe('history store', () => {
  it('loads a saved attempt back exactly as it was saved', async () => {
    const record = attempt();
    await store.saveAttempt(record);
    const { attempts, setAside } = await store.loadHistory();
    expect(attempts).toEqual([record]);
    expect(setAside).toEqual([]);
  });

  it('lists attempts oldest first whatever order they were saved in, ties broken by id', async () => {
    await store.saveAttempt(attempt({ id: 'c', finishedAt: '2025-03-03T09:00:00.000Z' }));
    await store.saveAttempt(attempt({ id: 'b', finishedAt: '2025-03-01T09:00:00.000Z' }));
    await store.saveAttempt(attempt({ id: 'a', finishedAt: '2025-03-01T09:00:00.000Z' }));
    // The same instant written with an offset sorts by the instant, not the text.
    await store.saveAttempt(attempt({ id: 'd', finishedAt: '2025-03-02T10:00:00.000+01:00' }));
    const { attempts } = await store.loadHistory();
    expect(attempts.map((a) => a.id)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('keeps one record when the same attempt is saved twice', async () => {
    await store.saveAttempt(attempt({ score: { total: 72, maxScore: 100, grade: 'C' } }));
    await store.saveAttempt(attempt({ score: { total: 72, maxScore: 100, grade: 'C' } }));
    expect((await store.loadHistory()).attempts).toHaveLength(1);
  });

  it('refuses to save an invalid record and writes nothing', async () => {
    const bad = { ...attempt(), seed: -1 } as AttemptRecord;
    await expect(store.saveAttempt(bad)).rejects.toBeInstanceOf(ZodError);
    expect((await rawContents()).attempts).toEqual([]);
  });

  it('sets aside garbage, wrong types and a truncated log with a reason naming the field, and still loads the rest', async () => {
    await store.saveAttempt(attempt({ id: 'good-1', finishedAt: '2025-03-01T10:00:00.000Z' }));
    await store.saveAttempt(attempt({ id: 'good-2', finishedAt: '2025-03-02T10:00:00.000Z' }));
    await putRaw('garbage', 'this is not a record');
    await putRaw('wrong-types', { ...attempt({ id: 'wrong-types' }), score: { total: 'ninety', maxScore: 100, grade: 'A' } });
    const truncated = attempt({ id: 'truncated' });
    await putRaw('truncated', { ...truncated, log: [truncated.log[0], { at: 240 }] });

    const { attempts, setAside } = await store.loadHistory();
    expect(attempts.map((a) => a.id)).toEqual(['good-1', 'good-2']);
    const reasons = Object.fromEntries(setAside.map((s) => [s.key, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['garbage', 'truncated', 'wrong-types']);
    expect(reasons.garbage).toBe('it is a string, not an attempt record');
    expect(reasons['wrong-types']).toMatch(/^version 2 record is invalid: score\.total: .*expected number, received string/);
    expect(reasons.truncated).toMatch(/^version 2 record is invalid: log\[1\]\.command: /);
    expect(setAside.every((s) => s.setAsideAt === '2025-04-01T12:00:00.000Z')).toBe(true);
  });

  it('moves an unreadable record to the set-aside store with its value untouched', async () => {
    const damaged = { ...attempt({ id: 'damaged' }), finishedAt: 'yesterday' };
    await putRaw('damaged', damaged);
    const { setAside } = await store.loadHistory();
    expect(setAside).toEqual([{ key: 'damaged', reason: expect.stringContaining('finishedAt: ') as string, setAsideAt: '2025-04-01T12:00:00.000Z' }]);
    const raw = await rawContents();
    expect(raw.attempts).toEqual([]);
    expect(raw.setAside).toEqual([expect.objectContaining({ key: 'damaged', value: damaged })]);
  });

  it('migrates a version 1 record: the score gains its maximum and grade, times it never kept are null', async () => {
    await putRaw('old-one', v1());
    await store.saveAttempt(attempt({ id: 'new-one' }));
    const { attempts, setAside } = await store.loadHistory();
    expect(setAside).toEqual([]);
    expect(attempts.map((a) => a.id)).toEqual(['old-one', 'new-one']);
    expect(attempts[0]).toEqual({
      recordVersion: 2,
      id: 'old-one',
      scenarioId: 'avro-schema-break',
      scenarioVersion: 1,
      scenarioTitle: 'avro-schema-break',
      level: 'normal',
      seed: 3,
      log: [{ at: -60, command: { type: 'session.start' } }],
      score: { total: 73, maxScore: 100, grade: 'C' },
      times: { mttdS: null, mttaS: null, mttmS: null, mttrS: null },
      records: { lost: 40, duplicates: 0 },
      resolved: true,
      endedReason: 'completed',
      stateHash: '',
      finishedAt: '2024-11-20T08:30:00.000Z',
    });
  });

  it('sets aside a version 1 record that cannot be migrated, saying why', async () => {
    const { log: _log, ...noLog } = v1({ id: 'old-broken' });
    await putRaw('old-broken', noLog);
    const { attempts, setAside } = await store.loadHistory();
    expect(attempts).toEqual([]);
    expect(setAside[0]?.reason).toMatch(/^version 1 record cannot be migrated: log: /);
  });

  it('sets aside a record from a newer version instead of deleting it', async () => {
    const future = { ...attempt({ id: 'future' }), recordVersion: 3, replayFormat: 'zstd' };
    await putRaw('future', future);
    await store.saveAttempt(attempt({ id: 'today' }));
    const { attempts, setAside } = await store.loadHistory();
    expect(attempts.map((a) => a.id)).toEqual(['today']);
    expect(setAside.map((s) => s.reason)).toEqual(['it was saved by a newer Firedrill (record version 3); this one reads versions 1 to 2']);
    expect((await rawContents()).setAside[0]?.value).toEqual(future);
  });

  it('sets aside a record with no or an unknown record version', async () => {
    const { recordVersion: _v, ...unversioned } = attempt({ id: 'unversioned' });
    await putRaw('unversioned', unversioned);
    await putRaw('zero', { ...attempt({ id: 'zero' }), recordVersion: 0 });
    const { setAside } = await store.loadHistory();
    expect(Object.fromEntries(setAside.map((s) => [s.key, s.reason]))).toEqual({
      unversioned: 'recordVersion: missing, so its format is unknown',
      zero: 'recordVersion: 0 is not a known record version',
    });
  });

  it('does not set anything aside twice when the history is loaded again', async () => {
    await putRaw('garbage', 42);
    await store.saveAttempt(attempt());
    const first = await store.loadHistory();
    const second = await createHistoryStore({ dbName, now: () => new Date('2025-05-01T00:00:00.000Z') }).loadHistory();
    expect(second).toEqual(first);
    expect(second.setAside).toHaveLength(1);
    expect((await rawContents()).setAside).toHaveLength(1);
  });

  it('keeps both when a second unreadable value turns up under a key already set aside', async () => {
    await putRaw('same-key', 'first');
    await store.loadHistory();
    await putRaw('same-key', 'second');
    const { setAside } = await store.loadHistory();
    expect(setAside.map((s) => s.key)).toEqual(['same-key', 'same-key (2)']);
    expect((await rawContents()).setAside.map((s) => s.value).sort()).toEqual(['first', 'second']);
  });

  it('forgets the set-aside records only when asked, and keeps the attempts', async () => {
    await putRaw('garbage', null);
    await store.saveAttempt(attempt());
    expect((await store.loadHistory()).setAside).toHaveLength(1);
    await store.clearSetAside();
    const { attempts, setAside } = await store.loadHistory();
    expect(setAside).toEqual([]);
    expect(attempts).toHaveLength(1);
  });
});

describe('recording a finished run', () => {
  const s = scenarioRun('avro-schema-break');
  const run = playBot(s, 'model', 11);

  it("records the engine's score, times and outcome for the run", () => {
    const record = attemptFromRun(s, run.state, new Date('2025-03-05T18:00:00.000Z'));
    const result = resultView(s, run.state);
    if (!record || !result) throw new Error('the model run did not end');
    expect(record.score).toEqual({ total: result.report.total, maxScore: result.report.maxScore, grade: result.report.grade });
    expect(record.times.mttrS).toBe(result.report.times.mttrS);
    expect(record.resolved).toBe(true);
    expect(record.stateHash).toBe(result.summary.stateHash);
    expect(record.log).toEqual(run.state.log);
    expect(record.scenarioTitle).toBe(s.title);
  });

  it('saves the same finished run once however often its debrief is shown', async () => {
    const first = attemptFromRun(s, run.state, new Date('2025-03-05T18:00:00.000Z'));
    const again = attemptFromRun(s, run.state, new Date('2025-03-05T18:05:00.000Z'));
    if (!first || !again) throw new Error('the model run did not end');
    await store.saveAttempt(first);
    await store.saveAttempt(again);
    const { attempts } = await store.loadHistory();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.log).toEqual(run.state.log);
  });

  it('keeps the id of a record saved with the later keys in another order, so showing it again saves no second copy', async () => {
    // double-counted-revenue's model queries SQL before it types a shell command: before new states
    // held their later keys from the start, its state hashed with `sql` ahead of `terminal`.
    const d = scenarioRun('double-counted-revenue');
    const replayed = playBot(d, 'model', 1).state;
    const { hands: _inHand, terminal, sql, replies, plans: _plans, ...fixed } = replayed;
    const legacyHash = hashString(JSON.stringify({ ...fixed, sql, terminal, replies }));
    expect(legacyHash).not.toBe(stateHash(replayed));
    expect(stateHashMatches(replayed, legacyHash)).toBe(true);
    const saved = { ...(attemptFromRun(d, replayed, new Date('2025-03-05T18:00:00.000Z')) as AttemptRecord), id: attemptId(d.id, d.version, 1, legacyHash), stateHash: legacyHash };
    await store.saveAttempt(saved);
    rememberAttemptId(replayed, saved.id);
    const shownAgain = attemptFromRun(d, replayed, new Date('2025-03-05T18:05:00.000Z'));
    expect(shownAgain?.id).toBe(saved.id);
    if (shownAgain) await store.saveAttempt(shownAgain);
    expect((await store.loadHistory()).attempts.map((a) => a.id)).toEqual([saved.id]);
  });

  it('records nothing for a run that has not ended', () => {
    const idle = playBot(s, 'idle', 11);
    const unfinished = { ...idle.state, ended: null };
    expect(attemptFromRun(s, unfinished, new Date())).toBeNull();
  });
});
