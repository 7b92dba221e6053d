/**
 * Splits a whole `total` over `weights` in proportion, by largest remainder, so the parts are
 * whole numbers that add up to exactly `total` (deterministic: ties go to the earlier weight).
 * With no positive weight the parts are all zero unless `fallback` weights are given.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.max(0, weights[i] as number);
  const parts = new Array<number>(n).fill(0);
  if (total <= 0 || sum <= 0) return parts;
  // A table model apportions over hundreds of slices per column, so this loop allocates no tuples.
  const remainders = new Float64Array(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const exact = (Math.max(0, weights[i] as number) * total) / sum;
    const whole = Math.floor(exact);
    parts[i] = whole;
    remainders[i] = exact - whole;
    left -= whole;
  }
  if (left <= 0) return parts;
  if (left >= n) {
    for (let i = 0; i < n; i++) parts[i] = (parts[i] as number) + 1;
    return parts;
  }
  // The `left` largest remainders get one more, ties to the earlier weight: every remainder above
  // the left-th largest, then the earliest of those equal to it. A numeric sort of a typed array
  // finds that threshold without a comparator call per pair.
  const threshold = remainders.slice().sort()[n - left] as number;
  let above = 0;
  for (let i = 0; i < n; i++) if ((remainders[i] as number) > threshold) above += 1;
  let atThreshold = left - above;
  for (let i = 0; i < n; i++) {
    const r = remainders[i] as number;
    if (r > threshold || (r === threshold && atThreshold-- > 0)) parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}
