import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from '../../src/engine/sql/apportion';

// Largest remainder written the plain way: every index sorted by remainder, ties to the earlier one.
function byFullSort(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) * total) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = weights.map((_, i) => i).sort((a, b) => (exact[b] as number) - (parts[b] as number) - ((exact[a] as number) - (parts[a] as number)) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts;
}

describe('splitting a whole total over slices', () => {
  it('gives the leftover units to the largest remainders, ties to the earlier slice', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(2, [1, 1, 1, 1])).toEqual([1, 1, 0, 0]);
    expect(apportion(5, [0.2, 0.5, 0.3, 0])).toEqual([1, 3, 1, 0]);
    expect(apportion(7, [-3, 0, 0])).toEqual([0, 0, 0]);
  });

  it('agrees with a full sort of the remainders on any weights, and the parts add up to the total', () => {
    const weight = fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(0.1, 0.2, 0.3));
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 500 }), fc.array(weight, { minLength: 1, maxLength: 40 }), (total, weights) => {
        const parts = apportion(total, weights);
        expect(parts).toEqual(byFullSort(total, weights));
        if (total > 0 && weights.some((w) => w > 0)) expect(parts.reduce((a, p) => a + p, 0)).toBe(total);
      }),
      { numRuns: 4000, seed: 7 },
    );
  });

  it('agrees with a full sort over hundreds of slices, where the remainders repeat and tie', () => {
    // Table models apportion over hundreds of slices; repeated weights make many equal remainders.
    const weights = fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 100, maxLength: 700 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), weights, (total, ws) => {
        expect(apportion(total, ws)).toEqual(byFullSort(total, ws));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
