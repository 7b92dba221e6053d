/** The largest seed the engine's PRNG tells apart (it mixes seeds as 32-bit integers). */
export const maxSeed = 4_294_967_295;

/**
 * A fresh seed for a new session, six digits so it is easy to read out in a drill. The UI may
 * use host randomness; the engine only ever sees the number.
 */
export function randomSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) % 1_000_000;
}

/** Reads a seed typed by the player: a whole number from 0 to `maxSeed`, or null. */
export function parseSeed(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const seed = Number(trimmed);
  return Number.isSafeInteger(seed) && seed <= maxSeed ? seed : null;
}
