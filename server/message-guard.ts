import { roomLimits, type ErrorCode } from '../src/rooms';

/** A refused frame; `quiet` when the sender was already told about its flood this second. */
export interface GuardRefusal {
  code: ErrorCode;
  message: string;
  quiet: boolean;
}

/**
 * Checks a raw client frame before Colyseus decodes it: its size, and how many the connection
 * sent in the last second. Returns the refusal, or null when the frame may go on.
 */
export class MessageGuard {
  private readonly recent = new Map<string, number[]>();
  private readonly floodToldAt = new Map<string, number>();

  check(sessionId: string, bytes: number, now: number): GuardRefusal | null {
    const times = (this.recent.get(sessionId) ?? []).filter((t) => now - t < 1000);
    times.push(now);
    // Only the last (limit + 1) times matter, so a flood costs constant work per frame.
    if (times.length > roomLimits.maxMessagesPerSecond + 1) times.shift();
    this.recent.set(sessionId, times);
    if (times.length > roomLimits.maxMessagesPerSecond) {
      const told = this.floodToldAt.get(sessionId);
      const quiet = told !== undefined && now - told < 1000;
      if (!quiet) this.floodToldAt.set(sessionId, now);
      return { code: 'flood', message: `more than ${roomLimits.maxMessagesPerSecond} messages in one second; the extra ones are dropped`, quiet };
    }
    if (bytes > roomLimits.maxMessageBytes) return { code: 'too-large', message: `the message is ${bytes} bytes; the limit is ${roomLimits.maxMessageBytes}`, quiet: false };
    return null;
  }

  /** Forgets a connection that left. */
  forget(sessionId: string): void {
    this.recent.delete(sessionId);
    this.floodToldAt.delete(sessionId);
  }
}
