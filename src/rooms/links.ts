/** Room codes avoid letters and digits people confuse when read aloud or off a projector (0/O, 1/I/L). */
export const roomCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters in a room code. */
export const roomCodeLength = 6;
/** Random bytes in a host or seat token (256 bits), written as base64url. */
export const tokenBytes = 32;

const codePattern = new RegExp(`^[${roomCodeAlphabet}]{${roomCodeLength}}$`);

/** A room code as typed (six characters of the alphabet, case-insensitive on input), or null. Plain code, so links parse without zod on the first screen. */
export function normalizeRoomCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return codePattern.test(code) ? code : null;
}

/** The shape of a host or seat token: 43 base64url characters (32 random bytes), never derived from the code. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** Makes a room code from random bytes (the server passes its CSPRNG's output; one byte per character). */
export function roomCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < roomCodeLength) throw new Error(`a room code needs ${roomCodeLength} random bytes`);
  let code = '';
  // 31 symbols: rejection would be exact, but 256 mod 31 leaves a bias of under 1%, harmless for a short-lived code.
  for (let i = 0; i < roomCodeLength; i += 1) code += roomCodeAlphabet[(bytes[i] as number) % roomCodeAlphabet.length];
  return code;
}

/** Writes random bytes as a token (base64url, no padding). */
export function tokenFrom(bytes: Uint8Array): string {
  if (bytes.length !== tokenBytes) throw new Error(`a token needs ${tokenBytes} random bytes`);
  const b64 = '=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k += 1) out += b64[((n >> (18 - 6 * k)) & 63) + 1];
  }
  return out;
}

/**
 * Links live in the URL fragment, which browsers never send to a server or in a Referer:
 * `#/room/ABC234` joins as a participant, `#/room/ABC234/host/<token>` opens the host's console.
 */
export function joinLink(origin: string, code: string): string {
  return `${origin}/#/room/${code}`;
}

/** The host's secret link (see joinLink). */
export function hostLink(origin: string, code: string, hostToken: string): string {
  return `${origin}/#/room/${code}/host/${hostToken}`;
}

/** The projector's link: the room's shared view in large type, for a second screen (see joinLink). */
export function projectorLink(origin: string, code: string): string {
  return `${origin}/#/room/${code}/projector`;
}

/** What a room link's fragment names, or null when the fragment is not a room link. */
export type RoomLink = { code: string; hostToken: string | null; projector?: true };

/** Reads a room link's fragment (`#/room/CODE`, `#/room/CODE/projector` or `#/room/CODE/host/TOKEN`); null for anything else. */
export function parseRoomLink(hash: string): RoomLink | null {
  const m = /^#?\/room\/([^/]+)(?:\/host\/([^/]+)|\/(projector))?\/?$/.exec(hash);
  if (!m) return null;
  const code = normalizeRoomCode(m[1] as string);
  if (code === null) return null;
  if (m[3] !== undefined) return { code, hostToken: null, projector: true };
  if (m[2] === undefined) return { code, hostToken: null };
  return tokenPattern.test(m[2]) ? { code, hostToken: m[2] } : null;
}
