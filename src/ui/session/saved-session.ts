import type { LogEntry } from '../../scenarios/schema';
import { levelNames, type Level } from '../../scenarios/schema/level-names';

/** What is kept in the browser so a refresh resumes the incident exactly where it was. */
export interface SavedSession {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  /** The run level; sessions saved before levels existed were normal. */
  level: Level;
  log: LogEntry[];
  /** The displayed sim time when saved. */
  clock: number;
  hintsOn: boolean;
}

const key = 'firedrill.session.v1';

/** Saves the session (its log is the whole truth; the state is replayed from it). */
export function saveSession(storage: Storage, session: SavedSession): void {
  try {
    storage.setItem(key, JSON.stringify(session));
  } catch {
    // A full or disabled storage must not break play; the session simply won't survive a refresh.
  }
}

/** Moves an unusable saved session aside under a dated key, so nothing is lost. */
export function setAsideSavedSession(storage: Storage, stamp: string): string {
  const raw = storage.getItem(key);
  const asideKey = `${key}.set-aside.${stamp}`;
  if (raw !== null) storage.setItem(asideKey, raw);
  storage.removeItem(key);
  return asideKey;
}

/** Forgets the saved session. */
export function clearSavedSession(storage: Storage): void {
  storage.removeItem(key);
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);

/** Reads the saved session, or says why it cannot be used (it is then left for the caller to set aside). */
export function loadSavedSession(storage: Storage): { session: SavedSession } | { error: string } | null {
  const raw = storage.getItem(key);
  if (raw === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { error: 'the saved session is not valid JSON' };
  }
  if (typeof data !== 'object' || data === null) return { error: 'the saved session is not an object' };
  const d = data as Record<string, unknown>;
  if (typeof d.scenarioId !== 'string') return { error: 'the saved session has no scenario id' };
  if (!isInt(d.scenarioVersion) || !isInt(d.seed)) return { error: 'the saved session has no valid scenario version or seed' };
  if (typeof d.clock !== 'number' || !Number.isFinite(d.clock)) return { error: 'the saved session has no valid clock' };
  if (!Array.isArray(d.log)) return { error: 'the saved session has no log' };
  const badEntry = d.log.findIndex((e: unknown) => {
    const entry = e as { at?: unknown; command?: { type?: unknown } } | null;
    return !entry || !isInt(entry.at) || typeof entry.command !== 'object' || entry.command === null || typeof entry.command.type !== 'string';
  });
  if (badEntry >= 0) return { error: `entry ${badEntry} of the saved log is malformed` };
  const level = d.level ?? 'normal';
  if (!(levelNames as readonly unknown[]).includes(level)) return { error: `the saved session's level "${String(level)}" is not one of ${levelNames.join(', ')}` };
  return { session: { scenarioId: d.scenarioId, scenarioVersion: d.scenarioVersion, seed: d.seed, level: level as Level, clock: d.clock, hintsOn: d.hintsOn !== false, log: d.log as LogEntry[] } };
}
