import type { SimState } from './state';

/** A 53-bit hash (cyrb53) of a string, as 14 hex digits. */
export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A hash of the whole state: the same inputs give the same hash, byte for byte. What is in each
 * responder's hands is left out: it follows from the log, and what it changed (a refusal) is in
 * the state; so a replay recorded before hands existed, where nobody did three things at once,
 * keeps its hash.
 */
export function stateHash(state: SimState): string {
  const { hands: _inHand, ...rest } = state;
  return hashString(JSON.stringify(rest));
}
