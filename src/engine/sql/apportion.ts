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
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  for (let k = 0; k < order.length && left > 0; k++) {
    const i = order[k] as number;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts;
}
