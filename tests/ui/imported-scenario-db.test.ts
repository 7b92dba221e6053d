import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createImportedScenarioDb, readStoredImport, type StoredCheck, type StoredImport } from '../../src/ui/scenario-import/imported-scenario-db';

let n = 0;
/** A fresh database per test, and a fixed clock. */
function freshDb() {
  const dbName = `imports-test-${++n}`;
  return { dbName, db: createImportedScenarioDb({ dbName, now: () => new Date('2026-03-01T10:00:00.000Z') }) };
}

function stored(id: string, text = `text of ${id}`): StoredImport {
  return { id, fileName: `${id}.yaml`, text, importedAt: `2026-02-0${id.length}T00:00:00.000Z` };
}

const acceptAll = async (s: StoredImport): Promise<StoredCheck<string>> => ({ ok: true, value: s.text });

/** Writes a raw value under a key, as an older version or a broken extension might have. */
async function putRaw(dbName: string, key: string, value: unknown): Promise<void> {
  const db = await openDB(dbName, 1);
  await db.put('scenarios', value, key);
  db.close();
}

describe('imported scenarios kept in IndexedDB', () => {
  it('gives back each saved file, checked, in import order', async () => {
    const { db } = freshDb();
    await db.save(stored('bb'));
    await db.save(stored('a'));
    const loaded = await db.load(acceptAll);
    expect(loaded.imports.map((i) => [i.stored.id, i.value])).toEqual([
      ['a', 'text of a'],
      ['bb', 'text of bb'],
    ]);
    expect(loaded.setAside).toEqual([]);
  });

  it('replaces a saved file with the same id and forgets a removed one', async () => {
    const { db } = freshDb();
    await db.save(stored('a', 'first'));
    await db.save(stored('a', 'second'));
    await db.save(stored('b'));
    await db.remove('b');
    expect((await db.load(acceptAll)).imports.map((i) => i.value)).toEqual(['second']);
  });

  it('sets aside a file that no longer validates, with the reason, and still loads the others', async () => {
    const { db } = freshDb();
    await db.save(stored('good'));
    await db.save(stored('stale', 'old format'));
    const check = async (s: StoredImport): Promise<StoredCheck<string>> => (s.text === 'old format' ? { ok: false, reason: 'it no longer validates: clock: is missing' } : { ok: true, value: s.text });
    const first = await db.load(check);
    expect(first.imports.map((i) => i.stored.id)).toEqual(['good']);
    expect(first.setAside).toEqual([{ key: 'stale', fileName: 'stale.yaml', reason: 'it no longer validates: clock: is missing', setAsideAt: '2026-03-01T10:00:00.000Z' }]);
    // Set aside, not deleted: its text can be taken back, and it is not checked again.
    expect(await db.setAsideText('stale')).toBe('old format');
    const again = await db.load(acceptAll);
    expect(again.imports.map((i) => i.stored.id)).toEqual(['good']);
    expect(again.setAside.map((s) => s.key)).toEqual(['stale']);
  });

  it('sets aside corrupt stored values instead of failing or dropping them', async () => {
    const { db, dbName } = freshDb();
    await db.save(stored('good'));
    await putRaw(dbName, 'not-a-record', 'just a string');
    await putRaw(dbName, 'wrong-key', { ...stored('other'), id: 'other' });
    await putRaw(dbName, 'no-text', { id: 'no-text', fileName: 'x.yaml', importedAt: '2026-01-01T00:00:00.000Z' });
    const loaded = await db.load(acceptAll);
    expect(loaded.imports.map((i) => i.stored.id)).toEqual(['good']);
    expect(Object.fromEntries(loaded.setAside.map((s) => [s.key, s.reason]))).toEqual({
      'not-a-record': 'the stored entry is not a record',
      'wrong-key': 'the stored entry has no id matching its key',
      'no-text': 'the stored entry has no file text',
    });
  });

  it('keeps two set-aside entries with the same id apart', async () => {
    const { db } = freshDb();
    const reject = async (): Promise<StoredCheck<string>> => ({ ok: false, reason: 'broken' });
    await db.save(stored('x', 'one'));
    await db.load(reject);
    await db.save(stored('x', 'two'));
    const loaded = await db.load(reject);
    expect(loaded.setAside.map((s) => s.key)).toEqual(['x', 'x (2)']);
    expect(await db.setAsideText('x (2)')).toBe('two');
    await db.clearSetAside();
    expect((await db.load(acceptAll)).setAside).toEqual([]);
  });

  it('reads a stored value only when every field is there', () => {
    expect(readStoredImport('a', stored('a'))).toEqual({ ok: true, value: stored('a') });
    expect(readStoredImport('a', null)).toEqual({ ok: false, reason: 'the stored entry is not a record' });
    expect(readStoredImport('a', { ...stored('a'), importedAt: 5 })).toEqual({ ok: false, reason: 'the stored entry has no import time' });
  });
});
