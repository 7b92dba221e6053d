import type { SeriesState } from '../engine/state';

/** A view: a record of top-level parts, one of them the metrics' series. */
export type PatchableView = { series: SeriesState } & Record<string, unknown>;

/** The series' new samples: keep the first `from` samples, then append these. */
export interface SeriesAppend {
  from: number;
  times: number[];
  values: Record<string, number[]>;
}

/** Items appended to a list: keep the first `from`, then append these. */
export interface ListAppend<T = unknown> {
  from: number;
  items: T[];
}

/**
 * What changed between two views: the top-level parts that differ, whole in `set`, or, for lists
 * that only grew (timeline, notes, messages…), the items appended in `append`; the series whole
 * (in `set`) or as the samples appended since. A client applies it to the last view it holds.
 */
export interface ViewPatch<V extends PatchableView> {
  set: Partial<V>;
  append?: Record<string, ListAppend>;
  series?: SeriesAppend;
}

/** The items appended to a list, when `next` is `prev` with items added at the end (told by their JSON, which is at hand). */
export function appendedItems<T>(prev: readonly T[], prevJson: string, next: readonly T[], nextJson: string): ListAppend<T> | null {
  if (next.length < prev.length || !nextJson.startsWith(prevJson.slice(0, -1))) return null;
  // "[a,b" must be followed by "," (more items) — "[1" is not a prefix of the list "[12]".
  if (prev.length > 0 && next.length > prev.length && nextJson[prevJson.length - 1] !== ',') return null;
  if (prev.length === next.length && prevJson !== nextJson) return null;
  return { from: prev.length, items: next.slice(prev.length) };
}

/** A view's parts serialised once, so several diffs against it cost nothing more. */
export interface ViewSnapshot<V extends PatchableView> {
  view: V;
  parts: Map<string, string>;
}

/** Serialises a view's parts (all but the series) for diffing. */
export function snapshotView<V extends PatchableView>(view: V): ViewSnapshot<V> {
  const parts = new Map<string, string>();
  for (const [k, v] of Object.entries(view)) if (k !== 'series') parts.set(k, JSON.stringify(v));
  return { view, parts };
}

/** The patch from one view to the next. */
export function diffViews<V extends PatchableView>(prev: ViewSnapshot<V>, next: ViewSnapshot<V>): ViewPatch<V> {
  const set: Record<string, unknown> = {};
  const append: Record<string, ListAppend> = {};
  for (const [k, json] of next.parts) {
    const before = prev.parts.get(k);
    if (before === json) continue;
    const [a, b] = [prev.view[k], next.view[k]];
    const grown = before !== undefined && Array.isArray(a) && Array.isArray(b) ? appendedItems(a, before, b, json) : null;
    if (grown) append[k] = grown;
    else set[k] = next.view[k];
  }
  for (const k of prev.parts.keys()) if (!next.parts.has(k)) set[k] = undefined;
  const a = prev.view.series;
  const b = next.view.series;
  const patch: ViewPatch<V> = { set: set as Partial<V>, ...(Object.keys(append).length > 0 && { append }) };
  if (a.times.length === b.times.length && a.times.at(-1) === b.times.at(-1) && a.stepS === b.stepS) return patch;
  // Append-only while the series has not reached its capacity (nothing dropped at the front).
  const appended = a.stepS === b.stepS && b.times.length > a.times.length && b.times[0] === a.times[0] && b.times[a.times.length - 1] === a.times.at(-1);
  if (!appended) {
    (patch.set as Record<string, unknown>).series = b;
    return patch;
  }
  const from = a.times.length;
  const values: Record<string, number[]> = {};
  for (const [metric, column] of Object.entries(b.values)) values[metric] = a.values[metric] ? column.slice(from) : column;
  patch.series = { from, times: b.times.slice(from), values };
  return patch;
}

/** Applies a patch to the view a client holds, returning the new view (the old one is untouched). */
export function applyViewPatch<V extends PatchableView>(view: V, patch: ViewPatch<V>): V {
  const next = { ...view, ...patch.set } as V;
  for (const [k, v] of Object.entries(patch.set)) if (v === undefined) delete (next as Record<string, unknown>)[k];
  for (const [k, grown] of Object.entries(patch.append ?? {})) {
    const list = (view as Record<string, unknown>)[k];
    (next as Record<string, unknown>)[k] = [...(Array.isArray(list) ? list.slice(0, grown.from) : []), ...grown.items];
  }
  const s = patch.series;
  if (!s) return next;
  const base = next.series;
  const values: Record<string, number[]> = {};
  for (const [metric, column] of Object.entries(s.values)) {
    // A metric that first appears in this patch arrives whole, back-filled to line up with `times`.
    const kept = base.values[metric];
    values[metric] = kept && column.length === s.times.length ? [...kept.slice(0, s.from), ...column] : column;
  }
  return { ...next, series: { stepS: base.stepS, times: [...base.times.slice(0, s.from), ...s.times], values } };
}
