import { roomLimits, type Attribution, type ClockState, type ErrorCode, type Role, type ScheduledInject, type Seat } from '../src/rooms';
import { stageOf, type SimState } from '../src/engine';
import { advanceInPlace, applyEntryInPlace, createInitialState } from '../src/engine/session';
import type { Command, Scenario } from '../src/scenarios/schema';
import type { EntryRecord, ScheduleRecord, StoredClock } from './store/room-store';
import { hostSeat } from './seat-ids';

/** What an accepted command's sender is told; a resend gets the same answer. */
export interface Outcome {
  id: string;
  seq: number | null;
  at: number;
  rejected: string | null;
}

/** A refusal with its error code. */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

/**
 * One room's session, driven from the server's wall clock: the prepared scenario, the engine
 * state, the attributed log, the clock and the host's schedule of injects. Synchronous and free of
 * I/O: the room persists each entry `prepare` returns before it calls `apply`.
 */
export class RoomSession {
  readonly state: SimState;
  /** Sim time, fractional; the engine state trails it by less than a tick. */
  clock: number;
  speed: number;
  paused: boolean;
  readonly entries: EntryRecord[] = [];
  readonly schedule: ScheduleRecord[];
  private readonly outcomes = new Map<string, Outcome>();

  constructor(
    readonly scenario: Scenario,
    seed: number,
    entries: readonly EntryRecord[],
    schedule: readonly ScheduleRecord[],
    clock: StoredClock | null,
  ) {
    this.state = createInitialState(scenario, seed);
    // Replaying the log marks each scheduled inject that fired (its entry carries the schedule id).
    this.schedule = schedule.map((s) => ({ ...s, firedSeq: null }));
    for (const entry of entries) this.apply(entry);
    for (const s of this.schedule) if (s.firedSeq === null) this.outcomes.set(key(hostSeat, s.id), { id: s.id, seq: null, at: s.atS, rejected: null });
    // A restored room comes back paused at the time it had reached, never before its last entry.
    this.clock = Math.max(clock?.t ?? this.state.t, this.state.t);
    // …and never past a scheduled inject that has not fired (the clock was saved after it fell due).
    const firstDue = this.schedule.find((s) => s.firedSeq === null);
    if (firstDue && firstDue.atS < this.clock) this.clock = Math.max(firstDue.atS, this.state.t);
    if (this.running) advanceInPlace(scenario, this.state, Math.floor(this.clock));
    this.speed = clock?.speed ?? 5;
    // Paused only when the incident was in play: a restored briefing waits for the host's start as before.
    this.paused = clock !== null && (clock.paused || this.running);
  }

  /** Whether the incident clock is in play (started, not over). */
  get running(): boolean {
    return stageOf(this.state.flow) === 'running';
  }

  /** The answer already given to this sender's command id, if any (a resend). */
  outcomeOf(seat: string, id: string): Outcome | undefined {
    return this.outcomes.get(key(seat, id));
  }

  /** The server's stamp for a command now, or why a client's own stamp is refused. */
  stamp(clientAt: number | undefined): number | Refusal {
    const now = Math.max(this.state.t, Math.floor(this.clock));
    if (clientAt !== undefined && clientAt < now - roomLimits.maxCommandLagS) return { code: 'stale', message: `the command is stamped ${clientAt}s, more than ${roomLimits.maxCommandLagS}s before the room's time ${now}s` };
    if (clientAt !== undefined && clientAt > now + roomLimits.maxCommandLeadS) return { code: 'future', message: `the command is stamped ${clientAt}s, after the room's time ${now}s` };
    return now;
  }

  /** The next log entry for a command, not yet applied (persist it first). */
  prepare(at: number, command: Command, by: Seat, clientId: string): EntryRecord {
    return { seq: this.entries.length, at, command, seat: by.seat, name: by.name, role: by.role, clientId };
  }

  /** Applies a persisted entry to the engine and records the answer for its sender. */
  apply(entry: EntryRecord): Outcome {
    if (entry.seq !== this.entries.length) throw new Error(`entry ${entry.seq} applied out of order (next is ${this.entries.length})`);
    const before = this.state.rejected.length;
    applyEntryInPlace(this.scenario, this.state, { at: entry.at, command: entry.command, by: entry.seat });
    this.entries.push(entry);
    this.clock = Math.max(this.clock, this.state.t);
    const outcome: Outcome = { id: entry.clientId, seq: entry.seq, at: entry.at, rejected: this.state.rejected.length > before ? (this.state.rejected.at(-1)?.reason ?? null) : null };
    this.outcomes.set(key(entry.seat, entry.clientId), outcome);
    const scheduled = entry.seat === hostSeat ? this.schedule.find((s) => s.id === entry.clientId) : undefined;
    if (scheduled) scheduled.firedSeq = entry.seq;
    return outcome;
  }

