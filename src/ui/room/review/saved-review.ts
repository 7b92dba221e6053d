import { z } from 'zod';
import { hashString } from '../../../engine/state-hash';
import { rubricMarkSchema, type RubricMark } from '../../../rooms';

/** What a second interviewer has done with one round so far: their name, their marks, whether they revealed the first marks. */
export interface ReviewProgress {
  name: string;
  marks: RubricMark[];
  revealed: boolean;
}

const prefix = 'firedrill.review.';
const currentKey = `${prefix}current`;
const keyOf = (hash: string) => `${prefix}round.${hash}`;

const savedSchema = z.strictObject({
  version: z.literal(1),
  fileName: z.string().max(260),
  /** The round file as it was opened, so a reload opens it again. */
  text: z.string().min(1),
  name: z.string().max(40),
  marks: z.array(rubricMarkSchema).max(64),
  revealed: z.boolean(),
});

/** A saved review read back: the round file's text and name, and the progress on it. */
export interface SavedReview extends ReviewProgress {
  fileName: string;
  text: string;
}

/** What reading a saved review found: nothing, the review, or a corrupt entry (to drop with `dropReview(hash)`) and why. */
export type LoadedReview = { kind: 'none' } | { kind: 'saved'; hash: string; review: SavedReview } | { kind: 'corrupt'; hash: string; problem: string };

/** Which saved review belongs to a round file: its text's hash. */
export function reviewHash(text: string): string {
  return hashString(text);
}

function parse(raw: string | null): { ok: true; review: SavedReview } | { ok: false; problem: string } | null {
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'it is not valid JSON' };
  }
  const parsed = savedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `its field "${issue?.path.join('.') || '(top level)'}" is invalid (${issue?.message ?? 'unknown problem'})` };
  }
  const { version: _version, ...review } = parsed.data;
  return { ok: true, review };
}

/**
 * The review this browser had open at #/review, to open again after a reload; a corrupt entry
 * (edited, cut short, from another version) is reported with why, never thrown. Reads only.
 */
export function loadCurrentReview(storage: Storage): LoadedReview {
  const hash = storage.getItem(currentKey);
  if (hash === null) return { kind: 'none' };
  const read = parse(storage.getItem(keyOf(hash)));
  if (read === null) return { kind: 'corrupt', hash, problem: 'its entry is missing' };
  if (!read.ok) return { kind: 'corrupt', hash, problem: read.problem };
  if (reviewHash(read.review.text) !== hash) return { kind: 'corrupt', hash, problem: 'its round file does not match the one it was saved for' };
  return { kind: 'saved', hash, review: read.review };
}

/** The progress saved for a round file opened again (null when there is none, or it was corrupt and has been dropped). */
export function loadProgressFor(storage: Storage, text: string): ReviewProgress | null {
  const hash = reviewHash(text);
  const read = parse(storage.getItem(keyOf(hash)));
  if (read === null) return null;
  if (!read.ok || read.review.text !== text) {
    storage.removeItem(keyOf(hash));
    return null;
  }
  return { name: read.review.name, marks: read.review.marks, revealed: read.review.revealed };
}

/** Keeps a review's progress (and which round is open); returns why it could not be kept (storage full or off), or null. */
export function saveReview(storage: Storage, fileName: string, text: string, progress: ReviewProgress): string | null {
  const hash = reviewHash(text);
  try {
    storage.setItem(keyOf(hash), JSON.stringify({ version: 1, fileName: fileName.slice(0, 260), text, name: progress.name, marks: progress.marks, revealed: progress.revealed }));
    storage.setItem(currentKey, hash);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Removes a round's saved review (and forgets it as the open one). */
export function dropReview(storage: Storage, hash: string): void {
  storage.removeItem(keyOf(hash));
  if (storage.getItem(currentKey) === hash) storage.removeItem(currentKey);
}
