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

/** The keys a state is given unset and may set during a run, in the order a new state holds them (session.ts). */
export const laterStateKeys = ['terminal', 'hands', 'replies', 'sql', 'plans'] as const;

/**
 * Whether a state is the one a recorded hash (a saved attempt, a replay file) was taken of. Until
 * a new state held its later keys from the start, each was added when a run first used it, so a
 * hash recorded then has the ones set at the end of the state in that order. The order carries
 * nothing, so a hash taken with them in any order matches.
 */
export function stateHashMatches(state: SimState, recorded: string): boolean {
  if (stateHash(state) === recorded) return true;
  const { hands: _inHand, ...rest } = state;
  const later: string[] = laterStateKeys.filter((key) => key !== 'hands' && rest[key] !== undefined);
  const fixed = Object.entries(rest).filter(([key]) => !later.includes(key));
  return orders(later).some((order) => hashString(JSON.stringify(Object.fromEntries([...fixed, ...order.map((key) => [key, rest[key as keyof typeof rest]])]))) === recorded);
}

// Every order of a few keys.
function orders(keys: string[]): string[][] {
  if (keys.length <= 1) return [keys];
  return keys.flatMap((key, i) => orders([...keys.slice(0, i), ...keys.slice(i + 1)]).map((rest) => [key, ...rest]));
}
