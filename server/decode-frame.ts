import { unpack } from '@colyseus/msgpackr';
import { Protocol } from '@colyseus/core';
import { decode } from '@colyseus/schema';

/** A client's data frame, decoded: its message type and payload, or why it could not be read. */
export type DecodedFrame = { ok: true; type: string | number; payload: unknown } | { ok: false; message: string; type?: string };

/**
 * Decodes a Colyseus data frame (the code byte, the message type, a msgpack payload) the way
 * Colyseus does, but answers a frame that does not decode instead of dropping the connection.
 */
export function decodeFrame(buffer: Buffer): DecodedFrame {
  try {
    const it = { offset: 1 };
    const type = decode.stringCheck(buffer, it) ? decode.string(buffer, it) : decode.number(buffer, it);
    if (buffer[0] === Protocol.ROOM_DATA_BYTES) return { ok: false, message: 'binary messages are not part of the protocol', type: String(type).slice(0, 60) };
    return { ok: true, type, payload: buffer.byteLength > it.offset ? unpack(buffer.subarray(it.offset)) : undefined };
  } catch (_error) {
    return { ok: false, message: 'the message could not be decoded' };
  }
}
