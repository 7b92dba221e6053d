/**
 * The seeded PRNG (mulberry32). Its whole state is one 32-bit integer kept inside the sim
 * state, so replaying a log draws exactly the same numbers.
 */
export interface RngHolder {
  rng: number;
}

/** Turns any integer seed into a well-mixed starting state. */
export function seedRng(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Draws a float in [0, 1) and advances the holder's PRNG state. */
export function nextFloat(holder: RngHolder): number {
  holder.rng = (holder.rng + 0x6d2b79f5) >>> 0;
  let t = holder.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Draws an integer in [min, max], both included. */
export function nextInt(holder: RngHolder, min: number, max: number): number {
  return min + Math.floor(nextFloat(holder) * (max - min + 1));
}

/** Draws a float in [-1, 1). */
export function nextSigned(holder: RngHolder): number {
  return nextFloat(holder) * 2 - 1;
}
