import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenarios/schema';
import { truncTo, wallSeconds } from '../../src/engine/sql/warehouse-clock';

// Only the clock is read; the rest of the scenario does not matter here.
const withClock = (timeOfDayAtZeroS: number, utcOffsetS?: number) => ({ clock: { timeOfDayAtZeroS, utcOffsetS, dateAtZero: '2024-03-11' } }) as unknown as Scenario;

describe('the warehouse clock', () => {
  it('truncates to the start of the hour or five-minute slice holding a time, before and after midnight', () => {
    const s = withClock(9 * 3600); // sim time 0 is 09:00
    expect(truncTo(s, 0, 3600)).toBe(0);
    expect(truncTo(s, 1799, 3600)).toBe(0);
    expect(truncTo(s, -1, 3600)).toBe(-3600);
    expect(truncTo(s, 301, 300)).toBe(300);
    expect(truncTo(s, -9 * 3600 - 1, 86_400)).toBe(-9 * 3600 - 86_400);
    // On a UTC clock the hour starts by the UTC wall time: 09:00 at -05:00 is 14:00 UTC.
    expect(truncTo(withClock(9 * 3600 + 1800, -5 * 3600), 0, 3600)).toBe(-1800);
  });

  it('gives a whole-second time the start of its unit: a multiple of the unit on the wall clock, at most one unit back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_399 }), fc.option(fc.integer({ min: -12, max: 14 }), { nil: undefined }), fc.integer({ min: -200_000, max: 200_000 }), fc.constantFrom(60, 300, 900, 3600, 86_400), (tod, offsetH, t, unit) => {
        const s = withClock(tod, offsetH === undefined ? undefined : offsetH * 3600);
        const start = truncTo(s, t, unit);
        expect(t - start).toBeGreaterThanOrEqual(0);
        expect(t - start).toBeLessThan(unit);
        expect(((wallSeconds(s, start) % unit) + unit) % unit).toBe(0);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});
