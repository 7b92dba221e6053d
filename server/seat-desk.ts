import { randomBytes } from 'node:crypto';
import { joinRoomOptionsSchema, mayCommand, roleLabel, rolesByMode, roomLimits, type Participant, type ParticipantRole, type Seat } from '../src/rooms';
import type { CommandType } from '../src/scenarios/schema';
import { hostSeat } from './seat-ids';
import { newToken, tokenHash, tokenMatches } from './secrets';
import type { RoomRecord, SeatRecord } from './store/room-store';

/** A seat granted at join: who sits there, and the seat record to persist when it is new or changed. */
export interface SeatClaim {
  seat: Seat;
  persist: SeatRecord | null;
}

/** Why a join was refused, with the HTTP-like status Colyseus hands the client. */
export interface SeatRefusal {
  error: string;
  status: number;
}

/** New seats one room hands out (seats are kept for returns, so this is more than the connections allowed). */
const maxSeats = roomLimits.maxParticipantsPerRoom * 3;

/**
 * The room's seats: who holds which role, which connection sits in each, and the tokens that take
 * a seat back. The host's seat opens only with the host token; a seat token reclaims any other seat.
 */
export class SeatDesk {
  private readonly seats = new Map<string, SeatRecord>();
  private readonly live = new Map<string, string>();
  /** Plain tokens seen in this process (the store keeps only hashes), to hand back in `welcome`. */
  private readonly tokens = new Map<string, string>();
  /** The host token, once someone has presented it (or the room was created here). */
  hostToken: string | null = null;

  constructor(
    private readonly record: RoomRecord,
    seats: readonly SeatRecord[],
  ) {
    for (const s of seats) this.seats.set(s.seat, s);
  }

  /** The creator's seat: the host's, with the host token the room was just created with. */
  claimHostAsCreator(name: string, hostToken: string): SeatClaim {
    this.hostToken = hostToken;
    return this.grant({ seat: hostSeat, name, role: 'host' }, undefined);
  }

  /** Checks join options and grants a seat: the host's by host token, a returning one by seat token, or a new one. */
  claim(options: unknown): SeatClaim | SeatRefusal {
    const parsed = joinRoomOptionsSchema.safeParse(options);
    if (!parsed.success) return { status: 400, error: `join options: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}` };
    const o = parsed.data;
    if (o.role === 'host') {
      if (!tokenMatches(o.hostToken, this.record.hostTokenHash)) return { status: 403, error: 'this host token does not open this room' };
      this.hostToken = o.hostToken;
      return this.grant({ seat: hostSeat, name: o.name, role: 'host' }, o.seatToken);
    }
    if (o.seatToken !== undefined) {
      const held = [...this.seats.values()].find((s) => s.seat !== hostSeat && tokenMatches(o.seatToken as string, s.tokenHash));
      if (!held) return { status: 403, error: 'this seat token belongs to no seat in this room' };
      this.tokens.set(held.seat, o.seatToken);
      return { seat: { seat: held.seat, name: held.name, role: held.role }, persist: null };
    }
    if (!rolesByMode[this.record.mode].includes(o.role)) return { status: 400, error: `a ${this.record.mode} has no ${o.role} role; choose one of ${rolesByMode[this.record.mode].join(', ')}` };
    if (this.seats.size >= maxSeats) return { status: 409, error: `this room has handed out its ${maxSeats} seats; rejoin with your seat token` };
    let id = `s-${randomBytes(6).toString('hex')}`;
    while (this.seats.has(id)) id = `s-${randomBytes(6).toString('hex')}`;
    return this.grant({ seat: id, name: o.name, role: o.role }, undefined);
  }

  private grant(seat: Seat, presented: string | undefined): SeatClaim {
    const existing = this.seats.get(seat.seat);
    const keep = existing !== undefined && presented !== undefined && tokenMatches(presented, existing.tokenHash);
    const token = keep ? (presented as string) : newToken();
    const record: SeatRecord = { ...seat, tokenHash: keep ? existing.tokenHash : tokenHash(token) };
    this.seats.set(seat.seat, record);
    this.tokens.set(seat.seat, token);
    return { seat, persist: record };
  }

  /** Notes the connection now sitting in a seat. */
  connect(seat: string, sessionId: string): void {
    this.live.set(seat, sessionId);
  }

  /** Notes that a seat's connection left (unless another has taken the seat since). */
  disconnect(seat: string, sessionId: string): void {
    if (this.live.get(seat) === sessionId) this.live.delete(seat);
  }

  /** A seat by id. */
  seat(id: string): Seat | undefined {
    const s = this.seats.get(id);
    return s && { seat: s.seat, name: s.name, role: s.role };
  }

  /** The host's seat, for entries the server writes on the host's behalf (scheduled injects). */
  hostSeat(): Seat {
    return this.seat(hostSeat) ?? { seat: hostSeat, name: roleLabel('host', this.record.mode), role: 'host' };
  }

  /** Whether a seat may send an engine command. */
  mayCommand(seat: Seat, type: CommandType): boolean {
    return mayCommand(seat.role, type);
  }

  /** Moves a participant to another role of this kind of room. */
  assign(seat: string, role: ParticipantRole): SeatRecord | { error: string } {
    const s = this.seats.get(seat);
    if (!s || s.role === 'host') return { error: `there is no participant seat "${seat}"` };
    if (!rolesByMode[this.record.mode].includes(role)) return { error: `a ${this.record.mode} has no ${role} role` };
    const changed = { ...s, role };
    this.seats.set(seat, changed);
    return changed;
  }

  /** The seat's token, when this process has seen it. */
  tokenOf(seat: string): string | null {
    return this.tokens.get(seat) ?? null;
  }

  /** The lobby: every seat with its role and whether someone sits in it now. */
  participants(): Participant[] {
    return [...this.seats.values()].map((s) => ({ seat: s.seat, name: s.name, role: s.role, connected: this.live.has(s.seat) }));
  }
}
