import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { attemptRecordSchema, byFinishTime, readAttemptRecord, type AttemptRecord } from './attempt-record';
import { lazyConnection } from '../storage/lazy-connection';

/** A stored value that could not be read, kept apart from the attempts with the reason why. */
export interface SetAsideRecord {
  /** Its key in the set-aside store: the key it had among the attempts, made unique. */
  key: string;
  /** What is wrong with it, naming the field (zod path) and the problem. */
  reason: string;
  /** When it was set aside (ISO 8601). */
  setAsideAt: string;
}

interface StoredSetAside extends SetAsideRecord {
  /** The value exactly as it was found, so nothing is lost. */
  value: unknown;
}

interface HistoryDb extends DBSchema {
  // Values are untyped on purpose: whatever is on disk is validated on every load.
  attempts: { key: IDBValidKey; value: unknown };
  'set-aside': { key: string; value: StoredSetAside };
}

/** Everything the history screen needs: valid attempts by finish time, and what was set aside. */
export interface LoadedHistory {
  attempts: AttemptRecord[];
  setAside: SetAsideRecord[];
}

/** The history's storage API; one per database. */
export interface HistoryStore {
  /** Validates and saves a finished attempt (same id: replaced). Rejects with a ZodError if it is invalid. */
  saveAttempt(record: AttemptRecord): Promise<AttemptRecord>;
  /**
   * Reads every attempt, validating each with zod and migrating older versions. A record that is
   * corrupt, unmigratable or from a newer version is moved to the set-aside store (never deleted)
   * and the others still load.
   */
  loadHistory(): Promise<LoadedHistory>;
  /** Forgets the records set aside so far (the only deletion, and only when the player asks). */
  clearSetAside(): Promise<void>;
}

/** The database Firedrill keeps its history in. */
export const historyDbName = 'firedrill.history';
const dbVersion = 1;

/** Opens (creating on first use) the history database: `attempts` and `set-aside`, both keyed out of line. */
export function openHistoryDb(name = historyDbName): Promise<IDBPDatabase<HistoryDb>> {
  return openDB<HistoryDb>(name, dbVersion, {
    upgrade(db) {
      // Out-of-line keys, so a stored value without a usable id can still be addressed and moved.
      if (!db.objectStoreNames.contains('attempts')) db.createObjectStore('attempts');
      if (!db.objectStoreNames.contains('set-aside')) db.createObjectStore('set-aside');
    },
  });
}

function keyText(key: IDBValidKey): string {
  return typeof key === 'string' ? key : JSON.stringify(key) ?? String(key);
}

function uniqueKey(wanted: string, taken: Set<string>): string {
  let key = wanted;
  for (let n = 2; taken.has(key); n++) key = `${wanted} (${n})`;
  taken.add(key);
  return key;
}

function bySetAsideTime(a: SetAsideRecord, b: SetAsideRecord): number {
  return a.setAsideAt.localeCompare(b.setAsideAt) || a.key.localeCompare(b.key);
}

/** A history store on IndexedDB (the `idb` wrapper); tests pass their own database name and clock. */
export function createHistoryStore(options: { dbName?: string; now?: () => Date } = {}): HistoryStore {
  const now = options.now ?? (() => new Date());
  const open = lazyConnection(() => openHistoryDb(options.dbName));

  return {
    async saveAttempt(record) {
      const valid = attemptRecordSchema.parse(record);
      await (await open()).put('attempts', valid, valid.id);
      return valid;
    },

    async loadHistory() {
      const tx = (await open()).transaction(['attempts', 'set-aside'], 'readwrite');
      const attemptsStore = tx.objectStore('attempts');
      const asideStore = tx.objectStore('set-aside');
      const [keys, values, asideKeys] = await Promise.all([attemptsStore.getAllKeys(), attemptsStore.getAll(), asideStore.getAllKeys()]);
      const taken = new Set(asideKeys);
      const attempts: AttemptRecord[] = [];
      const setAsideAt = now().toISOString();
      const moves: Promise<unknown>[] = [];
      keys.forEach((key, i) => {
        const read = readAttemptRecord(values[i]);
        if (read.ok) {
          attempts.push(read.record);
          return;
        }
        const entry: StoredSetAside = { key: uniqueKey(keyText(key), taken), reason: read.reason, setAsideAt, value: values[i] };
        moves.push(asideStore.put(entry, entry.key), attemptsStore.delete(key));
      });
      await Promise.all(moves);
      const aside = await asideStore.getAll();
      await tx.done;
      return {
        attempts: attempts.sort(byFinishTime),
        setAside: aside.map(({ key, reason, setAsideAt: at }) => ({ key, reason, setAsideAt: at })).sort(bySetAsideTime),
      };
    },

    async clearSetAside() {
      await (await open()).clear('set-aside');
    },
  };
}

let browserStore: HistoryStore | null = null;

/** The history of this browser (the default database), opened on first use. */
export function browserHistoryStore(): HistoryStore {
  browserStore ??= createHistoryStore();
  return browserStore;
}

/** Saves a finished attempt to this browser's history. */
export const saveAttempt = (record: AttemptRecord) => browserHistoryStore().saveAttempt(record);
/** Loads this browser's history, setting aside what cannot be read. */
export const loadHistory = () => browserHistoryStore().loadHistory();
/** Forgets this browser's set-aside records. */
export const clearSetAside = () => browserHistoryStore().clearSetAside();
