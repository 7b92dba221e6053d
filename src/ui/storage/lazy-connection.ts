import type { IDBPDatabase } from 'idb';

/**
 * Opens an IndexedDB database on first use and keeps the connection. Another tab upgrading
 * the schema closes it (so that tab is not blocked) and a failed open (storage disabled, say)
 * is not remembered: both reopen on next use.
 */
export function lazyConnection<T>(openDb: () => Promise<IDBPDatabase<T>>): () => Promise<IDBPDatabase<T>> {
  let db: Promise<IDBPDatabase<T>> | null = null;
  return () => {
    if (db) return db;
    const opening = openDb().then((opened) => {
      opened.addEventListener('versionchange', () => {
        opened.close();
        db = null;
      });
      return opened;
    });
    opening.catch(() => {
      if (db === opening) db = null;
    });
    db = opening;
    return opening;
  };
}