  /** Checks a schedule request: an existing inject, at a sim time still ahead. */
  checkSchedule(inject: string, atS: number): Refusal | null {
    if (!this.scenario.injects.some((i) => i.id === inject)) return { code: 'not-found', message: `there is no inject "${inject}" in this scenario` };
    if (atS <= this.clock) return { code: 'stale', message: `${atS}s is not after the room's time ${Math.floor(this.clock)}s; fire it now instead` };
    if (atS > this.scenario.clock.endS) return { code: 'future', message: `${atS}s is after the session's end at ${this.scenario.clock.endS}s` };
    if (this.schedule.filter((s) => s.firedSeq === null).length >= roomLimits.maxScheduledInjects) return { code: 'conflict', message: `a room holds at most ${roomLimits.maxScheduledInjects} scheduled injects` };
    return null;
  }

  /** Adds a persisted schedule item. */
  addSchedule(item: ScheduleRecord): void {
    this.schedule.push(item);
    this.schedule.sort((a, b) => a.atS - b.atS || a.id.localeCompare(b.id));
    this.outcomes.set(key(hostSeat, item.id), { id: item.id, seq: null, at: item.atS, rejected: null });
  }

  /** Removes a schedule item that has not fired. */
  removeSchedule(id: string): boolean {
    const i = this.schedule.findIndex((s) => s.id === id && s.firedSeq === null);
    if (i < 0) return false;
    this.schedule.splice(i, 1);
    this.outcomes.delete(key(hostSeat, id));
    return true;
  }

  /**
   * Runs the clock for a stretch of wall time. It stops at the first scheduled inject that falls
   * due, returning it with the wall time left over: the caller persists and applies the inject at
   * exactly its sim time, then runs the rest. Returns whether the engine's state moved.
   */
  run(wallMs: number): { due: ScheduleRecord | null; leftMs: number; stepped: boolean } {
    if (this.paused || !this.running || wallMs <= 0) return { due: null, leftMs: 0, stepped: false };
    const target = Math.min(this.clock + (wallMs / 1000) * this.speed, this.scenario.clock.endS);
    const due = this.schedule.find((s) => s.firedSeq === null && s.atS <= target) ?? null;
    const until = due ? Math.max(due.atS, this.clock) : target;
    const leftMs = due ? Math.max(0, ((target - until) / this.speed) * 1000) : 0;
    this.clock = until;
    const t = this.state.t;
    if (Math.floor(until) >= this.state.nextTickAt || this.clock >= this.scenario.clock.endS || due) advanceInPlace(this.scenario, this.state, Math.floor(until));
    return { due, leftMs, stepped: this.state.t !== t || !this.running };
  }

  /** The clock as clients see it. */
  clockState(serverNow: number): ClockState {
    return { t: this.running ? this.clock : this.state.t, paused: this.paused, speed: this.speed, stage: stageOf(this.state.flow), serverNow };
  }

  /** The clock as persisted. */
  storedClock(): StoredClock {
    return { t: this.clock, speed: this.speed, paused: this.paused };
  }

  /**
   * The log's attribution; players do not see the host's entries (injects are theirs to discover,
   * and a hint's recipient is the host's to know). `seatOf` names a hint's recipient for the host.
   */
  attribution(forRole: Role, seatOf: (seat: string) => Seat | undefined = () => undefined): Attribution[] {
    const rows = forRole === 'host' ? this.entries : this.entries.filter((e) => e.role !== 'host');
    // A recipient who is not at this table (a room started from a moment of another keeps that
    // room's log) is still named, from the entries they typed there.
    const author = (seat: string): Seat | undefined => {
      const e = this.entries.find((x) => x.seat === seat);
      return e && { seat, name: e.name, role: e.role };
    };
    return rows.map((e) => {
      const to = e.command.type === 'hint.reveal' && e.command.to !== undefined ? (seatOf(e.command.to) ?? author(e.command.to)) : undefined;
      return { seq: e.seq, at: e.at, type: e.command.type, by: { seat: e.seat, name: e.name, role: e.role }, ...(to && { to: { seat: to.seat, name: to.name, role: to.role } }) };
    });
  }

  /** The host's schedule. */
  scheduled(): ScheduledInject[] {
    return this.schedule.map((s) => ({ ...s }));
  }
}

function key(seat: string, id: string): string {
  return `${seat}\u0000${id}`;
}
