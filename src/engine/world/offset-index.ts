import type { PartitionState } from '../state';

/** Spacing of a partition's offset index, in sim seconds. */
export const offsetIndexStepS = 60;

/** Samples the partition's log-end offset whenever the index is due. */
export function recordOffsetIndex(p: PartitionState, worldStartS: number, now: number): void {
  while (worldStartS + p.index.length * offsetIndexStepS <= now) p.index.push(p.logEnd);
}

/** The log-end offset the partition had at `time` (what `--to-datetime` resolves to). */
export function offsetAt(p: PartitionState, worldStartS: number, now: number, time: number): number {
  if (time >= now) return p.logEnd;
  const pos = (time - worldStartS) / offsetIndexStepS;
  if (pos <= 0) return p.index[0] ?? p.base;
  const i = Math.floor(pos);
  const lastIndexed = p.index.length - 1;
  if (i >= lastIndexed) {
    const t0 = worldStartS + lastIndexed * offsetIndexStepS;
    const o0 = p.index[lastIndexed] ?? p.base;
    return Math.floor(o0 + ((p.logEnd - o0) * (time - t0)) / Math.max(1, now - t0));
  }
  const o0 = p.index[i] as number;
  const o1 = p.index[i + 1] as number;
  return Math.floor(o0 + (o1 - o0) * (pos - i));
}

/** The time the record at `offset` was produced (its event time); `now` once caught up. */
export function timeAt(p: PartitionState, worldStartS: number, now: number, offset: number): number {
  if (offset >= p.logEnd) return now;
  const idx = p.index;
  if (idx.length === 0 || offset <= (idx[0] as number)) return worldStartS;
  let lo = 0;
  let hi = idx.length - 1;
  if (offset >= (idx[hi] as number)) {
    const t0 = worldStartS + hi * offsetIndexStepS;
    const o0 = idx[hi] as number;
    return Math.floor(t0 + ((now - t0) * (offset - o0)) / Math.max(1, p.logEnd - o0));
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((idx[mid] as number) <= offset) lo = mid;
    else hi = mid;
  }
  const o0 = idx[lo] as number;
  const o1 = idx[hi] as number;
  return Math.floor(worldStartS + (lo + (offset - o0) / Math.max(1, o1 - o0)) * offsetIndexStepS);
}
