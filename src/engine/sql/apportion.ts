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
  // the left-th largest, then the earliest of those equal to it. That threshold is found by
  // selection, in time linear in the slices (a sort was most of a table model's cost).
  const threshold = kthSmallest(remainders.slice(), n - left);
  let above = 0;
  for (let i = 0; i < n; i++) if ((remainders[i] as number) > threshold) above += 1;
  let atThreshold = left - above;
  for (let i = 0; i < n; i++) {
    const r = remainders[i] as number;
    if (r > threshold || (r === threshold && atThreshold-- > 0)) parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}

/**
 * The k-th smallest number of `a` (0-based), by Hoare's selection: partition around a middle
 * pivot and keep only the side holding k. Reorders `a`. The numbers are remainders in [0, 1), so
 * none is NaN and `<` orders them all.
 */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i += 1;
      while ((a[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const x = a[i] as number;
        a[i] = a[j] as number;
        a[j] = x;
        i += 1;
        j -= 1;
      }
    }
    // Now a[lo..j] <= pivot, a[i..hi] >= pivot, and anything between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}
