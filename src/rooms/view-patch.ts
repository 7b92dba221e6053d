import type { SeriesState } from '../engine/state';

/** A view: a record of top-level parts, one of them the metrics' series. */
export type PatchableView = { series: SeriesState } & Record<string, unknown>;

/** The series' new samples: keep the first `from` samples, then append these. */
export interface SeriesAppend {
  from: number;
  times: number[];
  values: Record<string, number[]>;
}

/**
 * What changed between two views: the top-level parts that differ, whole, and the series either
 * whole (in `set`) or as the samples appended since. A client applies it to the last view it holds.
 */
export interface ViewPatch<V extends PatchableView> {
  set: Partial<V>;
  series?: SeriesAppend;
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
  for (const [k, json] of next.parts) if (prev.parts.get(k) !== json) set[k] = next.view[k];
  for (const k of prev.parts.keys()) if (!next.parts.has(k)) set[k] = undefined;
  const a = prev.view.series;
  const b = next.view.series;
  const patch: ViewPatch<V> = { set: set as Partial<V> };
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
