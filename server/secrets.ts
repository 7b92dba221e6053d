import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { roomCodeFrom, roomCodeLength, tokenBytes, tokenFrom } from '../src/rooms';

/** A fresh room code from the CSPRNG. */
export function newRoomCode(): string {
  return roomCodeFrom(randomBytes(roomCodeLength));
}

/** A fresh host or seat token (256 random bits), unrelated to the room code. */
export function newToken(): string {
  return tokenFrom(randomBytes(tokenBytes));
}

/** What the database keeps of a token: its SHA-256, so a leaked database opens no seat. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a token matches a stored hash (compared in constant time). */
export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(tokenHash(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
