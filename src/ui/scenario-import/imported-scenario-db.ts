import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { lazyConnection } from '../storage/lazy-connection';

/** An imported scenario file as kept in this browser: its text exactly as it was imported. */
export interface StoredImport {
  /** The scenario's id (also its key). */
  id: string;
  /** The name of the file it came from. */
  fileName: string;
  /** The file's text; it is validated again every time the app starts. */
  text: string;
  /** When it was imported (ISO 8601). */
  importedAt: string;
}

/** A stored import that no longer validates (or could not be read), kept apart with the reason. */
export interface SetAsideImport {
  /** Its key in the set-aside store: the id it was stored under, made unique. */
  key: string;
  /** The file it came from, when the stored value says. */
  fileName: string | null;
  /** What is wrong with it, in plain words (the first problems, with their paths). */
  reason: string;
  /** When it was set aside (ISO 8601). */
  setAsideAt: string;
}

interface StoredSetAside extends SetAsideImport {
  /** The value exactly as it was found, so nothing is lost. */
  value: unknown;
}

interface ImportsDb extends DBSchema {
  // Untyped on purpose: whatever is on disk is checked on every load.
  scenarios: { key: string; value: unknown };
  'set-aside': { key: string; value: StoredSetAside };
}

/** What checking a stored import's text gave: its scenario's id, or why it cannot be used. */
export type StoredCheck<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The imports that still validate (with what the check made of them), and what was set aside. */
export interface LoadedImports<T> {
  imports: { stored: StoredImport; value: T }[];
  setAside: SetAsideImport[];
}

/** The imported scenarios' storage API; one per database. */
export interface ImportedScenarioDb {
  /** Saves an import that has been validated (same id: replaced). */
  save(entry: StoredImport): Promise<void>;
  /** Forgets an import (the player asked to remove it). */
  remove(id: string): Promise<void>;
  /**
   * Reads every stored import and checks each with `check`. One that is malformed or fails the
   * check is moved to the set-aside store (never deleted) and the others still load.
   */
  load<T>(check: (stored: StoredImport) => Promise<StoredCheck<T>>, onRead?: (count: number) => void): Promise<LoadedImports<T>>;
  /** The text of an import set aside, so the player can take it back and fix it. */
  setAsideText(key: string): Promise<string | null>;
  /** Forgets the imports set aside so far (only when the player asks). */
  clearSetAside(): Promise<void>;
}

/** The database Firedrill keeps imported scenarios in. */
export const importsDbName = 'firedrill.imported-scenarios';
const dbVersion = 1;

function openImportsDb(name: string): Promise<IDBPDatabase<ImportsDb>> {
  return openDB<ImportsDb>(name, dbVersion, {
    upgrade(db) {
      // Out-of-line keys, so a stored value without a usable id can still be addressed and moved.
      if (!db.objectStoreNames.contains('scenarios')) db.createObjectStore('scenarios');
      if (!db.objectStoreNames.contains('set-aside')) db.createObjectStore('set-aside');
    },
  });
}

/** Reads a stored value as an import, or says what is wrong with it. */
export function readStoredImport(key: string, value: unknown): StoredCheck<StoredImport> {
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'the stored entry is not a record' };
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || v.id !== key) return { ok: false, reason: 'the stored entry has no id matching its key' };
  if (typeof v.fileName !== 'string') return { ok: false, reason: 'the stored entry has no file name' };
  if (typeof v.text !== 'string') return { ok: false, reason: 'the stored entry has no file text' };
  if (typeof v.importedAt !== 'string') return { ok: false, reason: 'the stored entry has no import time' };
  return { ok: true, value: { id: v.id, fileName: v.fileName, text: v.text, importedAt: v.importedAt } };
}

function uniqueKey(wanted: string, taken: Set<string>): string {
  let key = wanted;
  for (let n = 2; taken.has(key); n++) key = `${wanted} (${n})`;
  taken.add(key);
  return key;
}

function fileNameOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'fileName' in value && typeof value.fileName === 'string' ? value.fileName : null;
}

/** Imported scenarios on IndexedDB (the `idb` wrapper); tests pass their own database name and clock. */
export function createImportedScenarioDb(options: { dbName?: string; now?: () => Date } = {}): ImportedScenarioDb {
  const now = options.now ?? (() => new Date());
  const name = options.dbName ?? importsDbName;
  const open = lazyConnection(() => openImportsDb(name));

  return {
    async save(entry) {
      await (await open()).put('scenarios', entry, entry.id);
    },

    async remove(id) {
      await (await open()).delete('scenarios', id);
    },

    async load<T>(check: (stored: StoredImport) => Promise<StoredCheck<T>>, onRead?: (count: number) => void): Promise<LoadedImports<T>> {
      const handle = await open();
      // Checking may be slow (and async), so read first, check outside any transaction, then move.
      const read = handle.transaction('scenarios', 'readonly');
      const [keys, values] = await Promise.all([read.store.getAllKeys(), read.store.getAll()]);
      await read.done;
      onRead?.(keys.length);
      const imports: LoadedImports<T>['imports'] = [];
      const failed: { key: string; value: unknown; reason: string }[] = [];
      for (const [i, key] of keys.entries()) {
        const value = values[i];
        const stored = readStoredImport(key, value);
        if (!stored.ok) {
          failed.push({ key, value, reason: stored.reason });
          continue;
        }
        const checked = await check(stored.value);
        if (checked.ok) imports.push({ stored: stored.value, value: checked.value });
        else failed.push({ key, value, reason: checked.reason });
      }
      const tx = handle.transaction(['scenarios', 'set-aside'], 'readwrite');
      const aside = tx.objectStore('set-aside');
      if (failed.length > 0) {
        const taken = new Set(await aside.getAllKeys());
        const setAsideAt = now().toISOString();
        for (const f of failed) {
          const entry: StoredSetAside = { key: uniqueKey(f.key, taken), fileName: fileNameOf(f.value), reason: f.reason, setAsideAt, value: f.value };
          await aside.put(entry, entry.key);
          await tx.objectStore('scenarios').delete(f.key);
        }
      }
      const all = await aside.getAll();
      await tx.done;
      return {
        imports: imports.sort((a, b) => a.stored.importedAt.localeCompare(b.stored.importedAt) || a.stored.id.localeCompare(b.stored.id)),
        setAside: all.map(({ key, fileName, reason, setAsideAt }) => ({ key, fileName, reason, setAsideAt })).sort((a, b) => a.setAsideAt.localeCompare(b.setAsideAt) || a.key.localeCompare(b.key)),
      };
    },

    async setAsideText(key) {
      const entry = await (await open()).get('set-aside', key);
      const value: unknown = entry?.value;
      return typeof value === 'object' && value !== null && 'text' in value && typeof value.text === 'string' ? value.text : null;
    },

    async clearSetAside() {
      await (await open()).clear('set-aside');
    },
  };
}
